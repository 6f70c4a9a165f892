/* accepts: for (;;), empty statements (;), empty blocks {}, while with empty body, if with empty else */
#include <stdio.h>

int main(void)
{
    int i = 0;
    ;;
    {}
    for (;;) { if (++i == 3) break; }
    while (i-- > 0) ;
    if (i) {} else ;
    for (int j = 0; j < 2; j++) {}
    printf("%d\n", i);
    return 0;
}
