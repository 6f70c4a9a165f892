/* The interpreter fuses common op sequences (a field read through a
   pointer, a compare with a constant and branch, an operation with a
   constant); every one of them must keep C's meaning, signed and
   unsigned, at every width, and jumps into loops must still land. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct ring { int buf[4]; int in, out; long total; unsigned char flags; short delta; };

static int classify(long v) {
    if (v < -3) return -2;
    if (v <= 0) return v == 0 ? 0 : -1;
    if (v > 1000000000000L) return 3;
    if (v >= 100) return 2;
    return 1;
}

int main(void) {
    struct ring *r = mmap(NULL, sizeof *r, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (r == MAP_FAILED) { perror("mmap"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        for (int item = 1; item <= 6; item++) {
            while (((r->in + 1) % 4) == r->out)
                ;
            r->buf[r->in] = item * 7;
            r->in = (r->in + 1) % 4;
        }
        _exit(0);
    }
    long sum = 0;
    for (int k = 0; k < 6; k++) {
        while (r->in == r->out)
            ;
        sum += r->buf[r->out];
        r->out = (r->out + 1) % 4;
    }
    waitpid(pid, NULL, 0);
    r->total = sum;
    r->flags = 250;
    r->delta = -7;
    printf("sum %ld total %ld\n", sum, r->total);
    printf("flags+10 %d (unsigned char promotes)\n", r->flags + 10);
    printf("delta*3 %d delta>>1 %d delta%%4 %d\n", r->delta * 3, r->delta >> 1, r->delta % 4);
    unsigned u = (unsigned)-1;
    printf("u>3 %d u==4294967295 %d u+1 %u\n", u > 3, u == 4294967295u, u + 1);
    int neg = -5;
    printf("neg<0 %d neg/2 %d neg%%3 %d neg<<2 %d\n", neg < 0, neg / 2, neg % 3, neg * 4);
    long vals[] = {-10, -1, 0, 5, 150, 2000000000000L};
    for (int i = 0; i < 6; i++)
        printf("classify(%ld) = %d\n", vals[i], classify(vals[i]));
    int odd = 0;
    for (int i = 0; i < 20; i++) {
        if (i % 2 == 0)
            continue;
        if (i > 15)
            break;
        odd += i;
    }
    printf("odd %d\n", odd);
    unsigned long big = 0xffffffffffffffffUL;
    printf("big>=1 %d big/3 %lu\n", big >= 1, big / 3);
    int zero = atoi("0");
    if (zero != 0)
        return 2;
    printf("about to divide by a constant zero\n");
    fflush(stdout);
    int boom = 10 / (zero + 0);
    printf("unreachable %d\n", boom);
    return 0;
}
