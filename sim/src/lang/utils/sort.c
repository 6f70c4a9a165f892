/* sort: -b -d -f -g -i -n -r (for all keys or one), -k POS1[,POS2],
   -t SEP, -s, -u, -c, -C, -m, -o FILE, -z; -S and -T change nothing
   here. Compares as GNU sort in the C locale: the keys in
   order, then (unless -s or -u) the whole lines, reversed by a global
   -r. A key without ordering letters of its own takes the global ones. */
struct key {
    long sword, schar, eword, echar; /* from 0; sword -1: line start; eword -1: line end */
    int bstart, bend, dict, nonprint, fold, numeric, general, reverse;
};
struct line { char *text; size_t len, index; int file; };

static struct key *keys, global;
static int nkeys, stable, unique, delim = '\n', tab = -1;

static int blank(int c) { return c == ' ' || c == '\t' || c == '\n'; }

/* The ordering letters of a key (or of the options), GNU's set_ordering. */
static const char *ordering(const char *s, struct key *k, int start, int end) {
    for (;; s++) {
        if (*s == 'b') {
            k->bstart |= start;
            k->bend |= end;
        } else if (*s == 'd')
            k->dict = 1;
        else if (*s == 'f')
            k->fold = 1;
        else if (*s == 'g')
            k->general = 1;
        else if (*s == 'i')
            k->nonprint = 1;
        else if (*s == 'n')
            k->numeric = 1;
        else if (*s == 'r')
            k->reverse = 1;
        else
            return s;
    }
}

static void bad_key(const char *why, const char *spec) {
    fprintf(stderr, "%s: %s: invalid field specification '%s'\n", util_name, why, spec);
    exit(2);
}

static const char *count(const char *s, long *n, const char *why) {
    if (!isdigit((unsigned char)*s)) {
        fprintf(stderr, "%s: %s: invalid count at start of '%s'\n", util_name, why, s);
        exit(2);
    }
    for (*n = 0; isdigit((unsigned char)*s); s++)
        *n = *n * 10 + (*s - '0');
    return s;
}

/* -k POS1[,POS2], each F[.C][letters]. */
static void add_key(const char *spec) {
    keys = realloc(keys, (size_t)(nkeys + 1) * sizeof *keys);
    struct key *k = &keys[nkeys++];
    memset(k, 0, sizeof *k);
    const char *s = count(spec, &k->sword, "invalid number at field start");
    if (k->sword-- == 0)
        bad_key("field number is zero", spec);
    if (*s == '.') {
        s = count(s + 1, &k->schar, "invalid number after '.'");
        if (k->schar-- == 0)
            bad_key("character offset is zero", spec);
    }
    if (k->sword == 0 && k->schar == 0)
        k->sword = -1;
    s = ordering(s, k, 1, 0);
    k->eword = -1;
    if (*s == ',') {
        s = count(s + 1, &k->eword, "invalid number after ','");
        if (k->eword-- == 0)
            bad_key("field number is zero", spec);
        if (*s == '.')
            s = count(s + 1, &k->echar, "invalid number after '.'");
        s = ordering(s, k, 0, 1);
    }
    if (*s)
        bad_key("stray character in field spec", spec);
}

static int plain(const struct key *k) {
    return !(k->bstart || k->bend || k->dict || k->nonprint || k->fold || k->numeric || k->general);
}

/* GNU's begfield and limfield: where a key starts and ends in a line. */
static char *key_start(const struct key *k, const struct line *l) {
    char *p = l->text, *lim = p + l->len;
    if (k->sword < 0) {
        while (k->bstart && p < lim && blank((unsigned char)*p))
            p++;
        return p;
    }
    for (long w = k->sword; p < lim && w > 0; w--) {
        if (tab >= 0) {
            while (p < lim && *p != tab)
                p++;
            if (p < lim)
                p++;
        } else {
            while (p < lim && blank((unsigned char)*p))
                p++;
            while (p < lim && !blank((unsigned char)*p))
                p++;
        }
    }
    while (k->bstart && p < lim && blank((unsigned char)*p))
        p++;
    return (size_t)(lim - p) < (size_t)k->schar ? lim : p + k->schar;
}

static char *key_end(const struct key *k, const struct line *l) {
    char *p = l->text, *lim = p + l->len;
    if (k->eword < 0)
        return lim;
    long w = k->eword + (k->echar == 0);
    for (; p < lim && w > 0; w--) {
        if (tab >= 0) {
            while (p < lim && *p != tab)
                p++;
            if (p < lim && (w > 1 || k->echar))
                p++;
        } else {
            while (p < lim && blank((unsigned char)*p))
                p++;
            while (p < lim && !blank((unsigned char)*p))
                p++;
        }
    }
    if (k->echar) {
        while (k->bend && p < lim && blank((unsigned char)*p))
            p++;
        p = (size_t)(lim - p) < (size_t)k->echar ? lim : p + k->echar;
    }
    return p;
}

/* sort -n: an optional '-', digits, an optional fraction; anything else
   reads as 0. Compared digit by digit, so of any length. */
struct num { int neg; const char *i, *f; size_t ni, nf; };

static void read_num(const char *p, const char *lim, struct num *n) {
    while (p < lim && blank((unsigned char)*p))
        p++;
    n->neg = p < lim && *p == '-';
    p += n->neg;
    while (p < lim && *p == '0')
        p++;
    n->i = p;
    while (p < lim && isdigit((unsigned char)*p))
        p++;
    n->ni = (size_t)(p - n->i);
    n->f = p + 1;
    n->nf = 0;
    if (p < lim && *p == '.')
        while (n->f + n->nf < lim && isdigit((unsigned char)n->f[n->nf]))
            n->nf++;
    while (n->nf > 0 && n->f[n->nf - 1] == '0')
        n->nf--;
    if (n->ni == 0 && n->nf == 0)
        n->neg = 0;
}

static int num_compare(const char *a, const char *la, const char *b, const char *lb) {
    struct num x, y;
    read_num(a, la, &x);
    read_num(b, lb, &y);
    if (x.neg != y.neg)
        return x.neg ? -1 : 1;
    int r = (x.ni > y.ni) - (x.ni < y.ni);
    if (r == 0)
        r = memcmp(x.i, y.i, x.ni);
    if (r == 0) {
        size_t m = x.nf < y.nf ? x.nf : y.nf;
        r = memcmp(x.f, y.f, m);
        if (r == 0)
            r = (x.nf > m) - (y.nf > m);
    }
    return x.neg ? -r : r;
}

/* sort -g: strtod's numbers; what is not one sorts first, then NaNs. */
static int general_compare(char *a, char *la, char *b, char *lb) {
    char sa = *la, sb = *lb, *ea, *eb;
    *la = 0;
    *lb = 0;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    *la = sa;
    *lb = sb;
    if (ea == a || eb == b)
        return (eb == b) - (ea == a);
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    if (x == y)
        return 0;
    return (x == x) - (y == y);
}

static int ignored(const struct key *k, unsigned char c) {
    if (k->dict)
        return !isalnum(c) && !blank(c);
    return k->nonprint && !isprint(c);
}

static int text_compare(const struct key *k, char *a, char *la, char *b, char *lb) {
    if (!k->dict && !k->nonprint && !k->fold) {
        size_t na = la > a ? (size_t)(la - a) : 0, nb = lb > b ? (size_t)(lb - b) : 0;
        int r = memcmp(a, b, na < nb ? na : nb);
        return r ? r : (na > nb) - (na < nb);
    }
    for (;;) {
        while (a < la && ignored(k, (unsigned char)*a))
            a++;
        while (b < lb && ignored(k, (unsigned char)*b))
            b++;
        if (a >= la || b >= lb)
            return (a < la) - (b < lb);
        int x = (unsigned char)*a++, y = (unsigned char)*b++;
        if (k->fold) {
            x = toupper(x);
            y = toupper(y);
        }
        if (x != y)
            return x - y;
    }
}

static int compare_keys(const struct line *x, const struct line *y) {
    for (int i = 0; i < nkeys; i++) {
        struct key *k = &keys[i];
        char *a = key_start(k, x), *la = key_end(k, x);
        char *b = key_start(k, y), *lb = key_end(k, y);
        if (la < a)
            la = a;
        if (lb < b)
            lb = b;
        int r;
        if (k->numeric)
            r = num_compare(a, la, b, lb);
        else if (k->general)
            r = general_compare(a, la, b, lb);
        else
            r = text_compare(k, a, la, b, lb);
        if (r)
            return k->reverse ? -r : r;
    }
    return 0;
}

/* The order of two lines: the keys, then the whole lines. */
static int compare(const struct line *x, const struct line *y) {
    int r = compare_keys(x, y);
    if (nkeys && (r || unique || stable))
        return r;
    size_t m = x->len < y->len ? x->len : y->len;
    r = memcmp(x->text, y->text, m);
    if (r == 0)
        r = (x->len > y->len) - (x->len < y->len);
    return global.reverse ? -r : r;
}

/* For qsort: equal lines keep their input order (GNU's merge is stable). */
static int by_order(const void *p, const void *q) {
    const struct line *x = p, *y = q;
    int r = compare(x, y);
    return r ? r : (x->index > y->index) - (x->index < y->index);
}

static void incompatible(const struct key *k) {
    if (k->numeric + k->general + (k->dict || k->nonprint) > 1) {
        fprintf(stderr, "%s: options '-%s%s%s%s%s' are incompatible\n", util_name,
                k->dict ? "d" : "", k->fold ? "f" : "", k->general ? "g" : "",
                k->nonprint && !k->dict ? "i" : "", k->numeric ? "n" : "");
        exit(2);
    }
}

/* All the inputs, one after the other, each ending with a delimiter;
   where each ends in ENDS. */
static char *read_all(char **files, int nfiles, size_t *len, size_t *ends) {
    size_t cap = 4096, n = 0;
    char *all = malloc(cap);
    for (int i = 0; i < nfiles || i == 0; i++) {
        const char *path = i < nfiles ? files[i] : "-";
        int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: cannot read: %s: %s\n", util_name, path, strerror(errno));
            exit(2);
        }
        size_t got;
        char *text = util_slurp(fd, &got);
        if (fd > 0)
            close(fd);
        while (n + got + 2 > cap)
            cap *= 2;
        all = realloc(all, cap);
        memcpy(all + n, text, got);
        free(text);
        n += got;
        if (n > 0 && all[n - 1] != delim)
            all[n++] = (char)delim;
        ends[i] = n;
    }
    *len = n;
    return all;
}

/* sort -m: the inputs, each sorted already, merged; of equal lines the
   one of the earlier input comes first. */
static struct line *merge(struct line *lines, size_t n, int inputs) {
    struct line *out = malloc((n + 1) * sizeof *out);
    size_t *at = calloc((size_t)inputs + 1, sizeof *at), *end = calloc((size_t)inputs + 1, sizeof *end);
    for (size_t i = n; i-- > 0;)
        at[lines[i].file] = i;
    for (size_t i = 0; i < n; i++)
        end[lines[i].file] = i + 1;
    for (size_t k = 0; k < n; k++) {
        int best = -1;
        for (int f = 0; f < inputs; f++)
            if (at[f] < end[f] && (best < 0 || compare(&lines[at[f]], &lines[at[best]]) < 0))
                best = f;
        out[k] = lines[at[best]++];
    }
    return out;
}

static int check(struct line *lines, size_t n, const char *name, int quiet) {
    for (size_t i = 1; i < n; i++) {
        int r = compare(&lines[i - 1], &lines[i]);
        if (r > 0 || (unique && r == 0)) {
            if (!quiet) {
                fprintf(stderr, "%s: %s:%zu: disorder: ", util_name, name, i + 1);
                fwrite(lines[i].text, 1, lines[i].len, stderr);
                fputc('\n', stderr);
            }
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "sort";
    const char *opts = "bcCdfgik:mno:rsS:t:T:uzy:";
    util_no_long(argc, argv, opts, 2);
    int checking = 0, merging = 0, c;
    const char *output = NULL;
    char opt[2] = {0, 0};
    while ((c = getopt(argc, argv, opts)) != -1) {
        opt[0] = (char)c;
        if (c == 'c' || c == 'C')
            checking = c;
        else if (c == 'k')
            add_key(optarg);
        else if (c == 'o') {
            if (output && strcmp(output, optarg) != 0) {
                fprintf(stderr, "%s: multiple output files specified\n", util_name);
                exit(2);
            }
            output = optarg;
        } else if (c == 'm')
            merging = 1;
        else if (c == 's')
            stable = 1;
        else if (c == 'u')
            unique = 1;
        else if (c == 'z')
            delim = 0;
        else if (c == 't') {
            int t = (unsigned char)optarg[0];
            if (!t) {
                fprintf(stderr, "%s: empty tab\n", util_name);
                exit(2);
            }
            if (optarg[1]) {
                if (strcmp(optarg, "\\0") != 0) {
                    fprintf(stderr, "%s: multi-character tab '%s'\n", util_name, optarg);
                    exit(2);
                }
                t = 0;
            }
            if (tab >= 0 && tab != t) {
                fprintf(stderr, "%s: incompatible tabs\n", util_name);
                exit(2);
            }
            tab = t;
        } else if (c == '?')
            util_usage(2);
        else if (strchr("bdfginr", c))
            ordering(opt, &global, 1, 1);
    }
    for (int i = 0; i < nkeys; i++)
        if (plain(&keys[i]) && !keys[i].reverse) {
            struct key *k = &keys[i];
            k->bstart = global.bstart;
            k->bend = global.bend;
            k->dict = global.dict;
            k->nonprint = global.nonprint;
            k->fold = global.fold;
            k->numeric = global.numeric;
            k->general = global.general;
            k->reverse = global.reverse;
        }
    if (nkeys == 0 && !plain(&global)) {
        keys = malloc(sizeof *keys);
        keys[0] = global;
        keys[0].sword = -1;
        keys[0].eword = -1;
        nkeys = 1;
    }
    for (int i = 0; i < nkeys; i++)
        incompatible(&keys[i]);
    int nfiles = argc - optind;
    if (checking && nfiles > 1) {
        fprintf(stderr, "%s: extra operand '%s' not allowed with -%c\n", util_name, argv[optind + 1], checking);
        exit(2);
    }
    size_t len, n = 0, cap = 64, *ends = calloc((size_t)nfiles + 1, sizeof *ends);
    char *text = read_all(argv + optind, nfiles, &len, ends);
    struct line *lines = malloc(cap * sizeof *lines);
    int file = 0;
    for (size_t start = 0, i = 0; i < len; i++) {
        if (text[i] != (char)delim)
            continue;
        if (n == cap) {
            cap *= 2;
            lines = realloc(lines, cap * sizeof *lines);
        }
        lines[n].text = text + start;
        lines[n].len = i - start;
        lines[n].index = n;
        while (start >= ends[file])
            file++;
        lines[n].file = file;
        n++;
        start = i + 1;
    }
    if (checking)
        return check(lines, n, nfiles ? argv[optind] : "-", checking == 'C');
    if (merging)
        lines = merge(lines, n, nfiles ? nfiles : 1);
    else
        qsort(lines, n, sizeof *lines, by_order);
    if (output) {
        int fd = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            fprintf(stderr, "%s: open failed: %s: %s\n", util_name, output, strerror(errno));
            exit(2);
        }
        dup2(fd, 1);
        close(fd);
    }
    for (size_t i = 0; i < n; i++) {
        if (unique && i > 0 && compare(&lines[i - 1], &lines[i]) == 0)
            continue;
        fwrite(lines[i].text, 1, lines[i].len, stdout);
        putchar(delim);
    }
    return 0;
}
