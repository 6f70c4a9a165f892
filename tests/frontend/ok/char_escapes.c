/* accepts: character constants '\n' '\0' '\x41' '\101' '\'' '"' '\\' '\t' and string escapes "\"" "\'" "\x41" */
#include <stdio.h>

int main(void)
{
    char cs[] = { '\n', '\0', '\x41', '\101', '\'', '"', '\\', '\t', '\a', '\?' };
    int sum = 0;
    for (unsigned i = 0; i < sizeof cs; i++) sum += cs[i];
    printf("%d %s %s %s\n", sum, "\"q\"", "\'", "\x41\102");
    return 0;
}
