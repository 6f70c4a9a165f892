/* Shared by ipcsim's built-in utilities (plain C of the subset, prepended
   to each). Input comes from the files named on the command line, or
   standard input; errors look like GNU coreutils'. */
static const char *util_name;

static void util_error(const char *what, const char *file) {
    if (file)
        fprintf(stderr, "%s: %s: %s\n", util_name, file, strerror(errno));
    else
        fprintf(stderr, "%s: %s\n", util_name, what);
}

/* Reads all of a descriptor into a growing buffer; its length in *len. */
static char *util_slurp(int fd, size_t *len) {
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf) {
                fprintf(stderr, "%s: memory exhausted\n", util_name);
                exit(1);
            }
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return buf;
}

/* Opens an operand ("-" is standard input); -1 after an error message. */
static int util_open(const char *path) {
    if (strcmp(path, "-") == 0)
        return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        util_error(NULL, path);
    return fd;
}

/* Writes all of a buffer to standard output. */
static void util_write(const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            exit(1);
        p += w;
        n -= (size_t)w;
    }
}

/* After a usage error: GNU's pointer to --help, and the exit. */
static void util_usage(int status) {
    fprintf(stderr, "Try '%s --help' for more information.\n", util_name);
    exit(status);
}

/* Long options are not supported: GNU's complaint for the first one
   (before "--"; OPTS, getopt's, says which options take an argument). */
static void util_no_long(int argc, char **argv, const char *opts, int status) {
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (opts[0] == '+')
                return;
            continue;
        }
        if (a[1] == '-') {
            fprintf(stderr, "%s: unrecognized option '%s'\n", util_name, a);
            util_usage(status);
        }
        for (a++; *a; a++) {
            const char *o = strchr(opts, *a);
            if (o && o[1] == ':') {
                i += !a[1];
                break;
            }
        }
    }
}
