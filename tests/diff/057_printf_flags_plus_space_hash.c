/* pins printf '+', ' ' and '#' flags (beyond LANGUAGE.md's list: '-', '0', '.*'), alone and combined */
#include <stdio.h>

int main(void)
{
    printf("[%+d] [%+d] [%+d]\n", 5, -5, 0);
    printf("[% d] [% d] [% d]\n", 5, -5, 0);
    printf("[%+5d] [%-+5d] [%+05d] [% 05d]\n", 42, 42, 42, 42);
    printf("[%+.3d] [% .3d]\n", 7, 7);
    printf("[%+ld] [% ld]\n", 1234567890123L, -1L);
    printf("[%#x] [%#X] [%#x]\n", 255u, 255u, 0u);
    printf("[%#o] [%#o] [%#.3o] [%#o]\n", 8u, 0u, 8u, 511u);
    printf("[%#10x] [%#-10x] [%#010x]\n", 0xabcu, 0xabcu, 0xabcu);
    printf("[%#.6x] [%#.0x]\n", 0x1fu, 0u);
    printf("[%+i] [% i]\n", -3, 3);
    printf("[%+lld]\n", 77LL);
    printf("[%+zd] [% zd]\n", (ssize_t)3, (ssize_t)-3);
    return 0;
}
