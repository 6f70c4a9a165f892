/* time.h's calendar as glibc's with local time UTC (gmtime says "GMT",
   localtime "UTC", as glibc with no time zone set), clock and times on
   the virtual clock, and resource usage (sys/resource.h): computing takes
   no time in a simulated run, so every CPU time is 0. Compiled only into
   a program that names one of them (lang::compile_here): its globals then
   belong to every process. No string literal here: one would sit among
   the program's. */
static char __ipcsim_gmt[] = {'G', 'M', 'T', 0};
static char __ipcsim_utc[] = {'U', 'T', 'C', 0};
char *tzname[2] = {__ipcsim_utc, __ipcsim_utc};
long timezone;
int daylight;
void tzset(void) {}

/* Days from 1970-01-01 to Y-M-D (M 1 to 12), for any year. */
static long __ipcsim_days(long y, long m, long d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* Breaks T down into *TM (NULL with EOVERFLOW if its year is no int). */
static struct tm *__ipcsim_civil(time_t t, struct tm *tm, const char *zone) {
    long days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);
    if (y - 1900 > 2147483647L || y - 1900 < -2147483647L - 1) {
        errno = EOVERFLOW;
        return NULL;
    }
    tm->tm_year = (int)(y - 1900);
    tm->tm_mon = (int)(m - 1);
    tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)(((days % 7) + 11) % 7);
    tm->tm_yday = (int)(days - __ipcsim_days(y, 1, 1));
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    tm->tm_zone = zone;
    return tm;
}

struct tm *gmtime_r(const time_t *t, struct tm *tm) { return __ipcsim_civil(*t, tm, __ipcsim_gmt); }
struct tm *localtime_r(const time_t *t, struct tm *tm) { return __ipcsim_civil(*t, tm, __ipcsim_utc); }
/* gmtime and localtime share one static struct, as in glibc. */
static struct tm __ipcsim_tm;
struct tm *gmtime(const time_t *t) { return gmtime_r(t, &__ipcsim_tm); }
struct tm *localtime(const time_t *t) { return localtime_r(t, &__ipcsim_tm); }

/* The time *TM stands for, its fields normalised in place. */
static time_t __ipcsim_timegm(struct tm *tm, const char *zone) {
    long mon = tm->tm_mon, year = tm->tm_year + 1900L + (mon >= 0 ? mon / 12 : (mon - 11) / 12);
    mon = ((mon % 12) + 12) % 12;
    long days = __ipcsim_days(year, mon + 1, 1) + tm->tm_mday - 1;
    time_t t = days * 86400 + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
    if (__ipcsim_civil(t, tm, zone) == NULL)
        return (time_t)-1;
    return t;
}
time_t timegm(struct tm *tm) { return __ipcsim_timegm(tm, __ipcsim_gmt); }
time_t mktime(struct tm *tm) { return __ipcsim_timegm(tm, __ipcsim_utc); }

/* "Sun Sep  9 01:46:40 2001\n", as glibc's asctime. */
char *asctime_r(const struct tm *tm, char *buf) {
    static const char days[21] = {'S', 'u', 'n', 'M', 'o', 'n', 'T', 'u', 'e', 'W', 'e', 'd', 'T', 'h', 'u', 'F', 'r', 'i', 'S', 'a', 't'};
    static const char months[36] = {'J', 'a', 'n', 'F', 'e', 'b', 'M', 'a', 'r', 'A', 'p', 'r', 'M', 'a', 'y', 'J', 'u', 'n',
                                  'J', 'u', 'l', 'A', 'u', 'g', 'S', 'e', 'p', 'O', 'c', 't', 'N', 'o', 'v', 'D', 'e', 'c'};
    static const char unknown[3] = {'?', '?', '?'};
    char fmt[] = {'%', '.', '3', 's', ' ', '%', '.', '3', 's', '%', '3', 'd', ' ', '%', '.', '2', 'd', ':',
                  '%', '.', '2', 'd', ':', '%', '.', '2', 'd', ' ', '%', 'd', '\n', 0};
    const char *d = tm->tm_wday >= 0 && tm->tm_wday < 7 ? days + 3 * tm->tm_wday : unknown;
    const char *m = tm->tm_mon >= 0 && tm->tm_mon < 12 ? months + 3 * tm->tm_mon : unknown;
    sprintf(buf, fmt, d, m, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    return buf;
}
static char __ipcsim_asctime[64];
char *asctime(const struct tm *tm) { return asctime_r(tm, __ipcsim_asctime); }
char *ctime_r(const time_t *t, char *buf) {
    struct tm tm;
    return localtime_r(t, &tm) == NULL ? NULL : asctime_r(&tm, buf);
}
char *ctime(const time_t *t) { return asctime(localtime(t)); }

/* CPU time: none in a simulated run (computing takes no time). */
clock_t clock(void) {
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return (clock_t)-1;
    return ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Clock ticks (100 a second) of the monotonic clock; CPU times 0. */
clock_t times(struct tms *buf) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    if (buf != NULL) {
        buf->tms_utime = buf->tms_stime = buf->tms_cutime = buf->tms_cstime = 0;
    }
    return ts.tv_sec * 100 + ts.tv_nsec / 10000000;
}

int getrusage(int who, struct rusage *ru) {
    if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != 1) {
        errno = EINVAL;
        return -1;
    }
    memset(ru, 0, sizeof *ru);
    return 0;
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru) {
    pid_t r = waitpid(pid, status, options);
    if (r > 0 && ru != NULL)
        memset(ru, 0, sizeof *ru);
    return r;
}
pid_t wait3(int *status, int options, struct rusage *ru) { return wait4(-1, status, options, ru); }
