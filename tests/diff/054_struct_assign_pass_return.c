/* pins struct assignment (deep copy of arrays inside), pass-by-value, return-by-value, nested struct copies */
#include <stdio.h>
#include <string.h>

struct vec { int x, y; };
struct rec { char name[12]; int scores[4]; struct vec pos; };

static struct vec add(struct vec a, struct vec b)
{
    struct vec r = { a.x + b.x, a.y + b.y };
    return r;
}

static void mutate(struct rec r) { r.scores[0] = 999; strcpy(r.name, "changed"); }

static struct rec make(const char *n, int base)
{
    struct rec r;
    memset(&r, 0, sizeof r);
    strncpy(r.name, n, sizeof r.name - 1);
    for (int i = 0; i < 4; i++) r.scores[i] = base + i;
    struct vec one = { 1, -1 };
    r.pos = base > 50 ? add(r.pos, one) : r.pos;
    return r;
}

static int total(const struct rec *r) { return r->scores[0] + r->scores[1] + r->scores[2] + r->scores[3]; }

int main(void)
{
    struct vec a = { 1, 2 }, b = { 10, 20 };
    struct vec c = add(a, b);
    printf("c=(%d,%d)\n", c.x, c.y);
    printf("chained=(%d,%d)\n", add(add(a, b), c).x, add(c, c).y);
    struct rec r1 = make("alice", 10);
    struct rec r2 = r1;
    r2.scores[0] = 0;
    r2.name[0] = 'A';
    printf("r1 %s %d total=%d | r2 %s %d total=%d\n", r1.name, r1.scores[0], total(&r1), r2.name, r2.scores[0], total(&r2));
    mutate(r1);
    printf("after mutate: %s %d\n", r1.name, r1.scores[0]);
    struct rec arr[2];
    arr[0] = r1;
    arr[1] = make("bob", 100);
    arr[0].pos = add(arr[1].pos, b);
    printf("arr: %s %s pos=(%d,%d) total=%d\n", arr[0].name, arr[1].name, arr[0].pos.x, arr[0].pos.y, total(&arr[1]));
    struct rec *p = &arr[1];
    *p = arr[0];
    printf("copied via ptr: %s\n", arr[1].name);
    printf("memcmp equal=%d\n", memcmp(&arr[0], &arr[1], sizeof arr[0]) == 0);
    return 0;
}
