/* Fixed (issue 9/10 hostile review), was: getline(&l, NULL, stdin) and getline(NULL, &n, stdin): glibc returns -1 with errno EINVAL; ipcsim kills the process with SIGSEGV "null pointer dereference". Run: ipcsim run getline_null_args.c --stdin SOMEFILE */
#include <stdio.h>
#include <errno.h>
int main(void) {
    char *l = NULL; size_t n = 0;
    errno = 0; ssize_t r = getline(&l, NULL, stdin); printf("%zd %d\n", r, errno);
    errno = 0; r = getline(NULL, &n, stdin); printf("%zd %d\n", r, errno);
    return 0;
}
