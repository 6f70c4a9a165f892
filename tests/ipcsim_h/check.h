/* Helpers shared by the ipcsim.h tests (not part of ipcsim.h). */
#ifndef IPCSIM_TEST_CHECK_H
#define IPCSIM_TEST_CHECK_H
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define T__FN static __attribute__((unused))

/* A failed check prints where (on stderr) and ends the process with 1. */
#define CHECK(c)                                                              \
    do {                                                                      \
        if (!(c)) {                                                           \
            fprintf(stderr, "%s:%d: pid %d: CHECK failed: %s (errno %d %s)\n", \
                    __FILE__, __LINE__, (int)getpid(), #c, errno,             \
                    strerror(errno));                                         \
            _exit(1);                                                         \
        }                                                                     \
    } while (0)

/* The call fails with -1 and exactly errno e. */
#define FAILS(call, e)                                                        \
    do {                                                                      \
        errno = 0;                                                            \
        long r__ = (long)(call);                                              \
        if (r__ != -1 || errno != (e)) {                                      \
            fprintf(stderr, "%s:%d: %s: got %ld errno %d (%s), want -1 %s\n", \
                    __FILE__, __LINE__, #call, r__, errno, strerror(errno),   \
                    #e);                                                      \
            _exit(1);                                                         \
        }                                                                     \
    } while (0)

T__FN void t_init(void) { setvbuf(stdout, NULL, _IONBF, 0); }

T__FN void msleep(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

T__FN long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Wait for child p and require a clean exit 0. */
T__FN void reap(pid_t p)
{
    int st;
    while (waitpid(p, &st, 0) < 0)
        CHECK(errno == EINTR);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "child %d failed: status 0x%x\n", (int)p, st);
        _exit(1);
    }
}

/* Wait (at most 5 s) until *v == want. */
T__FN void await_eq(volatile int *v, int want)
{
    long t0 = now_ms();
    while (*v != want) {
        CHECK(now_ms() - t0 < 5000);
        msleep(1);
    }
}

/* A zero-filled anonymous shared area (for test bookkeeping only). */
T__FN void *shared(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                   -1, 0);
    CHECK(p != MAP_FAILED);
    return p;
}
#endif
