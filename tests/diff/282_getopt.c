/* getopt as glibc's: GNU's permutation (operands before options end up
   after them), "--", '+' (stop at the first operand) and '-' (operands
   as option 1) orderings, grouped options, attached and separate
   arguments, "::" optional arguments, a leading ':' for silent errors,
   opterr, optopt, and glibc's messages. The ordering is fixed when a
   scan starts: setting optind to 0 starts a new one, setting it to 1
   goes on with the first scan's ordering. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Old code declares getopt's globals itself. */
extern char *optarg;
extern int optind, opterr, optopt;
static void parse(int argc, char **argv, const char *spec, int reset) {
    int c;
    optind = reset;
    printf("[%s]", spec);
    while ((c = getopt(argc, argv, spec)) != -1) {
        if (c == '?' || c == ':') printf(" %c(optopt=%c)", c, optopt);
        else if (c == 1) printf(" operand=%s", optarg);
        else printf(" -%c%s%s", c, optarg ? "=" : "", optarg ? optarg : "");
    }
    printf(" | optind=%d rest:", optind);
    for (int k = optind; k < argc; k++) printf(" %s", argv[k]);
    printf("\n");
}
int main(void) {
  for (int reset = 0; reset <= 1; reset++) {
    printf("-- optind = %d before each scan\n", reset);
    opterr = 1;
    char *a1[] = {"prog", "file1", "-n", "5", "-vx", "file2", "-o", "out", "--", "-z", NULL};
    parse(10, a1, "n:vxo:", reset);
    char *a2[] = {"prog", "file1", "-n", "5", "-vx", "file2", "-o", "out", NULL};
    parse(8, a2, "+n:vxo:", reset);
    char *a3[] = {"prog", "-n5", "-q", "x", "-n", NULL};
    parse(5, a3, "n:v", reset);
    char *a4[] = {"prog", "-q", "-n", NULL};
    parse(3, a4, ":n:", reset);
    char *a5[] = {"prog", "-a", "one", "-b", "-ctwo", NULL};
    parse(5, a5, "-ab::c::", reset);
    opterr = 0;
    char *a6[] = {"prog", "-y", NULL};
    parse(2, a6, "x", reset);
  }
    return 0;
}
