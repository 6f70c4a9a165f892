/* must reject: a library routine used as a value (`puts` has no address ipcsim can call through) */
#include <stdio.h>

int main(void)
{
    int (*say)(const char *) = puts;
    return say("hi") < 0;
}
