/* cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [-n] [FILE]...: GNU's
   lists (N, N-M, N-, -M, separated by commas or blanks), its messages;
   bytes and characters are the same in the C locale. */
struct range { long lo, hi; };
static struct range *ranges;
static int nranges, positions; /* positions: -b/-c, whose messages say so */

static void fatal(const char *msg) {
    fprintf(stderr, "%s: %s\n", util_name, msg);
    util_usage(1);
}

static void add_range(long lo, long hi) {
    ranges = realloc(ranges, (size_t)(nranges + 1) * sizeof *ranges);
    ranges[nranges].lo = lo;
    ranges[nranges].hi = hi;
    nranges++;
}

/* GNU's set_fields. */
static void parse_list(const char *s) {
    const char *from1 = positions ? "byte/character positions are numbered from 1" : "fields are numbered from 1";
    long initial = 1, value = 0;
    int lhs = 0, rhs = 0, dash = 0;
    for (;; s++) {
        if (*s == '-') {
            if (dash)
                fatal(positions ? "invalid byte or character range" : "invalid field range");
            dash = 1;
            if (lhs && !value)
                fatal(from1);
            initial = lhs ? value : 1;
            value = 0;
        } else if (*s == ',' || *s == ' ' || *s == '\t' || !*s) {
            if (dash) {
                dash = 0;
                if (!lhs && !rhs)
                    fatal("invalid range with no endpoint: -");
                if (!rhs)
                    add_range(initial, LONG_MAX);
                else if (value < initial)
                    fatal("invalid decreasing range");
                else
                    add_range(initial, value);
            } else {
                if (value == 0)
                    fatal(from1);
                add_range(value, value);
            }
            value = 0;
            if (!*s)
                break;
            lhs = rhs = 0;
        } else if (isdigit((unsigned char)*s)) {
            if (dash)
                rhs = 1;
            else
                lhs = 1;
            value = value > LONG_MAX / 20 ? value : value * 10 + (*s - '0');
        } else {
            fprintf(stderr, "%s: invalid %s '%s'\n", util_name,
                    positions ? "byte/character position" : "field value", s);
            util_usage(1);
        }
    }
}

static int selected(long k) {
    for (int i = 0; i < nranges; i++)
        if (ranges[i].lo <= k && k <= ranges[i].hi)
            return 1;
    return 0;
}

static int delim = '\t', only_delimited;

static void cut_line(const char *p, size_t len) {
    if (positions) {
        for (size_t i = 0; i < len; i++)
            if (selected((long)i + 1))
                putchar(p[i]);
    } else if (!memchr(p, delim, len)) {
        if (only_delimited)
            return;
        fwrite(p, 1, len, stdout);
    } else {
        int printed = 0;
        long field = 1;
        for (size_t start = 0, i = 0; i <= len; i++) {
            if (i < len && p[i] != (char)delim)
                continue;
            if (selected(field)) {
                if (printed++)
                    putchar(delim);
                fwrite(p + start, 1, i - start, stdout);
            }
            field++;
            start = i + 1;
        }
    }
    putchar('\n');
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "cut";
    const char *opts = "b:c:d:f:ns";
    util_no_long(argc, argv, opts, 1);
    const char *list = NULL;
    int c, delim_given = 0;
    while ((c = getopt(argc, argv, opts)) != -1) {
        if (c == 'b' || c == 'c' || c == 'f') {
            if (list)
                fatal("only one list may be specified");
            list = optarg;
            positions = c != 'f';
        } else if (c == 'd') {
            if (optarg[0] && optarg[1])
                fatal("the delimiter must be a single character");
            delim = (unsigned char)optarg[0];
            delim_given = 1;
        } else if (c == 's')
            only_delimited = 1;
        else if (c != 'n')
            util_usage(1);
    }
    if (!list)
        fatal("you must specify a list of bytes, characters, or fields");
    if (positions && delim_given)
        fatal("an input delimiter may be specified only when operating on fields");
    if (positions && only_delimited)
        fatal("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
    parse_list(list);
    int status = 0;
    char *line = NULL;
    size_t cap = 0;
    for (int i = optind; i < argc || i == optind; i++) {
        const char *path = i < argc ? argv[i] : "-";
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
        if (!f) {
            fflush(stdout);
            fprintf(stderr, "%s: %s: %s\n", util_name, path, strerror(errno));
            status = 1;
            continue;
        }
        ssize_t r;
        while ((r = getline(&line, &cap, f)) > 0)
            cut_line(line, (size_t)r - (line[r - 1] == '\n'));
        if (f != stdin)
            fclose(f);
    }
    return status;
}
