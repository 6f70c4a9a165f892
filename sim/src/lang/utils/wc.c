struct counts { long lines, words, bytes; };

static void count(const char *p, size_t n, struct counts *c) {
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)p[i];
        c->bytes++;
        if (b == '\n')
            c->lines++;
        if (isspace(b))
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            c->words++;
        }
    }
}

static int digits(long v) {
    int d = 1;
    while (v >= 10) {
        v /= 10;
        d++;
    }
    return d;
}

int main(int argc, char **argv) {
    util_name = "wc";
    util_no_long(argc, argv, "clmw", 1);
    int l = 0, w = 0, m = 0, c = 0, first = argc;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (char *o = argv[i] + 1; *o; o++) {
                if (*o == 'l')
                    l = 1;
                else if (*o == 'w')
                    w = 1;
                else if (*o == 'c')
                    c = 1;
                else if (*o == 'm')
                    m = 1;
                else if (strcmp(argv[i], "--") != 0) {
                    fprintf(stderr, "%s: invalid option -- '%c'\n", util_name, *o);
                    util_usage(1);
                }
            }
        } else if (first == argc) {
            first = i;
        }
    }
    if (!l && !w && !m && !c)
        l = w = c = 1;
    int nfiles = 0;
    for (int i = first; i < argc; i++)
        if (!(argv[i][0] == '-' && argv[i][1]))
            nfiles++;
    struct counts all[64], total = {0, 0, 0};
    const char *names[64];
    int n = 0, status = 0, irregular = 0;
    long sizes = 0;
    for (int i = first; i < argc || (nfiles == 0 && n == 0); i++) {
        const char *path = nfiles ? argv[i] : "-";
        if (nfiles && argv[i][0] == '-' && argv[i][1])
            continue;
        int fd = util_open(path);
        if (fd < 0) {
            status = 1;
            if (!nfiles)
                break;
            continue;
        }
        /* GNU wc sizes its columns from the sizes of regular files;
           anything else (a pipe) gets width 7. */
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
            sizes += st.st_size;
        else
            irregular = 1;
        size_t len;
        char *text = util_slurp(fd, &len);
        struct counts k = {0, 0, 0};
        count(text, len, &k);
        free(text);
        if (fd > 0)
            close(fd);
        if (n < 64) {
            all[n] = k;
            names[n] = nfiles ? path : NULL;
            n++;
        }
        total.lines += k.lines;
        total.words += k.words;
        total.bytes += k.bytes;
        if (!nfiles)
            break;
    }
    /* GNU wc: one count of one input has no padding. */
    int shown = l + w + m + c, width;
    if (shown == 1 && n <= 1 && nfiles <= 1)
        width = 1;
    else if (irregular)
        width = 7;
    else
        width = digits(sizes);
    for (int k = 0; k <= n; k++) {
        if (k == n && n < 2)
            break;
        struct counts x = k < n ? all[k] : total;
        const char *name = k < n ? names[k] : "total";
        int sep = 0;
        if (l) {
            printf("%*ld", width, x.lines);
            sep = 1;
        }
        if (w) {
            printf(sep ? " %*ld" : "%*ld", width, x.words);
            sep = 1;
        }
        /* Characters are bytes in the C locale. */
        if (m) {
            printf(sep ? " %*ld" : "%*ld", width, x.bytes);
            sep = 1;
        }
        if (c)
            printf(sep ? " %*ld" : "%*ld", width, x.bytes);
        if (name)
            printf(" %s", name);
        putchar('\n');
    }
    return status;
}
