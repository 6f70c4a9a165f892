/* a fifo writer whose reader has closed: with SIGPIPE ignored, write fails with EPIPE; with SIGPIPE default, the writer dies of SIGPIPE */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t255_fifo"

/* the reader child opens the fifo, reads one message, closes it, then tells the
   parent over a regular pipe that its end is closed */
static pid_t start_reader(int sync[2]) {
    pipe(sync);
    pid_t pid = fork();
    if (pid == 0) {
        close(sync[0]);
        int r = open(FIFO, O_RDONLY);
        char buf[16];
        ssize_t n = read(r, buf, sizeof buf);
        close(r);
        write(sync[1], "c", 1);
        _exit(n == 5 ? 0 : 9);
    }
    close(sync[1]);
    return pid;
}

int main(void) {
    unlink(FIFO);
    mkfifo(FIFO, 0600);
    fflush(stdout);
    int sync[2];
    char c;

    /* round 1: SIGPIPE ignored */
    signal(SIGPIPE, SIG_IGN);
    pid_t pid = start_reader(sync);
    int w = open(FIFO, O_WRONLY);
    printf("write before close %zd\n", write(w, "hello", 5));
    printf("sync %zd\n", read(sync[0], &c, 1));
    close(sync[0]);
    errno = 0;
    ssize_t n = write(w, "again", 5);
    printf("write after reader closed %zd epipe=%d\n", n, errno == EPIPE);
    close(w);
    int st;
    waitpid(pid, &st, 0);
    printf("reader exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);

    /* round 2: SIGPIPE default, in a writer child */
    fflush(stdout);
    pid_t wr = fork();
    if (wr == 0) {
        signal(SIGPIPE, SIG_DFL);
        pid_t rd = start_reader(sync);
        int w2 = open(FIFO, O_WRONLY);
        write(w2, "hello", 5);
        read(sync[0], &c, 1);
        waitpid(rd, NULL, 0);
        write(w2, "again", 5); /* kills this process */
        _exit(0);
    }
    waitpid(wr, &st, 0);
    printf("writer signaled %d sig=%s\n", WIFSIGNALED(st) != 0,
           WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE ? "SIGPIPE" : "other");
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
