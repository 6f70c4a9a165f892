/* grep with a fixed string: -v, -c, -i, -n, -q (no output: the status
   says), -x (whole lines), -F (other options are refused, as GNU refuses
   invalid ones); one file or standard input; status 0 if a line was
   selected, 1 if none, 2 on error. */
static int contains(const char *line, const char *pat, int fold, int whole) {
    if (whole)
        return fold ? strcasecmp(line, pat) == 0 : strcmp(line, pat) == 0;
    if (!fold)
        return strstr(line, pat) != NULL;
    size_t m = strlen(pat);
    for (const char *p = line; *p; p++)
        if (strncasecmp(p, pat, m) == 0)
            return 1;
    return m == 0;
}

int main(int argc, char **argv) {
    util_name = "grep";
    int invert = 0, counting = 0, fold = 0, numbers = 0, quiet = 0, whole = 0, usage = 0;
    const char *pat = NULL, *path = NULL;
    for (int i = 1, ended = 0; i < argc; i++) {
        if (!ended && !pat && strcmp(argv[i], "--") == 0) {
            ended = 1;
        } else if (argv[i][0] == '-' && argv[i][1] && !pat && !ended) {
            for (char *o = argv[i] + 1; *o; o++) {
                if (*o == 'v')
                    invert = 1;
                else if (*o == 'c')
                    counting = 1;
                else if (*o == 'i')
                    fold = 1;
                else if (*o == 'n')
                    numbers = 1;
                else if (*o == 'q')
                    quiet = 1;
                else if (*o == 'x')
                    whole = 1;
                else if (*o != 'F') {
                    if (*o == '-')
                        fprintf(stderr, "grep: unrecognized option '%s'\n", argv[i]);
                    else
                        fprintf(stderr, "grep: invalid option -- '%c'\n", *o);
                    usage = 1;
                    break;
                }
            }
            if (usage)
                break;
        } else if (!pat) {
            pat = argv[i];
        } else {
            path = argv[i];
        }
    }
    if (!pat || usage) {
        fprintf(stderr, "Usage: grep [OPTION]... PATTERNS [FILE]...\n");
        fprintf(stderr, "Try 'grep --help' for more information.\n");
        return 2;
    }
    int fd = path ? open(path, O_RDONLY) : 0;
    if (fd < 0) {
        fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
        return 2;
    }
    size_t len, n;
    char *text = util_slurp(fd, &len);
    text = realloc(text, len + 1);
    text[len] = 0;
    char **lines = util_lines(text, len, &n);
    long hits = 0;
    for (size_t i = 0; i < n; i++) {
        if (contains(lines[i], pat, fold, whole) == invert)
            continue;
        hits++;
        if (quiet)
            return 0;
        if (counting)
            continue;
        if (numbers)
            printf("%zu:", i + 1);
        printf("%s\n", lines[i]);
    }
    if (counting && !quiet)
        printf("%ld\n", hits);
    return hits ? 0 : 1;
}
