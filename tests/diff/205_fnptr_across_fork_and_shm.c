/* Function pointers across processes: a table of command handlers, chosen by bytes a child
   sends through a pipe, dispatched in the parent; a function pointer the child stores in
   MAP_SHARED memory is called by the parent after wait (fork keeps the code at the same
   addresses); pointers to functions taking pointers to functions; sizeof of the types. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

typedef void (*command)(int *acc, int arg);
static void cmd_add(int *acc, int arg) { *acc += arg; }
static void cmd_mul(int *acc, int arg) { *acc *= arg; }
static void cmd_neg(int *acc, int arg) { (void)arg; *acc = -*acc; }
static void cmd_reset(int *acc, int arg) { *acc = arg; }

static struct { char code; command fn; } table[] = {
    {'+', cmd_add}, {'*', cmd_mul}, {'-', cmd_neg}, {'=', cmd_reset},
};
static command lookup(char code) {
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].code == code)
            return table[i].fn;
    return NULL;
}

struct shared { int (*fn)(int); int ready; };
static int cube(int x) { return x * x * x; }
static int inc(int x) { return x + 1; }
static int twice_apply(int (*f)(int), int x) { return f(f(x)); }
static int run_with(int (*runner)(int (*)(int), int), int (*f)(int), int x) { return runner(f, x); }

int main(void) {
    int p[2];
    pipe(p);
    struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED) { perror("mmap"); return 1; }
    sh->fn = inc;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        const char prog[] = "=5+3*4-0!1+2*3";
        for (size_t i = 0; i + 1 < sizeof prog; i += 2)
            write(p[1], prog + i, 2);
        sh->fn = cube;
        sh->ready = 1;
        _exit(0);
    }
    close(p[1]);
    int acc = 0;
    char op[2];
    while (read(p[0], op, 2) == 2) {
        command c = lookup(op[0]);
        if (c == NULL) {
            printf("'%c': unknown command\n", op[0]);
            continue;
        }
        c(&acc, op[1] - '0');
        printf("'%c%c' -> %d\n", op[0], op[1], acc);
    }
    waitpid(pid, NULL, 0);
    printf("shared fn is cube: %d, ready %d, fn(3) = %d\n", sh->fn == cube, sh->ready, sh->fn(3));
    printf("twice_apply(cube, 2) = %d, run_with = %d\n", twice_apply(sh->fn, 2), run_with(twice_apply, inc, 40));
    printf("sizes: %zu %zu %zu\n", sizeof(command), sizeof table[0], sizeof(int (*)(int (*)(int), int)));
    munmap(sh, sizeof *sh);
    return 0;
}
