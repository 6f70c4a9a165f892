/* #__VA_ARGS__ keeps the call's own commas and the spacing around them
   (one space where the source had any), and a variadic macro passes its
   arguments on to another. */
#include <stdio.h>

#define Q(...) puts(#__VA_ARGS__)
#define SHOW(fmt, ...) printf("%s -> " fmt "\n", #__VA_ARGS__, __VA_ARGS__)
#define TWICE(...) Q(__VA_ARGS__); Q(__VA_ARGS__)

int main(void)
{
    Q(1,2);
    Q(a,b,c);
    Q(1, 2,3 ,4);
    Q(  spaced  ,   out  );
    Q(f(1,2), g( x ,y ));
    SHOW("%d %d", 3 ,4);
    TWICE(x,y , z);
    return 0;
}
