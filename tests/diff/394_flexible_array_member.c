/* C99 flexible array members, the usual idiom for variable-length
   messages: sized with malloc, laid out as gcc does (sizeof and offsetof
   leave the array out, aligned for its elements), and sent whole through
   a pipe to a child that reads the header, then the payload. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct msg {
    int len;
    char data[];
};

struct samples {
    char tag;
    double v[];
};

int main(void)
{
    printf("%zu %zu %zu %zu\n", sizeof(struct msg), offsetof(struct msg, data), sizeof(struct samples),
           offsetof(struct samples, v));
    const char *text = "hello through a pipe";
    size_t n = strlen(text) + 1;
    struct msg *m = malloc(sizeof *m + n);
    m->len = (int)n;
    memcpy(m->data, text, n);
    int fd[2];
    if (pipe(fd) < 0) {
        perror("pipe");
        return 1;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[1]);
        struct msg head;
        if (read(fd[0], &head, sizeof head) != sizeof head)
            _exit(2);
        struct msg *got = malloc(sizeof *got + head.len);
        got->len = head.len;
        ssize_t k = 0;
        while (k < got->len) {
            ssize_t r = read(fd[0], got->data + k, got->len - k);
            if (r <= 0)
                _exit(3);
            k += r;
        }
        printf("child got %d bytes: %s\n", got->len, got->data);
        fflush(stdout);
        free(got);
        _exit(0);
    }
    close(fd[0]);
    if (write(fd[1], m, sizeof *m + n) != (ssize_t)(sizeof *m + n))
        perror("write");
    close(fd[1]);
    int status;
    waitpid(pid, &status, 0);
    struct samples *s = malloc(sizeof *s + 3 * sizeof(double));
    s->tag = 'x';
    for (int i = 0; i < 3; i++)
        s->v[i] = i * 1.5;
    printf("parent: child exited %d; %c %.1f %.1f %.1f\n", WEXITSTATUS(status), s->tag, s->v[0], s->v[1], s->v[2]);
    free(s);
    free(m);
    return 0;
}
