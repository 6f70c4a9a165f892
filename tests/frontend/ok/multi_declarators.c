/* accepts: several declarators in one declaration (int a, *b, c[3], **d;), initializers referring to earlier ones */
#include <stdio.h>

int g1 = 1, *gp = &g1, garr[2] = { 3, 4 };

int main(void)
{
    int a = 1, *b = &a, c[3] = { a, 2, 3 }, **d = &b;
    int x = 5, y = x + 1, z = y * 2;
    **d += c[2];
    printf("%d %d %d %d %d %d\n", a, z, *gp, garr[1], c[0], *b);
    return 0;
}
