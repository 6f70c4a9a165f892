/* Fixed (issue 9/10 hostile review), was: fscanf(stdout, ...) and fgetc(stdout) return -1 in both, but glibc sets errno to EBADF (9); ipcsim leaves errno 0. Run: ipcsim run fscanf_stdout_errno.c */
#include <stdio.h>
#include <errno.h>
int main(void) {
    int x; errno = 0;
    int r = fscanf(stdout, "%d", &x); printf("%d %d\n", r, errno);
    errno = 0; r = fgetc(stdout); printf("%d %d\n", r, errno);
    return 0;
}
