/* must reject: #endif without #if */
#include <stdio.h>

int main(void)
{
    printf("hi\n");
    return 0;
}
#endif
