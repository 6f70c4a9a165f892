/* must reject: unknown header <curl/curl.h>, named in the diagnostic */
#include <stdio.h>
#include <curl/curl.h>

int main(void)
{
    printf("hi\n");
    return 0;
}
