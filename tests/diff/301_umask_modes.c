/* open's and mkdir's modes less the umask, as stat and fstat report
   them; a directory's link count counts its subdirectories; a rename
   keeps the mode. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static void show(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return;
    }
    printf("%s: %s %03o links %lu\n", path, S_ISDIR(st.st_mode) ? "dir" : "file", st.st_mode & 0777, (unsigned long)st.st_nlink);
}

int main(void) {
    mode_t old = umask(027);
    printf("old umask %03o\n", old);
    int fd = open("f", O_CREAT | O_WRONLY, 0666);
    struct stat st;
    fstat(fd, &st);
    printf("fstat f: %03o\n", st.st_mode & 0777);
    close(fd);
    mkdir("d", 0777);
    mkdir("d/sub1", 0700);
    mkdir("d/sub2", 0755);
    show("f");
    show("d");
    show("d/sub1");
    show("d/sub2");
    umask(0);
    close(open("g", O_CREAT | O_WRONLY | O_EXCL, 0604));
    show("g");
    rename("g", "d/g2");
    show("d/g2");
    show("d");
    unlink("d/g2");
    rmdir("d/sub1");
    rmdir("d/sub2");
    show("d");
    rmdir("d");
    unlink("f");
    return 0;
}
