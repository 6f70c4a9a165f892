/* pins fflush(stdout) before _exit(3): flushed text appears, later text is lost, status 3 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("flushed line\n");
    printf("flushed partial");
    fflush(stdout);
    printf(" but this part is lost\n");
    _exit(3);
}
