/* pins setvbuf(stdout, NULL, _IOLBF, 0) then _exit(0): complete lines were written, the trailing partial line is lost */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    int r = setvbuf(stdout, NULL, _IOLBF, 0);
    printf("setvbuf returned %d\n", r);
    printf("first half ");
    printf("second half\n");
    printf("partial line, lost");
    fprintf(stderr, "stderr\n");
    _exit(0);
}
