/* A client and a server talk through two named pipes, "requests" and
   "replies". Opening a named pipe waits for the other side to open it
   too: the server opens "requests" first, the client "replies" first, so
   each waits for the other for ever. ipcsim names the wait-for cycle
   (each waits for a writer on the pipe the other would open next); the
   fix is to open the two pipes in the same order on both sides.
   Not schedule-independent: natively it hangs (the test allows that). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    unlink("requests");
    unlink("replies");
    mkfifo("requests", 0600);
    mkfifo("replies", 0600);
    if (fork() == 0) {
        int in = open("requests", O_RDONLY); /* waits for the client to open it */
        int out = open("replies", O_WRONLY);
        int n;
        while (read(in, &n, sizeof n) == sizeof n) {
            n = n * n;
            write(out, &n, sizeof n);
        }
        return 0;
    }
    int in = open("replies", O_RDONLY); /* waits for the server: the opposite order */
    int out = open("requests", O_WRONLY);
    for (int n = 1; n <= 3; n++) {
        write(out, &n, sizeof n);
        int sq;
        read(in, &sq, sizeof sq);
        printf("%d squared is %d\n", n, sq);
    }
    close(out);
    wait(NULL);
    unlink("requests");
    unlink("replies");
    return 0;
}
