/* goto as course code uses it: the cleanup chain of a function that
   acquires in steps, a jump out of nested loops, a loop made of a
   backward goto, a label ending a block, and labels inside a switch. */
#include <stdio.h>
#include <stdlib.h>

static int setup(int fail_at)
{
    int status = -1;
    char *a = malloc(16);
    if (!a)
        goto out;
    if (fail_at == 1)
        goto free_a;
    char *b = malloc(32);
    if (!b)
        goto free_a;
    if (fail_at == 2)
        goto free_b;
    status = 0;
free_b:
    free(b);
free_a:
    free(a);
out:
    return status;
}

int main(void)
{
    for (int k = 0; k < 3; k++)
        printf("setup(%d) = %d\n", k, setup(k));

    int found = -1;
    for (int i = 0; i < 10; i++)
        for (int j = 0; j < 10; j++)
            if (i * j == 42) {
                found = i * 10 + j;
                goto done;
            }
done:
    printf("found %d\n", found);

    int n = 0;
again:
    n++;
    if (n < 5)
        goto again;
    printf("n = %d\n", n);

    for (int k = 0; k < 4; k++) {
        switch (k) {
        case 0:
            goto skip;
        case 1:
        retry:
            printf("case 1 or retried\n");
            break;
        default:
            if (k == 2)
                goto retry;
            printf("k = %d\n", k);
        }
    skip:;
    }
    {
        int x = 1;
        if (x)
            goto end_of_block;
        printf("not printed\n");
    end_of_block:
    }
    return 0;
}
