/* pins 3D arrays: layout, initialization, sizeof at each level, pointer walk */
#include <stdio.h>

static int cube[2][3][4] = {
    { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } },
    { { 13, 14, 15, 16 }, { 17, 18, 19, 20 }, { 21, 22, 23, 24 } },
};

static int sum3(int c[][3][4], int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++)
                s += c[i][j][k];
    return s;
}

int main(void)
{
    printf("sizes: %zu %zu %zu %zu\n", sizeof cube, sizeof cube[0], sizeof cube[0][0], sizeof cube[0][0][0]);
    printf("cube[1][2][3]=%d cube[0][1][0]=%d\n", cube[1][2][3], cube[0][1][0]);
    printf("sum=%d\n", sum3(cube, 2));
    int *p = &cube[0][0][0];
    printf("p[13]=%d p[23]=%d\n", p[13], p[23]);
    int (*plane)[4] = cube[1];
    printf("plane[1][1]=%d\n", plane[1][1]);
    int (*pl)[3][4] = cube;
    pl++;
    printf("(*pl)[0][0]=%d\n", (*pl)[0][0]);
    char names[2][2][6] = { { "ab", "cd" }, { "ef", "ghijk" } };
    printf("%s %s %c\n", names[1][1], names[0][1], names[1][1][4]);
    int z[2][2][2] = { { { 1 } }, { { 0, 2 }, { 3 } } };
    for (int i = 0; i < 8; i++) printf("%d", (&z[0][0][0])[i]);
    printf("\n");
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            cube[i][j][j] *= -1;
    printf("after: %d %d %d\n", cube[0][0][0], cube[1][2][2], sum3(cube, 2));
    return 0;
}
