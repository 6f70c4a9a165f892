/* head: -n [-]N, -c [-]N (-N: all but the last N), -q, -v, -z, several
   files with headers, GNU's obsolete first option -N[bcklmqvz]. Reads
   only as far as its lines go (as GNU head does): `yes | head -2` ends,
   its writer then dying of SIGPIPE. */
static long want = 10;
static int bytes, elide, delim = '\n', headers, quiet;

/* "head -3 FILE", "head -5c": the digits, then option letters. */
static void obsolete(char **argv) {
    char *p = argv[1] + 1, number[32];
    size_t n = 0;
    while (isdigit((unsigned char)*p) && n < sizeof number - 2)
        number[n++] = *p++;
    while (isdigit((unsigned char)*p))
        p++;
    char scale = 0;
    for (; *p; p++) {
        if (*p == 'c' || *p == 'b' || *p == 'k' || *p == 'm') {
            bytes = 1;
            scale = *p == 'c' ? 0 : *p;
        } else if (*p == 'l')
            bytes = 0;
        else if (*p == 'q')
            quiet = 1, headers = 0;
        else if (*p == 'v')
            headers = 1, quiet = 0;
        else if (*p == 'z')
            delim = 0;
        else {
            fprintf(stderr, "%s: invalid trailing option -- %c\n", util_name, *p);
            util_usage(1);
        }
    }
    number[n++] = scale;
    number[n] = 0;
    want = util_number(number, !bytes);
}

static int head(const char *path, int header) {
    int fd = util_open_input(path);
    if (fd < 0)
        return 1;
    if (header)
        util_header(path);
    if (elide) {
        size_t len, i;
        char *text = util_slurp(fd, &len);
        if (bytes)
            i = (size_t)want < len ? len - (size_t)want : 0;
        else
            i = util_last_lines(text, len, want, delim);
        fwrite(text, 1, i, stdout);
        free(text);
    } else {
        char buf[4096];
        long done = 0;
        while (done < want) {
            ssize_t r = read(fd, buf, sizeof buf);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            size_t i = 0;
            if (bytes) {
                i = (size_t)(want - done) < (size_t)r ? (size_t)(want - done) : (size_t)r;
                done += (long)i;
            } else {
                while (i < (size_t)r && done < want)
                    if (buf[i++] == (char)delim)
                        done++;
            }
            fwrite(buf, 1, i, stdout);
        }
    }
    if (fd > 0)
        close(fd);
    return 0;
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "head";
    const char *opts = "c:n:qvz0123456789";
    util_no_long(argc, argv, opts, 1);
    int c;
    if (argc > 1 && argv[1][0] == '-' && isdigit((unsigned char)argv[1][1])) {
        obsolete(argv);
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    while ((c = getopt(argc, argv, opts)) != -1) {
        if (c == 'c' || c == 'n') {
            bytes = c == 'c';
            char *arg = optarg;
            elide = *arg == '-';
            want = util_number(arg + elide, !bytes);
        } else if (c == 'q') {
            quiet = 1;
            headers = 0;
        } else if (c == 'v') {
            headers = 1;
            quiet = 0;
        } else if (c == 'z') {
            delim = 0;
        } else {
            if (isdigit(c))
                fprintf(stderr, "%s: invalid trailing option -- %c\n", util_name, c);
            util_usage(1);
        }
    }
    return util_each_file(argc, argv, headers, quiet, head);
}
