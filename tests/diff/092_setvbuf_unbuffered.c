/* pins setvbuf(stdout, NULL, _IONBF, 0) then _exit(0): every printf was written at once, nothing is lost */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int r = setvbuf(stdout, NULL, _IONBF, 0);
    printf("setvbuf returned %d\n", r);
    printf("unbuffered partial ");
    printf("line\n");
    fprintf(stderr, "stderr\n");
    _exit(0);
}
