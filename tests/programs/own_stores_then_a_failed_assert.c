/* One process, shared memory, a wrong assertion: it fails under every
   memory model, and no store buffer explains it (a process sees its own
   stores in order), so no report may blame a reordering or advise a
   fence. */
#include <assert.h>
#include <sys/mman.h>

int main(void) {
    int *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    p[1] = 2;
    assert(p[1] == 3);
    return 0;
}
