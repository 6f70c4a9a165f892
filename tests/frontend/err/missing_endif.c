/* must reject: unterminated #ifdef (the #ifdef DEBUG on line 4 has no #endif) */
#include <stdio.h>

#ifdef DEBUG
#define LOG 1

int main(void)
{
    printf("hi\n");
    return 0;
}
