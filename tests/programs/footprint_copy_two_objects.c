/* A struct copy between two shared objects reads one and writes the
   other: its step must conflict with a store to the source. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct S { int v[4]; };

int main(void) {
    struct S *a = mmap(0, sizeof(struct S), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    struct S *b = mmap(0, sizeof(struct S), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) {
        b->v[0] = 1;           /* store to object b */
        _exit(0);
    }
    *a = *b;                   /* one Copy step: writes a, reads b (footprint: a only) */
    wait(0);
    printf("%d\n", a->v[0]);
    return 0;
}
