/* 30 processes each fill 500 AF_UNIX socketpairs to their 212,992-byte SO_SNDBUF: ipcsim reaches 6.1 GB RSS (about 13 GB with the full 64 processes), far past the run-wide ~2 GiB memory cap that malloc/shm obey. Linux would buffer it too, but a simulator run should not be able to take the host down: socket buffers (and mailbox messages) are not counted against the run memory limit. Run: /usr/bin/time -v ipcsim run socket_buffers_memory.c */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
static char big[219264];
int main(void) {
    for (int k = 0; k < 30; k++) {
        if (fork() == 0) {
            long tot = 0; int sv[2];
            for (int i = 0; i < 500; i++) {
                if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) break;
                long a = send(sv[0], big, sizeof big, MSG_DONTWAIT), b = send(sv[1], big, sizeof big, MSG_DONTWAIT);
                tot += (a > 0 ? a : 0) + (b > 0 ? b : 0);
            }
            printf("child %d buffered %ld MB\n", k, tot >> 20); fflush(stdout);
            sleep(100);
            _exit(0);
        }
    }
    while (wait(NULL) > 0);
    return 0;
}
