/* pins that in-bounds use of local objects runs cleanly: several local arrays side by side (first and last
   elements, whole-array memset/memcpy/strcpy up to the last byte, string functions on exact-size buffers),
   structs with array members passed and returned by value, arrays of structs, 2-D arrays, recursion with a local
   array in every frame, a callee filling its caller's array through a pointer, and sizeof of each */
#include <stdio.h>
#include <string.h>

struct rec { char name[6]; int vals[3]; };
struct pair { struct rec a, b; };

static struct rec make(const char *name, int base)
{
    struct rec r;
    memset(&r, 0, sizeof r);
    strncpy(r.name, name, sizeof r.name - 1);
    for (int i = 0; i < 3; i++)
        r.vals[i] = base + i;
    return r;
}

static int sum_rec(struct rec r)
{
    int s = 0;
    for (int i = 0; i < 3; i++)
        s += r.vals[i];
    return s + (int)strlen(r.name);
}

static void fill(int *p, int n, int v)
{
    for (int i = 0; i < n; i++)
        p[i] = v * i;
}

/* Each frame has its own array; the deepest fills all of them through pointers. */
static int depth_sum(int n, int *outer)
{
    int mine[5];
    fill(mine, 5, n);
    if (outer)
        outer[4] += mine[4];
    if (n == 0)
        return mine[4];
    return mine[4] + depth_sum(n - 1, mine) + mine[0];
}

static int collatz_len(long n, char trail[8])
{
    int k = 0;
    while (n != 1) {
        trail[k % 8] = (char)('0' + n % 10);
        n = n % 2 ? 3 * n + 1 : n / 2;
        k++;
    }
    return k;
}

int main(void)
{
    char first[1] = { 'x' };
    int a[4] = { 1, 2, 3, 4 };
    char word[6];
    long big[16];
    short grid[3][5];
    struct rec recs[2];
    struct pair pr;
    char trail[8];

    a[0] += a[3];
    a[3] = a[0] * 2;
    strcpy(word, "hello");
    printf("%c %d %d %s %zu %zu\n", first[0], a[0], a[3], word, strlen(word), sizeof word);
    memset(big, 0, sizeof big);
    big[15] = 15;
    big[0] = -1;
    memcpy(&big[1], a, sizeof a);
    printf("%ld %ld %ld %zu\n", big[0], big[15], big[1] + big[2], sizeof big);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 5; c++)
            grid[r][c] = (short)(r * 10 + c);
    printf("%d %d %zu %zu\n", grid[0][0], grid[2][4], sizeof grid, sizeof grid[0]);
    recs[0] = make("alpha", 10);
    recs[1] = make("betagamma", 20);
    printf("%s %s %d %d %zu\n", recs[0].name, recs[1].name, sum_rec(recs[0]), sum_rec(recs[1]), sizeof recs);
    pr.a = recs[1];
    pr.b = pr.a;
    pr.b.vals[2] = 99;
    printf("%d %d %zu\n", pr.a.vals[2], pr.b.vals[2], sizeof pr);
    printf("depth %d\n", depth_sum(6, NULL));
    printf("collatz %d", collatz_len(27, trail));
    printf(" %.8s\n", trail);
    char msg[32];
    snprintf(msg, sizeof msg, "%s-%d-%s", word, a[3], recs[0].name);
    printf("%s %zu %d\n", msg, strlen(msg), strcmp(msg, word) > 0);
    char cat[12] = "ab";
    strcat(cat, "cdefghijk");
    printf("%s %zu\n", cat, strlen(cat));
    return 0;
}
