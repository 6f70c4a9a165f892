/* Variadic functions of the program, as course code writes them: a
   logging helper over vfprintf, a message into a buffer with vsnprintf,
   a sum of a count of ints, a mix of ints, doubles and strings read by a
   format of its own, a va_list handed to a helper that takes the rest,
   va_copy to walk the arguments twice, more arguments than registers,
   char and short arguments promoted to int, and a die() that exits. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void log_msg(const char *level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stdout, "[%s] ", level);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
}

static int format_into(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

static long sum(int count, ...) {
    va_list ap;
    va_start(ap, count);
    long s = 0;
    for (int i = 0; i < count; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

/* 'i' int, 'd' double, 's' string, 'l' long */
static void show(const char *kinds, ...) {
    va_list ap, again;
    va_start(ap, kinds);
    va_copy(again, ap);
    for (const char *k = kinds; *k; k++) {
        switch (*k) {
        case 'i': printf("int %d; ", va_arg(ap, int)); break;
        case 'd': printf("double %.3f; ", va_arg(ap, double)); break;
        case 's': printf("string %s; ", va_arg(ap, char *)); break;
        case 'l': printf("long %ld; ", va_arg(ap, long)); break;
        }
    }
    printf("\nfirst again: ");
    if (*kinds == 'i')
        printf("%d\n", va_arg(again, int));
    else if (*kinds == 'd')
        printf("%.1f\n", va_arg(again, double));
    else
        printf("?\n");
    va_end(again);
    va_end(ap);
}

static double average_rest(int n, va_list ap) {
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    return n ? s / n : 0;
}

static double average(const char *label, int n, ...) {
    va_list ap;
    va_start(ap, n);
    double a = average_rest(n, ap);
    va_end(ap);
    printf("%s: %.4f\n", label, a);
    return a;
}

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(3);
}

int main(void) {
    log_msg("info", "started with %d workers and %s mode", 4, "safe");
    char buf[32];
    int r = format_into(buf, sizeof buf, "pid-like %05d, ratio %.2f, %s", 42, 0.5, "a rather long tail");
    printf("%s (%d)\n", buf, r);
    printf("sum %ld %ld %ld\n", sum(0), sum(3, 1, 2, 3), sum(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    char c = 'A';
    short h = -7;
    printf("promoted %ld\n", sum(2, c, h));
    show("idsl", 7, 2.5, "text", 1234567890123L);
    show("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11);
    average("three", 3, 1.0, 2.0, 4.5);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0)
        die("child: giving up after %d tries (%s)", 3, "no luck");
    int st;
    waitpid(p, &st, 0);
    printf("child exited %d\n", WEXITSTATUS(st));
    return 0;
}
