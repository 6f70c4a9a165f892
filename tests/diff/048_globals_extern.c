/* pins globals, extern declarations (before and inside functions), tentative definitions */
#include <stdio.h>

extern int shared_value;
extern const char *label;
int tentative;
int tentative;
extern int arr[];

static void bump(void)
{
    extern int shared_value;
    shared_value += 3;
}

int get(void);

int shared_value = 39;
const char *label = "global";
int arr[5] = { 1, 2, 3, 4, 5 };
long total;

int get(void) { return shared_value; }

static void accumulate(void)
{
    for (int i = 0; i < 5; i++) total += arr[i];
}

int main(void)
{
    printf("%d %s %d\n", shared_value, label, tentative);
    bump();
    printf("after bump: %d get=%d\n", shared_value, get());
    tentative = 7;
    printf("tentative=%d\n", tentative);
    accumulate();
    accumulate();
    printf("total=%ld\n", total);
    int shared_value = 1;                  /* shadows the global */
    printf("local=%d global via get=%d\n", shared_value, get());
    {
        extern int shared_value;           /* refers to the global again */
        printf("inner extern=%d\n", shared_value);
    }
    arr[4] = 50;
    total = 0;
    accumulate();
    printf("total=%ld sizeof arr=%zu\n", total, sizeof arr);
    return 0;
}
