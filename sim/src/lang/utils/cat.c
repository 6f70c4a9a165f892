/* cat [-AbeEnstTuv] [FILE]...: GNU's numbering (-n, -b), squeezing of
   blank lines (-s), $ at line ends (-E), ^I for tabs (-T), ^X and M-X
   for other unprintable bytes (-v); the state (line number, blank
   lines) goes on from one file to the next, as GNU's. */
static int number, nonblank, squeeze, ends, tabs, visible;
static int newlines; /* as GNU: -1 within a line, 0 at a line start, 1 and 2 after blank lines */
static long line_no;

static char *put_number(char *o) {
    return o + sprintf(o, "%6ld\t", ++line_no);
}

/* Copies a chunk as the options say, into OUT (large enough). */
static size_t transform(const char *in, size_t n, char *out) {
    char *o = out;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)in[i];
        if (c == '\n') {
            if (++newlines > 0) {
                if (newlines >= 2) {
                    newlines = 2;
                    if (squeeze)
                        continue;
                }
                if (number && !nonblank)
                    o = put_number(o);
            }
            if (ends)
                *o++ = '$';
            *o++ = '\n';
            continue;
        }
        if (newlines >= 0 && number)
            o = put_number(o);
        newlines = -1;
        if (c == '\t' && tabs) {
            *o++ = '^';
            *o++ = 'I';
        } else if (!visible || c == '\t' || (c >= 32 && c < 127)) {
            *o++ = (char)c;
        } else {
            if (c >= 128) {
                *o++ = 'M';
                *o++ = '-';
                c -= 128;
            }
            if (c < 32 || c == 127) {
                *o++ = '^';
                *o++ = c == 127 ? '?' : (char)(c + 64);
            } else {
                *o++ = (char)c;
            }
        }
    }
    return (size_t)(o - out);
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "cat";
    const char *opts = "AbeEnstTuv";
    util_no_long(argc, argv, opts, 1);
    int c;
    while ((c = getopt(argc, argv, opts)) != -1) {
        if (c == 'A' || c == 'e' || c == 't' || c == 'v')
            visible = 1;
        if (c == 'A' || c == 'e' || c == 'E')
            ends = 1;
        if (c == 'A' || c == 't' || c == 'T')
            tabs = 1;
        if (c == 'b' || c == 'n')
            number = 1;
        if (c == 'b')
            nonblank = 1;
        if (c == 's')
            squeeze = 1;
        if (c == '?')
            util_usage(1);
    }
    int plain = !(number || squeeze || ends || tabs || visible), status = 0;
    char buf[4096], *out = plain ? NULL : malloc(24 * sizeof buf);
    for (int i = optind; i < argc || i == optind; i++) {
        const char *path = i < argc ? argv[i] : "-";
        int fd = util_open(path);
        if (fd < 0) {
            status = 1;
            continue;
        }
        ssize_t r;
        while ((r = read(fd, buf, sizeof buf)) != 0) {
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                util_error(NULL, path);
                status = 1;
                break;
            }
            if (plain)
                util_write(buf, (size_t)r);
            else
                util_write(out, transform(buf, (size_t)r, out));
        }
        if (fd > 0)
            close(fd);
    }
    return status;
}
