/* Compound literals as systems code uses them: a timespec for nanosleep,
   an array to walk, a struct passed and assigned, members of one, and a
   literal in a loop (a fresh object each time round). */
#include <stdio.h>
#include <string.h>
#include <time.h>

struct point { int x, y; };

static int manhattan(struct point p) { return (p.x < 0 ? -p.x : p.x) + (p.y < 0 ? -p.y : p.y); }
static int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }

int main(void)
{
    nanosleep(&(struct timespec){ .tv_sec = 0, .tv_nsec = 1000 }, NULL);
    int *arr = (int[]){ 5, 3, 9, 1 };
    printf("%d %d\n", ((struct point){ .y = 42 }).y, arr[2]);
    printf("%d\n", (struct point){ 3, -4 }.x);
    printf("%d %d\n", manhattan((struct point){ -2, 7 }), sum((int[]){ 1, 2, 3, 4 }, 4));
    struct point p;
    p = (struct point){ .x = 10, .y = 20 };
    printf("%d %d\n", p.x, p.y);
    printf("%zu %zu\n", sizeof (int[]){ 1, 2, 3 }, sizeof (struct point){ 0 });
    char *s = (char[]){ "hello" };
    s[0] = 'j';
    printf("%s %zu\n", s, strlen((char[16]){ "abc" }));
    for (int i = 0; i < 3; i++) {
        int *q = (int[2]){ i, i * i };
        printf("%d:%d ", q[0], q[1]);
    }
    printf("\n");
    return 0;
}
