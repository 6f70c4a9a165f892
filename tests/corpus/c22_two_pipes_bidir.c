/* Bidirectional parent/child talk over two pipes: the parent sends
   words (length-prefixed), the child replies with the word reversed and
   upper-cased; an empty word ends the session. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <sys/wait.h>

static int read_full(int fd, void *buf, int n)
{
    int got = 0;
    while (got < n) {
        int r = read(fd, (char *)buf + got, n - got);
        if (r <= 0) return got;
        got += r;
    }
    return got;
}

static void send_word(int fd, const char *w)
{
    unsigned char len = strlen(w);
    write(fd, &len, 1);
    write(fd, w, len);
}

static int recv_word(int fd, char *w)
{
    unsigned char len;
    if (read_full(fd, &len, 1) != 1) return -1;
    if (read_full(fd, w, len) != len) return -1;
    w[len] = '\0';
    return len;
}

int main(void)
{
    int to_child[2], to_parent[2];
    pipe(to_child);
    pipe(to_parent);
    pid_t pid = fork();
    if (pid == 0) {
        close(to_child[1]); close(to_parent[0]);
        char w[256], r[256];
        int n, count = 0;
        while ((n = recv_word(to_child[0], w)) > 0) {
            for (int i = 0; i < n; i++) r[i] = toupper((unsigned char)w[n - 1 - i]);
            r[n] = '\0';
            send_word(to_parent[1], r);
            count++;
        }
        _exit(count);
    }
    close(to_child[0]); close(to_parent[1]);
    const char *words[] = {"pipe", "fork", "semaphore", "deadlock", "a", "kernel"};
    for (int i = 0; i < 6; i++) {
        char reply[256];
        send_word(to_child[1], words[i]);
        if (recv_word(to_parent[0], reply) < 0) { printf("no reply\n"); break; }
        printf("%-10s -> %s\n", words[i], reply);
    }
    send_word(to_child[1], "");
    close(to_child[1]);
    int st;
    waitpid(pid, &st, 0);
    char x;
    printf("child handled %d words, reply pipe at EOF: %d\n", WEXITSTATUS(st), (int)read(to_parent[0], &x, 1) == 0);
    close(to_parent[0]);
    return 0;
}
