/* head and tail: a count of lines or bytes as GNU reads it (digits,
   then an optional multiplier: b 512, k/K 1024, m/M, G), the headers
   "==> NAME <==" of several inputs, and opening an input. */
static long util_number(const char *s, int lines) {
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+')
        p++;
    long n = 0, scale = 1;
    int digits = 0;
    for (; isdigit((unsigned char)*p); p++, digits++)
        n = n > LONG_MAX / 20 ? LONG_MAX / 20 : n * 10 + (*p - '0');
    if (*p == 'b')
        scale = 512;
    else if (*p == 'k' || *p == 'K')
        scale = 1024;
    else if (*p == 'm' || *p == 'M')
        scale = 1024 * 1024;
    else if (*p == 'G')
        scale = 1024 * 1024 * 1024;
    if (scale > 1)
        p++;
    if (!digits || *p) {
        fprintf(stderr, "%s: invalid number of %s: '%s'\n", util_name, lines ? "lines" : "bytes", s);
        exit(1);
    }
    return n > LONG_MAX / scale ? LONG_MAX : n * scale;
}

static void util_header(const char *path) {
    static int later;
    printf("%s==> %s <==\n", later ? "\n" : "", strcmp(path, "-") ? path : "standard input");
    later = 1;
}

/* Opens an input for head or tail; -1 after GNU's message. */
static int util_open_input(const char *path) {
    int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (fd < 0) {
        fflush(stdout);
        fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", util_name, path, strerror(errno));
    }
    return fd;
}

/* Where the last N lines of a text start (a final delimiter ends the
   last line, it does not start another); 0 if it has no more. */
static size_t util_last_lines(const char *text, size_t len, long n, int delim) {
    if (n <= 0)
        return len;
    size_t i = len;
    if (i > 0 && text[i - 1] == (char)delim)
        i--;
    for (long lines = 0; i > 0; i--)
        if (text[i - 1] == (char)delim && ++lines == n)
            break;
    return i;
}

/* Runs `one` on each operand after the options (standard input if none),
   with `==> f <==` headers when there are several files and not -q;
   the exit status: 1 if any failed. */
static int util_each_file(int argc, char **argv, int headers, int quiet, int (*one)(const char *, int)) {
    int nfiles = argc - optind, status = 0;
    if (nfiles > 1 && !quiet)
        headers = 1;
    if (nfiles == 0)
        status |= one("-", headers);
    for (int i = optind; i < argc; i++)
        status |= one(argv[i], headers);
    return status;
}
