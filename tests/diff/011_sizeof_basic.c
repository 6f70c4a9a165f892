/* pins sizeof of every basic type and of pointers on LP64 */
#include <stdio.h>
#include <stdbool.h>

int main(void)
{
    printf("char=%zu signed char=%zu unsigned char=%zu\n", sizeof(char), sizeof(signed char), sizeof(unsigned char));
    printf("short=%zu unsigned short=%zu\n", sizeof(short), sizeof(unsigned short));
    printf("int=%zu unsigned=%zu\n", sizeof(int), sizeof(unsigned));
    printf("long=%zu unsigned long=%zu\n", sizeof(long), sizeof(unsigned long));
    printf("long long=%zu unsigned long long=%zu\n", sizeof(long long), sizeof(unsigned long long));
    printf("_Bool=%zu bool=%zu\n", sizeof(_Bool), sizeof(bool));
    printf("void*=%zu char*=%zu int**=%zu\n", sizeof(void *), sizeof(char *), sizeof(int **));
    printf("short int=%zu long int=%zu long long int=%zu\n", sizeof(short int), sizeof(long int), sizeof(long long int));
    printf("signed=%zu unsigned short int=%zu\n", sizeof(signed), sizeof(unsigned short int));
    enum color { RED, GREEN, BLUE };
    printf("enum=%zu\n", sizeof(enum color));
    printf("1=%zu 1L=%zu 1LL=%zu 1u=%zu 1ul=%zu\n", sizeof 1, sizeof 1L, sizeof 1LL, sizeof 1u, sizeof 1ul);
    printf("'x'=%zu true=%zu\n", sizeof 'x', sizeof true);
    printf("0x7fffffff=%zu 0x80000000=%zu 2147483648=%zu\n", sizeof 0x7fffffff, sizeof 0x80000000, sizeof 2147483648);
    printf("0xffffffffffffffff=%zu\n", sizeof 0xffffffffffffffff);
    printf("sizeof(sizeof(int))=%zu\n", sizeof(sizeof(int)));
    return 0;
}
