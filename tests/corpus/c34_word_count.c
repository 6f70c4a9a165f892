/* wc-like exercise: the program writes a text file, then a child counts
   lines, words and characters with fgetc and a state machine while the
   parent counts the longest word with fscanf("%s"); the child's counts
   come back through a pipe. */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define FNAME "text_c34.txt"

int main(void)
{
    FILE *f = fopen(FNAME, "w");
    fputs("It was the best of times,\nit was the worst of times,\n", f);
    fputs("\n   it was the age of wisdom,   it was the age of foolishness\n", f);
    fprintf(f, "%s\t%s\n", "tabs\tand", "spaces  mixed");
    fclose(f);

    int fd[2];
    pipe(fd);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        FILE *in = fopen(FNAME, "r");
        int c, inword = 0, counts[3] = {0, 0, 0};
        while ((c = fgetc(in)) != EOF) {
            counts[2]++;
            if (c == '\n') counts[0]++;
            if (isspace(c)) inword = 0;
            else if (!inword) { inword = 1; counts[1]++; }
        }
        fclose(in);
        write(fd[1], counts, sizeof counts);
        _exit(0);
    }
    close(fd[1]);
    FILE *in = fopen(FNAME, "r");
    char word[64], longest[64] = "";
    int the = 0;
    while (fscanf(in, "%63s", word) == 1) {
        if (strlen(word) > strlen(longest)) strcpy(longest, word);
        if (strcmp(word, "the") == 0) the++;
    }
    fclose(in);
    int counts[3];
    read(fd[0], counts, sizeof counts);
    waitpid(pid, NULL, 0);
    printf("%7d %7d %7d %s\n", counts[0], counts[1], counts[2], FNAME);
    printf("longest word: %s (%d), 'the' appears %d times\n", longest, (int)strlen(longest), the);
    remove(FNAME);
    return 0;
}
