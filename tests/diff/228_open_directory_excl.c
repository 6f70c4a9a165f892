/* open of an existing directory with O_CREAT | O_EXCL is EEXIST (before EISDIR), with O_CREAT alone EISDIR (as the files conformance test found) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    mkdir("d", 0755);
    printf("excl %d %s\n", open("d", O_RDWR | O_CREAT | O_EXCL, 0644), strerror(errno));
    printf("creat %d %s\n", open("d", O_RDWR | O_CREAT, 0644), strerror(errno));
    rmdir("d");
    return 0;
}
