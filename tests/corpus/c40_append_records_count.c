/* Several children append fixed-length records to one file opened with
   O_APPEND before the fork (one write() per record, so records never
   mix); afterwards the parent reads the file with fread and counts the
   records of each child. Counts, not order, are printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

#define FNAME "records_c40.log"
#define NCHILD 3
#define PER 8
#define RECLEN 16

int main(void)
{
    int fd = open(FNAME, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd < 0) { perror("open"); return 1; }
    for (int c = 0; c < NCHILD; c++) {
        if (fork() == 0) {
            for (int i = 0; i < PER + c; i++) {
                char rec[RECLEN + 1];
                snprintf(rec, sizeof rec, "w%d rec %02d %4s\n", c, i, "....");
                write(fd, rec, RECLEN);
            }
            close(fd);
            _exit(0);
        }
    }
    close(fd);
    while (wait(NULL) > 0)
        ;
    FILE *f = fopen(FNAME, "rb");
    char rec[RECLEN];
    int count[NCHILD] = {0}, bad = 0, total = 0;
    int lastseq[NCHILD] = {-1, -1, -1}, ordered = 1;
    while (fread(rec, RECLEN, 1, f) == 1) {
        int w, seq;
        total++;
        if (sscanf(rec, "w%d rec %d", &w, &seq) != 2 || w < 0 || w >= NCHILD || rec[RECLEN - 1] != '\n') { bad++; continue; }
        count[w]++;
        if (seq != lastseq[w] + 1) ordered = 0;
        lastseq[w] = seq;
    }
    fseek(f, 0, SEEK_END);
    printf("file size %ld = %d records of %d bytes\n", ftell(f), total, RECLEN);
    fclose(f);
    for (int c = 0; c < NCHILD; c++) printf("child %d wrote %d records\n", c, count[c]);
    printf("bad records %d, each child's records in order: %s\n", bad, ordered ? "yes" : "no");
    unlink(FNAME);
    return 0;
}
