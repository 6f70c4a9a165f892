/* Writes a small grade file with fprintf, reads it back line by line with
   fgets + sscanf, then again with fscanf, computing totals and the best
   student; removes the file at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FNAME "grades_c01.txt"

struct student { char name[16]; int g1, g2, g3; };

int main(void)
{
    struct student in[] = {
        {"alice", 78, 91, 85}, {"bob", 55, 62, 70}, {"carol", 99, 88, 94},
        {"dave", 40, 73, 66}, {"erin", 81, 79, 90}
    };
    int n = sizeof in / sizeof in[0];
    FILE *f = fopen(FNAME, "w");
    if (f == NULL) { perror("fopen"); return 1; }
    fprintf(f, "# name g1 g2 g3\n");
    for (int i = 0; i < n; i++)
        fprintf(f, "%s %d %d %d\n", in[i].name, in[i].g1, in[i].g2, in[i].g3);
    fclose(f);

    f = fopen(FNAME, "r");
    if (f == NULL) { perror("fopen"); return 1; }
    char line[128], best[16] = "";
    int bestsum = -1, lines = 0, total = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lines++;
        if (line[0] == '#') continue;
        char name[16]; int a, b, c;
        if (sscanf(line, "%15s %d %d %d", name, &a, &b, &c) != 4) {
            fprintf(stderr, "bad line %d\n", lines);
            continue;
        }
        int s = a + b + c;
        total += s;
        printf("%-6s sum=%3d avg=%d.%d\n", name, s, s / 3, (s * 10 / 3) % 10);
        if (s > bestsum) { bestsum = s; strcpy(best, name); }
    }
    printf("lines=%d total=%d best=%s (%d)\n", lines, total, best, bestsum);

    /* second pass with fscanf, skipping the header */
    rewind(f);
    if (fgets(line, sizeof line, f) == NULL) return 1;
    char name[16]; int a, b, c, count = 0, max1 = 0;
    while (fscanf(f, "%15s %d %d %d", name, &a, &b, &c) == 4) {
        count++;
        if (a > max1) max1 = a;
    }
    printf("fscanf read %d records, max g1=%d, feof=%d\n", count, max1, feof(f) != 0);
    fclose(f);
    if (remove(FNAME) != 0) { perror("remove"); return 1; }
    f = fopen(FNAME, "r");
    printf("after remove: %s\n", f == NULL ? "gone" : "still there");
    return 0;
}
