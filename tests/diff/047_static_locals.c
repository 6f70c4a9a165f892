/* pins static local variables keeping their value across calls, initialized once, per-function */
#include <stdio.h>

static int next_id(void)
{
    static int id = 100;
    return id++;
}

static int calls_a(void) { static int n; return ++n; }
static int calls_b(void) { static int n; return ++n; }

static const char *rotate(void)
{
    static const char *names[] = { "red", "green", "blue" };
    static int idx;
    const char *r = names[idx];
    idx = (idx + 1) % 3;
    return r;
}

static int *counter_ptr(void)
{
    static int counter = 5;
    return &counter;          /* valid after return: static storage */
}

static long running_sum(long v)
{
    static long total;
    total += v;
    return total;
}

int main(void)
{
    for (int i = 0; i < 3; i++) printf("id=%d\n", next_id());
    calls_a(); calls_a(); calls_a();
    calls_b();
    printf("a=%d b=%d\n", calls_a(), calls_b());
    for (int i = 0; i < 5; i++) printf("%s ", rotate());
    printf("\n");
    int *cp = counter_ptr();
    *cp += 10;
    printf("counter=%d\n", *counter_ptr());
    for (long v = 1; v <= 5; v++) printf("sum=%ld\n", running_sum(v));
    for (int i = 0; i < 3; i++) {
        static int in_loop = 0;
        int auto_var = 0;
        in_loop++;
        auto_var++;
        printf("in_loop=%d auto=%d\n", in_loop, auto_var);
    }
    return 0;
}
