/* accepts: (char *)&x, (void)expr;, (int *)(void *)p, *(int *)buf, (const char *)s, (unsigned char *)p + 1 */
#include <stdio.h>
#include <string.h>

int main(void)
{
    int x = 0x01020304;
    unsigned char buf[sizeof(int)];
    memcpy(buf, &x, sizeof x);
    (void)printf("%s", "");
    int *ip = (int *)(void *)&x;
    printf("%d %d %d %d\n", *(char *)&x, *(int *)buf == x, *ip == x, *((unsigned char *)&x + 1));
    return 0;
}
