/* Creates a temporary file in the current directory the way students do
   without mkstemp: try names tmp_c06_0, tmp_c06_1, ... with O_CREAT|O_EXCL
   until one is free (the first one is taken on purpose), unlinks the name
   at once, uses it as scratch space through the descriptor and through a
   FILE * from fdopen, then removes the blocker file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static int make_temp(char *name, size_t size)
{
    for (int i = 0; i < 100; i++) {
        snprintf(name, size, "tmp_c06_%d", i);
        int fd = open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0) return fd;
        if (errno != EEXIST) return -1;
        printf("%s taken\n", name);
    }
    return -1;
}

int main(void)
{
    int blocker = open("tmp_c06_0", O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (blocker < 0) { perror("blocker"); return 1; }
    close(blocker);

    char name[32];
    int fd = make_temp(name, sizeof name);
    if (fd < 0) { perror("make_temp"); return 1; }
    printf("using %s\n", name);
    struct stat st;
    printf("exists before unlink: %d\n", stat(name, &st) == 0);
    unlink(name);
    printf("exists after unlink: %d\n", stat(name, &st) == 0);

    FILE *f = fdopen(fd, "w+");
    if (!f) { perror("fdopen"); return 1; }
    for (int i = 1; i <= 10; i++)
        fprintf(f, "%d %d\n", i, i * i);
    fflush(f);
    fstat(fd, &st);
    printf("scratch size %ld\n", (long)st.st_size);
    rewind(f);
    int a, b, sum = 0, cnt = 0;
    while (fscanf(f, "%d %d", &a, &b) == 2) { sum += b; cnt++; }
    printf("read %d pairs, sum of squares %d\n", cnt, sum);
    fclose(f);
    remove("tmp_c06_0");
    printf("blocker removed: %d\n", stat("tmp_c06_0", &st) != 0);
    return 0;
}
