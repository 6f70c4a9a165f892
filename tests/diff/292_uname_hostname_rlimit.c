#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <sys/resource.h>
int main(void) {
    struct utsname u;
    char h[64], tiny[3];
    struct rlimit rl;
    printf("uname %d sysname %s machine %s\n", uname(&u), u.sysname, u.machine);
    int hr = gethostname(h, sizeof h);
    printf("hostname %d len>0 %d\n", hr, (int)strlen(h) > 0);
    errno = 0;
    int r = gethostname(tiny, 1);
    printf("tiny %d %s\n", r, r ? strerror(errno) : "ok");
    printf("getrlimit %d cur<=max %d\n", getrlimit(RLIMIT_NOFILE, &rl), rl.rlim_cur <= rl.rlim_max);
    getrlimit(RLIMIT_CORE, &rl);
    rl.rlim_cur = 0;
    printf("setrlimit core %d\n", setrlimit(RLIMIT_CORE, &rl));
    getrlimit(RLIMIT_CORE, &rl);
    printf("core now %lu\n", (unsigned long)rl.rlim_cur);
    rl.rlim_cur = 10; rl.rlim_max = 5;
    r = setrlimit(RLIMIT_NOFILE, &rl);
    printf("bad %d %s\n", r, strerror(errno));
    r = getrlimit(99, &rl);
    printf("bad resource %d %s\n", r, strerror(errno));
    return 0;
}
