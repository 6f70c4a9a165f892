/* signal(SIGINT, handler) installs a handler function */
#include <stdio.h>
#include <signal.h>

static void on_int(int sig) { (void)sig; }

int main(void)
{
    signal(SIGINT, on_int);
    printf("installed\n");
    return 0;
}
