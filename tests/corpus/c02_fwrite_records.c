/* Binary record file: fwrite an array of structs, then random access with
   fseek/ftell/fread, update one record in place ("r+b"), rewind and
   re-read everything. */
#include <stdio.h>
#include <string.h>

struct rec { int id; char item[12]; int qty; };

#define FNAME "inventory_c02.dat"

static void dump(FILE *f)
{
    struct rec r;
    rewind(f);
    while (fread(&r, sizeof r, 1, f) == 1)
        printf("  #%d %-8s qty=%d\n", r.id, r.item, r.qty);
}

int main(void)
{
    const char *items[] = {"bolt", "nut", "washer", "screw", "rivet", "pin"};
    struct rec r;
    FILE *f = fopen(FNAME, "wb");
    if (!f) { perror("fopen"); return 1; }
    for (int i = 0; i < 6; i++) {
        memset(&r, 0, sizeof r);
        r.id = 100 + i;
        strcpy(r.item, items[i]);
        r.qty = (i + 1) * 7 % 11;
        if (fwrite(&r, sizeof r, 1, f) != 1) { perror("fwrite"); return 1; }
    }
    printf("written, position %ld = %d records\n", ftell(f), (int)(ftell(f) / (long)sizeof r));
    fclose(f);

    f = fopen(FNAME, "r+b");
    if (!f) { perror("fopen"); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    printf("file size %ld\n", size);

    /* read record 3 directly */
    fseek(f, 3 * (long)sizeof r, SEEK_SET);
    fread(&r, sizeof r, 1, f);
    printf("record 3: #%d %s qty=%d, now at %ld\n", r.id, r.item, r.qty, ftell(f));

    /* go back one record and update it */
    fseek(f, -(long)sizeof r, SEEK_CUR);
    r.qty += 50;
    fwrite(&r, sizeof r, 1, f);

    /* read the last record relative to the end */
    fseek(f, -(long)sizeof r, SEEK_END);
    fread(&r, sizeof r, 1, f);
    printf("last: #%d %s\n", r.id, r.item);

    printf("all records:\n");
    dump(f);
    int n = 0;
    rewind(f);
    while (fread(&r, sizeof r, 1, f) == 1) n += r.qty;
    printf("total qty %d, eof=%d\n", n, feof(f) ? 1 : 0);
    fclose(f);
    remove(FNAME);
    return 0;
}
