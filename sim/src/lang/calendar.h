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

/* strptime as glibc's in the C locale: whitespace in the format matches
   any run of it (none too); a number may follow spaces and takes at most
   its field's digits; names match in any case, full or abbreviated. A
   date with a year and a month and day (or a day of the year) gets its
   day of the week and of the year, as glibc computes them. */
static const char __ipcsim_day_names[] = {'s', 'u', 'n', 'd', 'a', 'y', 0, 'm', 'o', 'n', 'd', 'a', 'y', 0, 't', 'u',
    'e', 's', 'd', 'a', 'y', 0, 'w', 'e', 'd', 'n', 'e', 's', 'd', 'a', 'y', 0, 't', 'h', 'u', 'r', 's', 'd', 'a',
    'y', 0, 'f', 'r', 'i', 'd', 'a', 'y', 0, 's', 'a', 't', 'u', 'r', 'd', 'a', 'y', 0};
static const char __ipcsim_month_names[] = {'j', 'a', 'n', 'u', 'a', 'r', 'y', 0, 'f', 'e', 'b', 'r', 'u', 'a', 'r',
    'y', 0, 'm', 'a', 'r', 'c', 'h', 0, 'a', 'p', 'r', 'i', 'l', 0, 'm', 'a', 'y', 0, 'j', 'u', 'n', 'e', 0, 'j',
    'u', 'l', 'y', 0, 'a', 'u', 'g', 'u', 's', 't', 0, 's', 'e', 'p', 't', 'e', 'm', 'b', 'e', 'r', 0, 'o', 'c', 't',
    'o', 'b', 'e', 'r', 0, 'n', 'o', 'v', 'e', 'm', 'b', 'e', 'r', 0, 'd', 'e', 'c', 'e', 'm', 'b', 'e', 'r', 0};
static const char __ipcsim_am_pm[] = {'a', 'm', 0, 'p', 'm', 0};
/* Matches a name of LIST (N names, each ending in 0) at *S: the index,
   or -1. The full name is tried first, then its first three letters. */
static int __ipcsim_strp_name(const char **s, const char *list, int n) {
    const char *w = list;
    for (int k = 0; k < n; k++) {
        size_t len = strlen(w);
        if (strncasecmp(*s, w, len) == 0) {
            *s += len;
            return k;
        }
        if (strncasecmp(*s, w, 3) == 0) {
            *s += 3;
            return k;
        }
        w += len + 1;
    }
    return -1;
}
/* A number after any white space, within [LO, HI]: digits are taken
   while there are at most DIGITS and another could stay within HI (so
   "61" for a minute is 6, and "1" is left), as glibc's get_number. */
static int __ipcsim_strp_num(const char **s, int lo, int hi, int digits, int *out) {
    const char *p = *s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    long v = 0;
    do
        v = v * 10 + (*p++ - '0');
    while (--digits > 0 && v * 10 <= hi && *p >= '0' && *p <= '9');
    if (v < lo || v > hi)
        return 0;
    *out = (int)v;
    *s = p;
    return 1;
}
struct __ipcsim_strp {
    int have_I, is_pm, century, want_century, want_xday, have_wday, have_yday, have_mon, have_mday;
};
static const char *__ipcsim_strptime(const char *s, const char *f, struct tm *tm, struct __ipcsim_strp *st) {
    static const char c_fmt[] = {'%', 'a', ' ', '%', 'b', ' ', '%', 'e', ' ', '%', 'H', ':', '%', 'M', ':', '%', 'S', ' ', '%', 'Y', 0};
    static const char D_fmt[] = {'%', 'm', '/', '%', 'd', '/', '%', 'y', 0};
    static const char F_fmt[] = {'%', 'Y', '-', '%', 'm', '-', '%', 'd', 0};
    static const char T_fmt[] = {'%', 'H', ':', '%', 'M', ':', '%', 'S', 0};
    static const char R_fmt[] = {'%', 'H', ':', '%', 'M', 0};
    static const char r_fmt[] = {'%', 'I', ':', '%', 'M', ':', '%', 'S', ' ', '%', 'p', 0};
    int v;
    while (*f) {
        if (isspace((unsigned char)*f)) {
            while (isspace((unsigned char)*s))
                s++;
            f++;
            continue;
        }
        if (*f != '%') {
            if (*s != *f)
                return NULL;
            s++;
            f++;
            continue;
        }
        f++;
        while (*f == 'E' || *f == 'O' || *f == '-' || *f == '_' || *f == '0' || *f == '^' || *f == '#')
            f++;
        const char *sub = NULL;
        switch (*f++) {
        case '%':
            if (*s++ != '%')
                return NULL;
            break;
        case 'n':
        case 't':
            while (isspace((unsigned char)*s))
                s++;
            break;
        case 'a':
        case 'A':
            if ((v = __ipcsim_strp_name(&s, __ipcsim_day_names, 7)) < 0)
                return NULL;
            tm->tm_wday = v;
            st->have_wday = 1;
            break;
        case 'b':
        case 'B':
        case 'h':
            if ((v = __ipcsim_strp_name(&s, __ipcsim_month_names, 12)) < 0)
                return NULL;
            tm->tm_mon = v;
            st->have_mon = 1;
            st->want_xday = 1;
            break;
        case 'c': sub = c_fmt; st->want_xday = 1; break;
        case 'D':
        case 'x': sub = D_fmt; st->want_xday = 1; break;
        case 'F': sub = F_fmt; st->want_xday = 1; break;
        case 'T':
        case 'X': sub = T_fmt; break;
        case 'R': sub = R_fmt; break;
        case 'r': sub = r_fmt; break;
        case 'C':
            if (!__ipcsim_strp_num(&s, 0, 99, 2, &st->century))
                return NULL;
            st->want_xday = 1;
            break;
        case 'd':
        case 'e':
            if (!__ipcsim_strp_num(&s, 1, 31, 2, &tm->tm_mday))
                return NULL;
            st->have_mday = 1;
            st->want_xday = 1;
            break;
        case 'H':
        case 'k':
            if (!__ipcsim_strp_num(&s, 0, 23, 2, &tm->tm_hour))
                return NULL;
            st->have_I = 0;
            break;
        case 'I':
        case 'l':
            if (!__ipcsim_strp_num(&s, 1, 12, 2, &v))
                return NULL;
            tm->tm_hour = v % 12;
            st->have_I = 1;
            break;
        case 'j':
            if (!__ipcsim_strp_num(&s, 1, 366, 3, &v))
                return NULL;
            tm->tm_yday = v - 1;
            st->have_yday = 1;
            break;
        case 'm':
            if (!__ipcsim_strp_num(&s, 1, 12, 2, &v))
                return NULL;
            tm->tm_mon = v - 1;
            st->have_mon = 1;
            st->want_xday = 1;
            break;
        case 'M':
            if (!__ipcsim_strp_num(&s, 0, 59, 2, &tm->tm_min))
                return NULL;
            break;
        case 'p':
        case 'P':
            if (strncasecmp(s, __ipcsim_am_pm, 2) == 0)
                st->is_pm = 0;
            else if (strncasecmp(s, __ipcsim_am_pm + 3, 2) == 0)
                st->is_pm = 1;
            else
                return NULL;
            s += 2;
            break;
        case 'S':
            if (!__ipcsim_strp_num(&s, 0, 61, 2, &tm->tm_sec))
                return NULL;
            break;
        case 's': {
            const char *p = s;
            while (*p == ' ')
                p++;
            char *end;
            long t = strtol(p, &end, 10);
            if (end == p)
                return NULL;
            time_t tt = t;
            if (localtime_r(&tt, tm) == NULL)
                return NULL;
            s = end;
            break;
        }
        case 'u':
            if (!__ipcsim_strp_num(&s, 1, 7, 1, &v))
                return NULL;
            tm->tm_wday = v % 7;
            st->have_wday = 1;
            break;
        case 'w':
            if (!__ipcsim_strp_num(&s, 0, 6, 1, &tm->tm_wday))
                return NULL;
            st->have_wday = 1;
            break;
        case 'U':
        case 'W':
        case 'V':
            if (!__ipcsim_strp_num(&s, 0, 53, 2, &v))
                return NULL;
            break;
        case 'y':
            if (!__ipcsim_strp_num(&s, 0, 99, 2, &v))
                return NULL;
            tm->tm_year = v >= 69 ? v : v + 100;
            st->want_century = 1;
            st->want_xday = 1;
            break;
        case 'Y':
            if (!__ipcsim_strp_num(&s, 0, 9999, 4, &v))
                return NULL;
            tm->tm_year = v - 1900;
            st->want_century = 0;
            st->want_xday = 1;
            break;
        case 'Z':
            break;
        case 'z': {
            while (*s == ' ')
                s++;
            if (*s == 'Z') {
                s++;
                tm->tm_gmtoff = 0;
                break;
            }
            if (*s != '+' && *s != '-')
                return NULL;
            int neg = *s++ == '-', n = 0, hh = 0;
            while (n < 4 && s[n] >= '0' && s[n] <= '9')
                n++;
            if (n == 2 && s[2] == ':' && s[3] >= '0' && s[3] <= '9') {
                hh = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[3] - '0') * 10 + (s[4] - '0');
                s += 5;
            } else if (n == 2 || n == 4) {
                for (int k = 0; k < n; k++)
                    hh = hh * 10 + (s[k] - '0');
                if (n == 2)
                    hh *= 100;
                s += n;
            } else {
                return NULL;
            }
            if (hh % 100 >= 60 || hh > 1200)
                return NULL;
            tm->tm_gmtoff = (hh / 100 * 3600 + hh % 100 * 60) * (neg ? -1 : 1);
            break;
        }
        default:
            return NULL;
        }
        if (sub && (s = __ipcsim_strptime(s, sub, tm, st)) == NULL)
            return NULL;
    }
    return s;
}
char *strptime(const char *s, const char *format, struct tm *tm) {
    struct __ipcsim_strp st = {0, 0, -1, 0, 0, 0, 0, 0, 0};
    const char *end = __ipcsim_strptime(s, format, tm, &st);
    if (end == NULL)
        return NULL;
    if (st.have_I && st.is_pm)
        tm->tm_hour += 12;
    if (st.century != -1)
        tm->tm_year = st.want_century ? tm->tm_year % 100 + (st.century - 19) * 100 : (st.century - 19) * 100;
    if (st.want_xday && !st.have_wday) {
        if (!(st.have_mon && st.have_mday) && st.have_yday) {
            int y = 1900 + tm->tm_year, leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0, m = 0;
            static const int start[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
            while (m < 11 && tm->tm_yday >= start[m + 1] + (m + 1 >= 2 && leap))
                m++;
            if (!st.have_mon)
                tm->tm_mon = m;
            if (!st.have_mday)
                tm->tm_mday = tm->tm_yday - start[m] - (m >= 2 && leap) + 1;
            st.have_mon = st.have_mday = 1;
        }
        if (tm->tm_year >= -1900) {
            long d = __ipcsim_days(1900L + tm->tm_year, tm->tm_mon + 1, tm->tm_mday);
            tm->tm_wday = (int)(((d % 7) + 11) % 7);
        }
    }
    if (st.want_xday && !st.have_yday && (st.have_mon || (unsigned)tm->tm_mon <= 11))
        tm->tm_yday = (int)(__ipcsim_days(1900L + tm->tm_year, tm->tm_mon + 1, tm->tm_mday) - __ipcsim_days(1900L + tm->tm_year, 1, 1));
    return (char *)end;
}
