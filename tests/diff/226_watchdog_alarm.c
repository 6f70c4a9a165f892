/* a watchdog alarm re-armed before each of many quick writes never goes off (busy processes do not move the clock to an alarm) */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#include <fcntl.h>
/* watchdog: re-armed before each quick write, it should never fire */
void h(int s) { write(1, "watchdog fired\n", 15); _exit(1); }
int main(void) {
    int fd = open("/dev/null", O_WRONLY);
    signal(SIGALRM, h);
    for (int i = 0; i < 5000; i++) { alarm(10); write(fd, "x", 1); }
    alarm(0);
    printf("done\n");
    return 0;
}
