#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
static unsigned perm(const char *p) { struct stat st; return stat(p, &st) == 0 ? st.st_mode & 07777 : 9999; }
int main(void) {
    int fd = open("f", O_CREAT | O_WRONLY, 0600);
    printf("created %o\n", perm("f"));
    int r = chmod("f", 0754);
    printf("chmod %d -> %o\n", r, perm("f"));
    r = fchmod(fd, 0640);
    printf("fchmod %d -> %o\n", r, perm("f"));
    close(fd);
    mkdir("d", 0700);
    r = chmod("d", 0711);
    printf("dir chmod %d -> %o\n", r, perm("d"));
    printf("missing %d\n", chmod("nope", 0644));
    rmdir("d");
    unlink("f");
    return 0;
}
