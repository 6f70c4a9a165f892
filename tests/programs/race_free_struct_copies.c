#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
struct S { int a; int b; int c; int d; };
int main(void) {
    struct S *s = mmap(NULL, sizeof(struct S), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    s->a = 1; s->b = 2; s->c = 3; s->d = 4;
    for (int k = 0; k < 2; k++) {
        if (fork() == 0) {
            struct S l = *s;
            exit(l.a + l.b + l.c + l.d == 10 ? 0 : 1);
        }
    }
    struct S m = *s;
    while (wait(NULL) > 0)
        ;
    printf("%d\n", m.a);
    return 0;
}
