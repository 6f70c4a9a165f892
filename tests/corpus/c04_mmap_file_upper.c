/* Maps a text file MAP_SHARED and upper-cases it in place; a forked child
   changes one more word through its inherited mapping; munmap, and
   the parent reads the file back with read() to see the changes. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define FNAME "text_c04.txt"

int main(void)
{
    const char *text = "the quick brown fox\njumps over the lazy dog\n";
    int fd = open(FNAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) { perror("open"); return 1; }
    write(fd, text, strlen(text));
    struct stat st;
    fstat(fd, &st);
    size_t len = st.st_size;

    char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    int changed = 0;
    for (size_t i = 0; i < len / 2; i++)
        if (islower((unsigned char)p[i])) { p[i] = toupper((unsigned char)p[i]); changed++; }
    printf("parent upper-cased %d letters\n", changed);

    pid_t pid = fork();
    if (pid == 0) {
        char *w = strstr(p, "lazy");
        if (w) memcpy(w, "BUSY", 4);
        _exit(w != NULL ? 0 : 1);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("child exit %d\n", WEXITSTATUS(status));
    munmap(p, len);

    char buf[128];
    lseek(fd, 0, SEEK_SET);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n] = '\0';
    printf("file now (%ld bytes):\n%s", (long)n, buf);
    close(fd);

    /* a private mapping does not reach the file */
    fd = open(FNAME, O_RDWR);
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    p[0] = '*';
    munmap(p, len);
    lseek(fd, 0, SEEK_SET);
    n = read(fd, buf, 4);
    buf[n] = '\0';
    printf("after private write: %s\n", buf);
    close(fd);
    unlink(FNAME);
    return 0;
}
