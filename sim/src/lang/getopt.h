/* unistd.h's getopt, as glibc's: POSIX's rules with GNU's permutation
   (operands may come before options, and end up after them; an
   optstring starting with '+' stops at the first operand, one starting
   with '-' returns operands as option 1), "--" ending the options,
   "::" for an optional argument, a leading ':' for silent errors, and
   glibc's messages on stderr. As in glibc, the ordering is fixed when a
   scan starts (the first call, or one with optind set to 0): setting
   optind to 1 goes on with it. Compiled only into a program that names
   getopt (lang::compile_here): its globals are then part of every
   process, which a program without it should not pay for at each fork. */
char *optarg;
int optind = 1, opterr = 1, optopt = '?';
/* Where in argv[optind] the next option letter is (0: at the next
   element); the operands skipped so far, [first, last); whether a scan
   started, and its ordering (0 permute, 1 stop at an operand, 2 return
   operands as option 1). */
struct __ipcsim_getopt { int next, first, last, started, order; };
static struct __ipcsim_getopt __ipcsim_getopt_state = {0, 1, 1, 0, 0};
static int __ipcsim_is_option(const char *a) { return a[0] == '-' && a[1] != 0; }
/* glibc's complaint "PROG: WHAT -- 'C'", on stderr. Spelt out, not a
   string literal: one here would sit among the program's. */
static void __ipcsim_getopt_complain(const char *prog, int missing, int c) {
    char invalid[] = {'i', 'n', 'v', 'a', 'l', 'i', 'd', ' ', 'o', 'p', 't', 'i', 'o', 'n', 0};
    char requires[] = {'o', 'p', 't', 'i', 'o', 'n', ' ', 'r', 'e', 'q', 'u', 'i', 'r', 'e', 's', ' ',
                       'a', 'n', ' ', 'a', 'r', 'g', 'u', 'm', 'e', 'n', 't', 0};
    char fmt[] = {'%', 's', ':', ' ', '%', 's', ' ', '-', '-', ' ', '\'', '%', 'c', '\'', '\n', 0};
    fprintf(stderr, fmt, prog, missing ? requires : invalid, c);
}
/* Swaps the operands [first, last) with the options [last, ind) after
   them, as glibc's exchange. */
static void __ipcsim_getopt_exchange(char **av, struct __ipcsim_getopt *g) {
    int n = optind - g->last;
    for (int k = 0; k < n; k++) {
        char *moved = av[g->last + k];
        for (int j = g->last + k; j > g->first + k; j--)
            av[j] = av[j - 1];
        av[g->first + k] = moved;
    }
    g->first += n;
    g->last = optind;
}
int getopt(int argc, char *const argv[], const char *optstring) {
    struct __ipcsim_getopt *g = &__ipcsim_getopt_state;
    char **av = (char **)argv;
    if (optind == 0 || !g->started) {
        if (optind == 0) optind = 1;
        g->first = g->last = optind;
        g->next = 0;
        /* 0: permute, 1: stop at an operand, 2: return operands */
        g->order = optstring[0] == '+' ? 1 : optstring[0] == '-' ? 2 : 0;
        g->started = 1;
    }
    int order = g->order;
    if (optstring[0] == '+' || optstring[0] == '-') optstring++;
    int colon = optstring[0] == ':';
    optarg = NULL;
    if (g->next == 0) {
        if (g->last > optind) g->last = optind;
        if (g->first > optind) g->first = optind;
        if (order == 0) {
            if (g->first != g->last && g->last != optind) __ipcsim_getopt_exchange(av, g);
            else if (g->last != optind) g->first = optind;
            while (optind < argc && !__ipcsim_is_option(av[optind])) optind++;
            g->last = optind;
        }
        if (optind != argc && av[optind][0] == '-' && av[optind][1] == '-' && av[optind][2] == 0) {
            optind++;
            if (g->first != g->last && g->last != optind) __ipcsim_getopt_exchange(av, g);
            else if (g->first == g->last) g->first = optind;
            g->last = argc;
            optind = argc;
        }
        if (optind == argc) {
            if (g->first != g->last) optind = g->first;
            return -1;
        }
        if (!__ipcsim_is_option(av[optind])) {
            if (order == 1) return -1;
            optarg = av[optind++];
            return 1;
        }
        g->next = 1;
    }
    char *cur = av[optind];
    int c = (unsigned char)cur[g->next++];
    const char *spec = c == ':' ? NULL : strchr(optstring, c);
    int last_of_group = cur[g->next] == 0;
    if (spec == NULL) {
        optopt = c;
        if (opterr && !colon) __ipcsim_getopt_complain(av[0], 0, c);
        if (last_of_group) { optind++; g->next = 0; }
        return '?';
    }
    if (spec[1] == ':') {
        if (!last_of_group) {
            optarg = cur + g->next;
        } else if (spec[2] != ':') {
            if (optind + 1 >= argc) {
                optopt = c;
                optind++;
                g->next = 0;
                if (opterr && !colon) __ipcsim_getopt_complain(av[0], 1, c);
                return colon ? ':' : '?';
            }
            optarg = av[++optind];
        }
        optind++;
        g->next = 0;
    } else if (last_of_group) {
        optind++;
        g->next = 0;
    }
    return c;
}
