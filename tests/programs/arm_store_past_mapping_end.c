/* A store that runs off the end of a shared mapping: SIGSEGV under every
   memory model (under --memory arm the kernel looks at the location's old
   value before the interpreter checks the access; it must not panic). */
#include <sys/mman.h>

int main(void) {
    char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    *(int *)(p + 4094) = 1;
    return 0;
}
