/* The small library gaps of course programs: strtok, strtok_r, strsep,
   strdup, strndup, strspn, strcspn, strpbrk, strcasecmp, strncasecmp,
   fileno, sysconf, <wait.h>, O_NDELAY, WCOREDUMP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <fcntl.h>
#include <wait.h>

int main(void) {
    char line[] = "ls -l | wc  -l |sort";
    char *cmd = strtok(line, "|");
    while (cmd) {
        char *dup = strdup(cmd);
        char *save, *word = strtok_r(dup, " ", &save);
        int n = 0;
        while (word) {
            printf("[%s]", word);
            word = strtok_r(NULL, " ", &save);
            n++;
        }
        printf(" %d words\n", n);
        free(dup);
        cmd = strtok(NULL, "|");
    }
    char buf[] = "a,b,,c";
    char *p = buf, *tok;
    while ((tok = strsep(&p, ",")) != NULL)
        printf("<%s>", tok);
    printf("\n%zu %zu %s %d %d\n", strspn("abcde", "abc"), strcspn("abcde", "dx"), strpbrk("hello", "lo"), strcasecmp("HeLLo", "hello") == 0, strncasecmp("ABCx", "abcy", 3));
    char *d = strndup("truncate me", 8);
    printf("%s %zu\n", d, strlen(d));
    free(d);
    printf("fileno %d %d %d, pagesize %ld, ticks %ld\n", fileno(stdin), fileno(stdout), fileno(stderr), sysconf(_SC_PAGESIZE), sysconf(_SC_CLK_TCK));
    printf("O_NDELAY %d WCOREDUMP %d\n", O_NDELAY == O_NONBLOCK, WCOREDUMP(0x8b) != 0);
    return 0;
}
