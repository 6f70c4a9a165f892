/* must reject: system() is not in the subset */
#include <stdlib.h>

int main(void)
{
    return system("echo hi");
}
