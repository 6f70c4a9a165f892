/* <stdatomic.h> and gcc's __sync/__atomic builtins between two processes: counters
   by fetch_add, a spin lock of atomic_flag, compare-exchanges. */
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared { atomic_int count; int plain; long s; atomic_flag lock; };

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    atomic_init(&s->count, 0);
    pid_t p = fork();
    for (int i = 0; i < 5; i++) {
        atomic_fetch_add(&s->count, 1);
        __sync_fetch_and_add(&s->s, 2);
        while (atomic_flag_test_and_set(&s->lock))
            ;
        s->plain++;
        atomic_flag_clear(&s->lock);
    }
    if (p == 0)
        _exit(0);
    waitpid(p, NULL, 0);
    int expected = 0;
    int swapped = atomic_compare_exchange_strong(&s->count, &expected, 7);
    printf("count %d plain %d s %ld cas %d expected %d\n", atomic_load(&s->count), s->plain, s->s, swapped, expected);
    printf("%d %d %ld\n", __sync_val_compare_and_swap(&s->plain, 10, 11), __sync_bool_compare_and_swap(&s->plain, 11, 12), __atomic_add_fetch(&s->s, 1, __ATOMIC_RELAXED));
    return 0;
}
