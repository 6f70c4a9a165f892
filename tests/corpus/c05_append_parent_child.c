/* Parent opens a log with O_APPEND before fork; the child writes its
   lines first (the parent waits), then the parent appends its own. The
   file is read back with a shared offset demo: after fork both share
   the offset of a second descriptor. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

#define LOG "log_c05.txt"

static void logline(int fd, const char *who, int i)
{
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s line %d\n", who, i);
    write(fd, buf, n);
}

int main(void)
{
    int fd = open(LOG, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd < 0) { perror("open"); return 1; }
    logline(fd, "parent", 0);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 1; }
    if (pid == 0) {
        for (int i = 1; i <= 3; i++) logline(fd, "child", i);
        close(fd);
        _exit(0);
    }
    wait(NULL);
    for (int i = 1; i <= 2; i++) logline(fd, "parent", i);
    close(fd);

    /* shared offset: the child reads the first line, the parent continues */
    int rd = open(LOG, O_RDONLY);
    pid = fork();
    if (pid == 0) {
        char c;
        while (read(rd, &c, 1) == 1 && c != '\n')
            ;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("offset after child read: %ld\n", (long)lseek(rd, 0, SEEK_CUR));
    char buf[256];
    ssize_t n = read(rd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    printf("rest of the log:\n%s", buf);
    int lines = 0;
    for (char *p = buf; *p; p++) lines += *p == '\n';
    printf("%d lines after the first\n", lines);
    close(rd);
    unlink(LOG);
    return 0;
}
