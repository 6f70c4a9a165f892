/* tail: -n [+]N, -c [+]N (+N: from the Nth on), -q, -v, -z, several
   files with headers; GNU's obsolete first operand -N, +N, -Nc, +Nl
   (alone, or before one file). -f is not supported. */
static long want = 10;
static int from_start, bytes, delim = '\n';

/* GNU's parse_obsolete_option: "tail -5 FILE", "tail +3". */
static int obsolete(int argc, char **argv) {
    if (!(argc == 2 || (argc == 3 && !(argv[2][0] == '-' && argv[2][1])) ||
          ((argc == 3 || argc == 4) && strcmp(argv[2], "--") == 0)))
        return 0;
    const char *p = argv[1];
    if (*p != '+' && (*p != '-' || !p[1 + (p[1] == 'c')]))
        return 0;
    int start = *p++ == '+';
    const char *digits = p;
    while (isdigit((unsigned char)*p))
        p++;
    const char *end = p;
    long n = *p == 'b' ? 10 * 512 : 10;
    int by_bytes = *p == 'b' || *p == 'c';
    if (*p == 'b' || *p == 'c' || *p == 'l')
        p++;
    if (*p)
        return 0;
    if (end > digits) {
        n = 0;
        for (const char *d = digits; d < end; d++)
            n = n > LONG_MAX / 20 ? n : n * 10 + (*d - '0');
        if (*end == 'b')
            n *= 512;
    }
    want = n;
    from_start = start;
    bytes = by_bytes;
    return 1;
}

static int tail(const char *path, int header) {
    int fd = util_open_input(path);
    if (fd < 0)
        return 1;
    if (header)
        util_header(path);
    size_t len, i;
    char *text = util_slurp(fd, &len);
    if (fd > 0)
        close(fd);
    if (bytes && from_start)
        i = want > 1 ? ((size_t)want - 1 < len ? (size_t)want - 1 : len) : 0;
    else if (bytes)
        i = (size_t)want < len ? len - (size_t)want : 0;
    else if (from_start) {
        i = 0;
        for (long k = 1; k < want && i < len; i++)
            if (text[i] == (char)delim)
                k++;
    } else {
        i = util_last_lines(text, len, want, delim);
    }
    fwrite(text + i, 1, len - i, stdout);
    free(text);
    return 0;
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "tail";
    const char *opts = "c:n:qvz0123456789";
    util_no_long(argc, argv, opts, 1);
    int headers = 0, quiet = 0, c;
    if (argc > 1 && obsolete(argc, argv)) {
        optind = argc > 2 && strcmp(argv[2], "--") == 0 ? 3 : 2;
    } else {
        while ((c = getopt(argc, argv, opts)) != -1) {
            if (c == 'c' || c == 'n') {
                bytes = c == 'c';
                char *arg = optarg;
                if (*arg == '+')
                    from_start = 1;
                else if (*arg == '-')
                    arg++;
                want = util_number(arg, !bytes);
            } else if (c == 'q') {
                quiet = 1;
                headers = 0;
            } else if (c == 'v') {
                headers = 1;
                quiet = 0;
            } else if (c == 'z') {
                delim = 0;
            } else if (isdigit(c)) {
                fprintf(stderr, "%s: option used in invalid context -- %c\n", util_name, c);
                return 1;
            } else {
                util_usage(1);
            }
        }
    }
    return util_each_file(argc, argv, headers, quiet, tail);
}
