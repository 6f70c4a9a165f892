/* pins printf with non-literal formats, incl. flag conflicts gcc warns about in literals: 0 with precision or '-', ' ' with '+' */
#include <stdio.h>

static const char *const formats[] = {
    "[%0.3d]\n",        /* precision given: '0' ignored */
    "[%08.3d]\n",
    "[%-08d]\n",        /* '-' overrides '0' */
    "[% +d]\n",         /* '+' overrides ' ' */
    "[%+ d]\n",
    "[%-+6d]\n",
    "[%00005d]\n",      /* repeated flag */
};

int main(void)
{
    for (unsigned i = 0; i < sizeof formats / sizeof formats[0]; i++) printf(formats[i], -5 + (int)i * 3);
    char fmt[32];
    for (int w = 1; w <= 4; w++) {
        snprintf(fmt, sizeof fmt, "<%%%dd|%%-%ds>\n", w * 2, w);
        printf(fmt, w, "s");
    }
    const char *choice = 1 ? "%s=%u\n" : "%s:%u\n";
    printf(choice, "chosen", 7u);
    char built[16] = "%";
    int k = 1;
    built[k++] = '0';
    built[k++] = '6';
    built[k++] = 'x';
    built[k++] = '\n';
    built[k] = '\0';
    printf(built, 0xabcu);
    fprintf(stderr, formats[2], 11);
    return 0;
}
