/* glibc's printf extensions courses meet: `%m` (strerror(errno), no
   argument taken) after a failed call, and positional arguments (`%2$s`,
   a width by number `%1$*2$d`), which reorder what is printed. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    if (open("/no/such/file", O_RDONLY) < 0)
        printf("open: %m\n");
    errno = EIO;
    printf("[%30m] [%-20m|]\n");
    errno = 0;
    printf("%m\n");
    printf("%2$s %1$s\n", "world", "hello");
    printf("%3$d-%1$d-%2$d\n", 1, 2, 3);
    printf("[%1$*2$d] [%1$-*2$d]\n", 42, 6);
    printf("%1$s and %1$s again, %2$.3f\n", "twice", 3.14159);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%2$c%1$c", 'b', 'a');
    printf("%s %d\n", buf, n);
    errno = ENOENT;
    fprintf(stdout, "%s: %m (%d)\n", "fprintf", 7);
    return 0;
}
