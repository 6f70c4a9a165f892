#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/times.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void) {
    time_t samples[] = {0, 1000000000, 951782400, 1709210096, -1, -86401, 4102444800, 1234567890, 1230768000, 1293753600};
    char b[256];
    for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
        time_t t = samples[k];
        struct tm g;
        gmtime_r(&t, &g);
        strftime(b, sizeof b, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %u %w %U %W %V %G %g %C %y %e|%k|%l|%I %p %P %Z %z %s", &g);
        printf("%s\n", b);
        strftime(b, sizeof b, "%c | %D | %F | %r | %R | %T | %x | %X | %%|%-d|%_m|%05Y|%^a|%#b|%-H", &g);
        printf("%s\n", b);
        printf("asctime: %s", asctime(&g));
        struct tm l = *localtime(&t);
        printf("local zone %s isdst %d yday %d wday %d\n", l.tm_zone, l.tm_isdst, l.tm_yday, l.tm_wday);
        time_t back = mktime(&l);
        printf("mktime back %ld %s", (long)back, ctime(&t));
    }
    struct tm n = {0};
    n.tm_year = 124; n.tm_mon = 13; n.tm_mday = 35; n.tm_hour = 25; n.tm_min = 61; n.tm_sec = -5;
    time_t t2 = timegm(&n);
    printf("normalised %ld -> %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", (long)t2, n.tm_year + 1900, n.tm_mon + 1, n.tm_mday, n.tm_hour, n.tm_min, n.tm_sec, n.tm_wday, n.tm_yday);
    printf("too small: %zu\n", strftime(b, 5, "%Y-%m-%d", &n));
    printf("difftime %.1f\n", difftime(100, 40));
    struct rusage ru;
    pid_t p = fork();
    if (p == 0) _exit(3);
    int st;
    pid_t w = wait4(p, &st, 0, &ru);
    printf("wait4 ok %d status %d getrusage %d\n", w == p, WEXITSTATUS(st), getrusage(RUSAGE_SELF, &ru));
    struct tms tt;
    printf("times ok %d clock ok %d\n", times(&tt) != (clock_t)-1, clock() >= 0);
    return 0;
}
