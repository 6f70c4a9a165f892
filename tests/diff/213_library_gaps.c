/* small library routines courses use: atexit (last registered runs first, after the child exit too), strsignal (its one buffer shared by two calls in one printf), psignal, memchr, tmpfile with ungetc, mkstemp, access, WIFSTOPPED/WSTOPSIG */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/mman.h>
static void bye(void) { printf("bye from atexit\n"); }
static void first(void) { printf("registered last, runs first\n"); }
int main(void) {
    atexit(bye);
    atexit(first);
    printf("%s|%s|%s|%s\n", strsignal(SIGUSR1), strsignal(SIGSEGV), strsignal(40), strsignal(99));
    psignal(SIGTERM, "psignal");
    psignal(SIGINT, NULL);
    const char *s = "hello, world";
    char *c = memchr(s, ',', strlen(s));
    printf("memchr %ld %p\n", (long)(c - s), memchr(s, 'z', 5));
    FILE *f = tmpfile();
    fputs("abc\n", f);
    rewind(f);
    int ch = fgetc(f);
    ungetc('Z', f);
    char buf[16];
    fgets(buf, sizeof buf, f);
    printf("ungetc %c then %s", ch, buf);
    fclose(f);
    char t[] = "dataXXXXXX";
    int fd = mkstemp(t);
    printf("mkstemp fd %d len %zu access %d %d\n", fd >= 0, strlen(t), access(t, F_OK), access(t, R_OK | W_OK));
    close(fd);
    unlink(t);
    printf("access missing %d\n", access(t, F_OK));
    int st = 0x137f;
    printf("stopped %d sig %d\n", WIFSTOPPED(st), WSTOPSIG(st));
    if (fork() == 0) { printf("child exits\n"); exit(3); }
    wait(&st);
    printf("child status %d\n", WEXITSTATUS(st));
    return 0;
}
