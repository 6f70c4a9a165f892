#include <unistd.h>
int main(void) {
    write(1, "abc", 10);
    return 0;
}
