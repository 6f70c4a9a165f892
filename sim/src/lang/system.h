/* sys/utsname.h, gethostname and sys/resource.h's limits: the same on
   every machine (a simulated run must not depend on its host). The system
   is Linux on x86_64 named "ipcsim"; the limits are the simulator's own
   (descriptors, processes) and Linux's defaults. setrlimit keeps what it
   is given for getrlimit but enforces nothing beyond the simulator's
   limits. Compiled only into a program that names one of them. No string
   literal here: one would sit among the program's. */
struct utsname { char sysname[65]; char nodename[65]; char release[65]; char version[65]; char machine[65]; char domainname[65]; };
typedef unsigned long rlim_t;
struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; };
#define RLIM_INFINITY (~0UL)
#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_NLIMITS 16
static char __ipcsim_nodename[7] = {'i', 'p', 'c', 's', 'i', 'm', 0};

static void __ipcsim_set(char *dst, const char *src, size_t n) {
    memset(dst, 0, 65);
    memcpy(dst, src, n);
}

int uname(struct utsname *u) {
    const char linux_[] = {'L', 'i', 'n', 'u', 'x'};
    const char release[] = {'6', '.', '1', '.', '0'};
    const char version[] = {'#', '1', ' ', 'S', 'M', 'P'};
    const char machine[] = {'x', '8', '6', '_', '6', '4'};
    const char none[] = {'(', 'n', 'o', 'n', 'e', ')'};
    __ipcsim_set(u->sysname, linux_, sizeof linux_);
    __ipcsim_set(u->nodename, __ipcsim_nodename, 6);
    __ipcsim_set(u->release, release, sizeof release);
    __ipcsim_set(u->version, version, sizeof version);
    __ipcsim_set(u->machine, machine, sizeof machine);
    __ipcsim_set(u->domainname, none, sizeof none);
    return 0;
}

int gethostname(char *name, size_t len) {
    if (len < sizeof __ipcsim_nodename) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(name, __ipcsim_nodename, sizeof __ipcsim_nodename);
    return 0;
}

int sethostname(const char *name, size_t len) {
    (void)name;
    (void)len;
    errno = EPERM;
    return -1;
}

/* Soft and hard limits, as a process starts with them. */
static struct rlimit __ipcsim_rlimits[RLIMIT_NLIMITS] = {
    {RLIM_INFINITY, RLIM_INFINITY}, {RLIM_INFINITY, RLIM_INFINITY}, {RLIM_INFINITY, RLIM_INFINITY},
    {8388608, RLIM_INFINITY}, {0, RLIM_INFINITY}, {RLIM_INFINITY, RLIM_INFINITY}, {64, 64}, {1024, 1024},
    {8388608, 8388608}, {RLIM_INFINITY, RLIM_INFINITY}, {RLIM_INFINITY, RLIM_INFINITY}, {RLIM_INFINITY, RLIM_INFINITY},
    {819200, 819200}, {0, 0}, {0, 0}, {RLIM_INFINITY, RLIM_INFINITY}};

int getrlimit(int resource, struct rlimit *rl) {
    if (resource < 0 || resource >= RLIMIT_NLIMITS) {
        errno = EINVAL;
        return -1;
    }
    *rl = __ipcsim_rlimits[resource];
    return 0;
}

int setrlimit(int resource, const struct rlimit *rl) {
    if (resource < 0 || resource >= RLIMIT_NLIMITS || rl->rlim_cur > rl->rlim_max) {
        errno = EINVAL;
        return -1;
    }
    if (rl->rlim_max > __ipcsim_rlimits[resource].rlim_max) {
        errno = EPERM;
        return -1;
    }
    __ipcsim_rlimits[resource] = *rl;
    return 0;
}
