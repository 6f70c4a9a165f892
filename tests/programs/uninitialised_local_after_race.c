#include <assert.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int set(int v) { int local[4]; for (int i = 0; i < 4; i++) local[i] = v; return local[3] >= 0; }
int get(int v) { int local[4]; int s = 0; for (int i = 0; i < 4; i++) s += local[i]; return s; }
int main(void) {
    int *s = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) {
        s[0] = 1;
        exit(0);
    }
    set(s[0]);
    wait(NULL);
    wait(NULL);
    assert(get(0) == 0);
    return 0;
}
