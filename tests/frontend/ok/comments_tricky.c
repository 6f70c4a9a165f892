/* accepts: // inside a block comment, a block-comment opener and closer inside a line comment, comments between tokens */
#include <stdio.h>

int main(void)
{
    /* a block comment with // inside */
    // a line comment with /* and */ inside
    int/**/x = 1/**/+/* mid */2;
    const char *s = "/* not a comment */ // nor this";
    printf("%d %s\n", x /* trailing */, s);  // done
    return 0;
}
