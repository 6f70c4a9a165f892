/* uniq [-c] [-d] [-D] [-u] [-i] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]:
   GNU's, with its obsolete -N (skip N fields) and +N (skip N bytes).
   Adjacent lines that compare equal form a group; its first line is the
   one printed. */
static long skip_fields, skip_chars, check_chars = -1;
static int fold;

static int all_digits(const char *s) {
    if (!*s)
        return 0;
    while (isdigit((unsigned char)*s))
        s++;
    return !*s;
}

static long size_option(const char *s, const char *what) {
    if (!all_digits(s)) {
        fprintf(stderr, "%s: %s: %s\n", util_name, s, what);
        exit(1);
    }
    return strtol(s, NULL, 10);
}

/* The part of a line compared: past the skipped fields and bytes, at
   most check_chars bytes. */
static const char *key(const char *p, size_t len, size_t *n) {
    size_t i = 0;
    for (long f = 0; f < skip_fields && i < len; f++) {
        while (i < len && (p[i] == ' ' || p[i] == '\t'))
            i++;
        while (i < len && p[i] != ' ' && p[i] != '\t')
            i++;
    }
    i += (size_t)skip_chars < len - i ? (size_t)skip_chars : len - i;
    *n = len - i;
    if (check_chars >= 0 && *n > (size_t)check_chars)
        *n = (size_t)check_chars;
    return p + i;
}

static int different(const char *a, size_t la, const char *b, size_t lb) {
    size_t n, m;
    a = key(a, la, &n);
    b = key(b, lb, &m);
    if (n != m)
        return 1;
    for (size_t i = 0; i < n; i++)
        if (fold ? tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]) : a[i] != b[i])
            return 1;
    return 0;
}

static const char *files[2];
static int nfiles;

static void operand(const char *arg) {
    if (nfiles == 2) {
        fprintf(stderr, "%s: extra operand '%s'\n", util_name, arg);
        util_usage(1);
    }
    files[nfiles++] = arg;
}

/* GNU's writeline: MATCHES is how many lines matched before this one. */
static int counting, out_unique = 1, out_first = 1, out_later;

static void write_line(const char *line, size_t len, int match, long matches) {
    if (!(matches == 0 ? out_unique : !match ? out_first : out_later))
        return;
    if (counting)
        printf("%7ld ", matches + 1);
    fwrite(line, 1, len, stdout);
    putchar('\n');
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "uniq";
    const char *opts = "-0123456789Dcdf:is:uw:";
    util_no_long(argc, argv, opts, 1);
    int c, obsolete = 0;
    while ((c = getopt(argc, argv, opts)) != -1) {
        if (c == 1) {
            if (optarg[0] == '+' && all_digits(optarg + 1))
                skip_chars = strtol(optarg + 1, NULL, 10);
            else
                operand(optarg);
        } else if (isdigit(c)) {
            skip_fields = (obsolete ? skip_fields * 10 : 0) + (c - '0');
            obsolete = 1;
        } else if (c == 'f') {
            skip_fields = size_option(optarg, "invalid number of fields to skip");
            obsolete = 0;
        } else if (c == 's')
            skip_chars = size_option(optarg, "invalid number of bytes to skip");
        else if (c == 'w')
            check_chars = size_option(optarg, "invalid number of bytes to compare");
        else if (c == 'c')
            counting = 1;
        else if (c == 'd')
            out_unique = 0;
        else if (c == 'D')
            out_unique = 0, out_later = 1;
        else if (c == 'u')
            out_first = 0;
        else if (c == 'i')
            fold = 1;
        else
            util_usage(1);
    }
    for (; optind < argc; optind++)
        operand(argv[optind]);
    if (out_later && counting) {
        fprintf(stderr, "%s: printing all duplicated lines and repeat counts is meaningless\n", util_name);
        util_usage(1);
    }
    const char *in = nfiles > 0 ? files[0] : "-";
    FILE *f = strcmp(in, "-") == 0 ? stdin : fopen(in, "r");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", util_name, in, strerror(errno));
        return 1;
    }
    if (nfiles == 2 && strcmp(files[1], "-") != 0) {
        int fd = open(files[1], O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            fprintf(stderr, "%s: %s: %s\n", util_name, files[1], strerror(errno));
            return 1;
        }
        dup2(fd, 1);
        close(fd);
    }
    /* As GNU's check_file: PREV is the first line of its group (with -D,
       the one before). */
    char *prev = NULL, *line = NULL, *t;
    size_t prev_cap = 0, line_cap = 0, prev_len = 0, cap;
    long matches = 0;
    ssize_t r;
    while ((r = getline(&line, &line_cap, f)) > 0) {
        size_t len = (size_t)r - (line[r - 1] == '\n');
        if (prev) {
            int match = !different(prev, prev_len, line, len);
            matches += match;
            if (match && !out_later)
                continue;
            write_line(prev, prev_len, match, matches);
            if (!match)
                matches = 0;
        }
        t = prev, prev = line, line = t;
        cap = prev_cap, prev_cap = line_cap, line_cap = cap;
        prev_len = len;
    }
    if (prev)
        write_line(prev, prev_len, 0, matches);
    return 0;
}
