/* accepts: adjacent string literal concatenation "ab" "cd", across lines, with macros that expand to strings */
#include <stdio.h>

#define PREFIX "ipc"
#define SUFFIX "sim"

int main(void)
{
    const char *s = "ab" "cd";
    const char *t = PREFIX SUFFIX "!"
                    " more"
                    "";
    printf("%s %s %zu\n", s, t, sizeof "x" "yz");
    return 0;
}
