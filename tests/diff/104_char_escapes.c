/* pins the numeric values of character and string escapes: \n \t \r \a \b \f \v \0 \\ \' \" \? \x.. \ooo */
#include <stdio.h>
#include <string.h>

int main(void)
{
    printf("n=%d t=%d r=%d a=%d b=%d f=%d v=%d 0=%d\n", '\n', '\t', '\r', '\a', '\b', '\f', '\v', '\0');
    printf("bs=%d sq=%d dq=%d q=%d\n", '\\', '\'', '\"', '\?');
    printf("x41=%d x7f=%d xff=%d x0=%d\n", '\x41', '\x7f', '\xff', '\x0');
    printf("101=%d 0=%d 7=%d 377=%d 12=%d\n", '\101', '\0', '\7', '\377', '\12');
    const char *s = "a\tb\\c\"d\'e\x21\101\0hidden";
    printf("strlen=%zu sizeof=%zu\n", strlen(s), sizeof "a\tb\\c\"d\'e\x21\101\0hidden");
    for (const char *p = s; *p; p++) printf("%d ", *p);
    printf("\n");
    const char *oct = "\1\02\003\0044";          /* \004 then '4' */
    for (int i = 0; i < 5; i++) printf("%d ", oct[i]);
    printf("\n");
    const char *hex = "\x41" "B";                  /* concatenation ends the hex escape */
    printf("%s\n", hex);
    printf("quote: \"%s\" apostrophe: '%c' backslash: \\\n", "q", '\'');
    printf("tab[\t] cr-free\n");
    char arr[] = { '\x10', '\020', 16, 0 };
    printf("all sixteen: %d\n", arr[0] == arr[1] && arr[1] == arr[2]);
    return 0;
}
