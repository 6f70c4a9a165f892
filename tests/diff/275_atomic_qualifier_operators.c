/* `_Atomic` objects and <stdatomic.h>'s atomic types used with plain
   operators, which C makes atomic operations: two processes increment
   a shared `atomic_int` with `++` and a shared `_Atomic long` with
   `+=`, and no increment is lost; every operator gives C's value. */
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    atomic_int count;
    _Atomic long total;
    _Atomic(unsigned char) bits;
    _Atomic(int *) cursor;
    int slots[4];
};

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    s->cursor = s->slots;
    pid_t p = fork();
    for (int i = 0; i < 200; i++) {
        s->count++;
        s->total += 3;
    }
    s->bits |= p == 0 ? 1 : 2;
    if (p == 0)
        _exit(0);
    waitpid(p, NULL, 0);
    atomic_int local = 5;
    int before = local++;
    int after = ++local;
    int sum = (local += 10);
    int diff = (local -= 4);
    int masked = (local &= 0xC);
    int flipped = (local ^= 3);
    int set = (local = 40);
    int *c = s->cursor++;
    printf("count %d total %ld bits %d\n", atomic_load(&s->count), (long)s->total, (int)s->bits);
    printf("local %d %d %d %d %d %d %d now %d\n", before, after, sum, diff, masked, flipped, set, (int)local);
    printf("cursor moved %d, sizes %zu %zu %zu\n", (int)(s->cursor - c), sizeof(atomic_int), sizeof(_Atomic long), sizeof s->bits);
    int post = s->count--;
    int pre = --s->count;
    printf("down %d %d\n", post, pre);
    return 0;
}
