/* strptime as glibc's in the C locale: numbers after spaces, names in any
   case full or abbreviated, %p with %I, two-digit years, %j, composite
   conversions, the day of the week and of the year filled in, and where
   parsing stops or fails. */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <string.h>
#include <time.h>

static void show(const char *in, const char *fmt) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_wday = -1;
    tm.tm_yday = -1;
    char *end = strptime(in, fmt, &tm);
    if (end == NULL) {
        printf("%-28s %-22s -> NULL\n", in, fmt);
        return;
    }
    printf("%-28s %-22s -> %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d rest \"%s\"\n", in, fmt, tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday, end);
}

int main(void) {
    show("2024-02-29 13:45:07", "%Y-%m-%d %H:%M:%S");
    show("2024-02-29T13:45:07Z", "%Y-%m-%dT%H:%M:%S");
    show("  7/4/76", "%D");
    show("07/04/1976", "%m/%d/%Y");
    show("Thu Jul  4 09:05:00 1976", "%c");
    show("thursday, JULY 4, 1976", "%A, %B %d, %Y");
    show("Dec 25 2023 11:59:59 PM", "%b %d %Y %I:%M:%S %p");
    show("12:00:00 am", "%r");
    show("day 60 of 2023", "day %j of %Y");
    show("day 60 of 2024", "day %j of %Y");
    show("69 68", "%y");
    show("68", "%y");
    show("19 99", "%C %y");
    show("2023-13-01", "%Y-%m-%d");
    show("2023-12-32", "%Y-%m-%d");
    show("10:61", "%H:%M");
    show("10:60:61", "%T");
    show("1700000000", "%s");
    show("100%", "%d%%");
    show("Mon", "%a");
    show("5 pm", "%l %p");
    show("2023-06-15 extra", "%F");
    show("abc", "%Y");
    show("", "");
    return 0;
}
