/* directories: mkdir (EEXIST), files inside, opendir/readdir/closedir (names sorted by the program: readdir order is the file system's), rmdir of a non-empty directory (ENOTEMPTY), opendir of a missing path and of a file, rmdir, access */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    printf("mkdir %d\n", mkdir("box", 0755));
    printf("mkdir again %d %s\n", mkdir("box", 0755), strerror(errno));
    FILE *f = fopen("box/b.txt", "w"); fputs("x", f); fclose(f);
    f = fopen("box/a.txt", "w"); fclose(f);
    mkdir("box/sub", 0700);
    DIR *d = opendir("box");
    struct dirent *e;
    int n = 0;
    char names[8][32];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        strcpy(names[n++], e->d_name);
    }
    closedir(d);
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) if (strcmp(names[i], names[j]) > 0) { char t[32]; strcpy(t, names[i]); strcpy(names[i], names[j]); strcpy(names[j], t); }
    for (int i = 0; i < n; i++) printf("entry %s\n", names[i]);
    printf("rmdir nonempty %d %s\n", rmdir("box"), strerror(errno));
    printf("opendir missing %p %s\n", (void *)opendir("nope"), strerror(errno));
    printf("opendir file %p %s\n", (void *)opendir("box/a.txt"), strerror(errno));
    unlink("box/a.txt"); unlink("box/b.txt"); rmdir("box/sub");
    printf("rmdir %d\n", rmdir("box"));
    printf("access %d\n", access("box", F_OK));
    return 0;
}
