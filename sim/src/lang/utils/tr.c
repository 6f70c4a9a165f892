/* tr [-c] [-d] [-s] [-t] SET1 [SET2]: GNU's sets in the C locale (escapes
   \n \t \\ \NNN, ranges a-z, classes [:alpha:], [=c=], and in SET2
   [c*n] and [c*]), its operand rules and its messages. Streams. */
enum { CHAR, RANGE, CLASS, REPEAT };
struct elem { int kind, a, b; long count; };
struct set { struct elem *e; int n; };

static const char *classes[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                "lower", "print", "punct", "space", "upper", "xdigit"};
enum { LOWER = 6, UPPER = 10 };

static int in_class(int k, int c) {
    switch (k) {
    case 0: return isalnum(c);
    case 1: return isalpha(c);
    case 2: return c == ' ' || c == '\t';
    case 3: return c < 32 || c == 127;
    case 4: return isdigit(c);
    case 5: return c > 32 && c < 127;
    case 6: return islower(c);
    case 7: return c >= 32 && c < 127;
    case 8: return ispunct(c);
    case 9: return isspace(c);
    case 10: return isupper(c);
    default: return isxdigit(c);
    }
}

static void die(const char *fmt, const char *arg) {
    fprintf(stderr, "%s: ", util_name);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

/* The bytes of an operand after its backslash escapes, and which were
   escaped (an escaped byte is never special). */
static int unquote(const char *s, int *v, int *esc) {
    int m = 0;
    for (size_t i = 0; s[i]; i++, m++) {
        esc[m] = s[i] == '\\';
        v[m] = (unsigned char)s[i];
        if (!esc[m])
            continue;
        char c = s[++i];
        const char *plain = "abfnrtv", *code = "\a\b\f\n\r\t\v";
        if (c == 0) {
            fprintf(stderr, "%s: warning: an unescaped backslash at end of string is not portable\n", util_name);
            esc[m] = 0;
            v[m] = '\\';
            i--;
        } else if (c >= '0' && c <= '7') {
            int n = 0, d = 0;
            while (d < 3 && s[i + d] >= '0' && s[i + d] <= '7')
                n = n * 8 + (s[i + d++] - '0');
            if (n > 255) {
                fprintf(stderr, "%s: warning: the ambiguous octal escape \\%c%c%c is being\n"
                                "\tinterpreted as the 2-byte sequence \\0%c%c, %c\n",
                        util_name, s[i], s[i + 1], s[i + 2], s[i], s[i + 1], s[i + 2]);
                n /= 8;
                d = 2;
            }
            v[m] = n;
            i += d - 1;
        } else if (c && strchr(plain, c)) {
            v[m] = code[strchr(plain, c) - plain];
        } else {
            v[m] = (unsigned char)c;
        }
    }
    return m;
}

static void show(char *out, int c) {
    if (isprint(c))
        sprintf(out, "%c", c);
    else
        sprintf(out, "\\%03o", c);
}

/* The text of V[from, to) as a string, for a message or a name. */
static void text(const int *v, int from, int to, char *out, int cap) {
    int n = 0;
    while (from < to && n < cap - 1)
        out[n++] = (char)v[from++];
    out[n] = 0;
}

/* [:class:] or [=c=] at V[i]: the index past it, or -1 if there is none. */
static int class_at(const int *v, const int *esc, int m, int i, struct elem *e) {
    if (!(v[i] == '[' && !esc[i] && i + 1 < m && !esc[i + 1] && (v[i + 1] == ':' || v[i + 1] == '=')))
        return -1;
    int j = i + 2, open = v[i + 1];
    while (j + 1 < m && !(v[j] == open && !esc[j] && v[j + 1] == ']' && !esc[j + 1]))
        j++;
    if (j + 1 >= m)
        return -1;
    char name[64];
    text(v, i + 2, j, name, sizeof name);
    if (j == i + 2) {
        sprintf(name, "[%c%c]", open, open);
        die(open == ':' ? "missing character class name '%s'" : "missing equivalence class character '%s'", name);
    }
    if (open == '=') {
        if (j != i + 3)
            die("%s: equivalence class operand must be a single character", name);
        e->a = v[i + 2];
        return j + 2;
    }
    e->kind = CLASS;
    for (e->a = 0; e->a < 12 && strcmp(classes[e->a], name) != 0; e->a++)
        ;
    if (e->a == 12)
        die("invalid character class '%s'", name);
    return j + 2;
}

/* [c*n] or [c*] at V[i]: the index past it, or -1 if there is none. */
static int repeat_at(const int *v, const int *esc, int m, int i, struct elem *e) {
    if (!(v[i] == '[' && !esc[i] && i + 2 < m && v[i + 2] == '*' && !esc[i + 2]))
        return -1;
    int j = i + 3;
    while (j < m && !(v[j] == ']' && !esc[j]))
        j++;
    if (j >= m)
        return -1;
    char digits[64];
    text(v, i + 3, j, digits, sizeof digits);
    int base = digits[0] == '0' ? 8 : 10;
    long count = 0;
    for (int k = i + 3; k < j; k++) {
        if (esc[k] || !isdigit(v[k]) || v[k] - '0' >= base)
            die("invalid repeat count '%s' in [c*n] construct", digits);
        count = count > 100000000 ? count : count * base + (v[k] - '0');
    }
    e->kind = REPEAT;
    e->a = v[i + 1];
    e->count = count ? count : -1;
    return j + 1;
}

/* An operand as GNU's build_spec_list reads it. */
static struct set parse(const char *s) {
    size_t len = strlen(s);
    int *v = malloc((len + 1) * sizeof *v), *esc = malloc((len + 1) * sizeof *esc);
    int m = unquote(s, v, esc), next;
    struct set set = {malloc((len + 1) * sizeof *set.e), 0};
    for (int i = 0; i < m; i = next) {
        struct elem *e = &set.e[set.n++];
        e->kind = CHAR;
        e->a = v[i];
        next = class_at(v, esc, m, i, e);
        if (next < 0)
            next = repeat_at(v, esc, m, i, e);
        if (next >= 0)
            continue;
        next = i + 1;
        if (i + 2 < m && v[i + 1] == '-' && !esc[i + 1]) {
            if (v[i] > v[i + 2]) {
                char range[16];
                show(range, v[i]);
                strcat(range, "-");
                show(range + strlen(range), v[i + 2]);
                die("range-endpoints of '%s' are in reverse collating sequence order", range);
            }
            e->kind = RANGE;
            e->b = v[i + 2];
            next = i + 3;
        }
    }
    free(v);
    free(esc);
    return set;
}

/* The bytes of a set in order; a [c*] fills it up to FILL bytes. Where
   each element starts, in *starts if asked. */
static unsigned char *expand(struct set s, long fill, int *n, int *starts) {
    long total = 0, fixed = 0;
    for (int i = 0; i < s.n; i++) {
        struct elem *e = &s.e[i];
        if (e->kind == RANGE)
            fixed += e->b - e->a + 1;
        else if (e->kind == CLASS)
            for (int c = 0; c < 256; c++)
                fixed += in_class(e->a, c) != 0;
        else if (e->kind == REPEAT)
            fixed += e->count > 0 ? (e->count < 1000000 ? e->count : 1000000) : 0;
        else
            fixed++;
    }
    long gap = fill > fixed ? fill - fixed : 0;
    unsigned char *out = malloc((size_t)(fixed + gap + 1));
    for (int i = 0; i < s.n; i++) {
        struct elem *e = &s.e[i];
        if (starts)
            starts[i] = (int)total;
        if (e->kind == RANGE)
            for (int c = e->a; c <= e->b; c++)
                out[total++] = (unsigned char)c;
        else if (e->kind == CLASS)
            for (int c = 0; c < 256; c++) {
                if (in_class(e->a, c))
                    out[total++] = (unsigned char)c;
            }
        else if (e->kind == REPEAT)
            for (long k = e->count < 0 ? gap : (e->count < 1000000 ? e->count : 1000000); k > 0; k--)
                out[total++] = (unsigned char)e->a;
        else
            out[total++] = (unsigned char)e->a;
    }
    *n = (int)total;
    return out;
}

static void members(struct set s, int complement, int *in) {
    int n;
    unsigned char *bytes = expand(s, 0, &n, NULL);
    for (int c = 0; c < 256; c++)
        in[c] = complement;
    for (int k = 0; k < n; k++)
        in[bytes[k]] = !complement;
    free(bytes);
}

int main(int argc, char **argv) {
    util_name = argc > 0 ? argv[0] : "tr";
    const char *opts = "+cCdst";
    util_no_long(argc, argv, opts, 1);
    int complement = 0, del = 0, squeeze = 0, truncate = 0, c;
    while ((c = getopt(argc, argv, opts)) != -1) {
        if (c == 'c' || c == 'C')
            complement = 1;
        else if (c == 'd')
            del = 1;
        else if (c == 's')
            squeeze = 1;
        else if (c == 't')
            truncate = 1;
        else
            util_usage(1);
    }
    int operands = argc - optind;
    int least = 1 + (del == squeeze), most = 1 + (del <= squeeze);
    if (operands < least) {
        if (operands == 0)
            fprintf(stderr, "%s: missing operand\n", util_name);
        else
            fprintf(stderr, "%s: missing operand after '%s'\n%s\n", util_name, argv[argc - 1],
                    squeeze ? "Two strings must be given when both deleting and squeezing repeats."
                            : "Two strings must be given when translating.");
        util_usage(1);
    }
    if (operands > most) {
        fprintf(stderr, "%s: extra operand '%s'\n", util_name, argv[optind + most]);
        if (operands == 2)
            fprintf(stderr, "Only one string may be given when deleting without squeezing repeats.\n");
        util_usage(1);
    }
    int translating = operands == 2 && !del;
    struct set s1 = parse(argv[optind]), s2 = {NULL, 0};
    for (int i = 0; i < s1.n; i++)
        if (s1.e[i].kind == REPEAT)
            die("the [c*] repeat construct may not appear in string1", NULL);
    int fills = 0;
    if (operands == 2) {
        s2 = parse(argv[optind + 1]);
        for (int i = 0; i < s2.n; i++)
            if (s2.e[i].kind == REPEAT && s2.e[i].count < 0 && ++fills > 1)
                die("only one [c*] repeat construct may appear in string2", NULL);
    }
    unsigned char map[256];
    int drop[256], squeezed[256];
    for (int k = 0; k < 256; k++)
        map[k] = (unsigned char)k;
    if (translating) {
        int n1, n2, *starts1 = malloc((s1.n + 1) * sizeof(int)), *starts2 = malloc((s2.n + 1) * sizeof(int));
        int in1[256], class1 = 0;
        unsigned char *b1 = expand(s1, 0, &n1, starts1);
        for (int i = 0; i < s1.n; i++)
            class1 |= s1.e[i].kind == CLASS;
        if (complement) {
            members(s1, 1, in1);
            b1 = realloc(b1, 256);
            n1 = 0;
            for (int k = 0; k < 256; k++)
                if (in1[k])
                    b1[n1++] = (unsigned char)k;
        }
        unsigned char *b2 = expand(s2, n1, &n2, starts2);
        for (int i = 0; i < s2.n; i++) {
            struct elem *e = &s2.e[i];
            if (e->kind != CLASS)
                continue;
            if (e->a != LOWER && e->a != UPPER)
                die("when translating, the only character classes that may appear in\n"
                    "string2 are 'upper' and 'lower'", NULL);
            int aligned = 0;
            for (int j = 0; j < s1.n && !complement; j++)
                aligned |= s1.e[j].kind == CLASS && (s1.e[j].a == LOWER || s1.e[j].a == UPPER) &&
                           starts1[j] == starts2[i];
            if (!aligned)
                die("misaligned [:upper:] and/or [:lower:] construct", NULL);
        }
        if (complement && class1)
            for (int k = 1; k < n2; k++)
                if (b2[k] != b2[0])
                    die("when translating with complemented character classes,\n"
                        "string2 must map all characters in the domain to one", NULL);
        if (n2 == 0 && !truncate)
            die("when not truncating set1, string2 must be non-empty", NULL);
        for (int k = 0; k < n1 && n2 > 0 && (k < n2 || !truncate); k++)
            map[b1[k]] = b2[k < n2 ? k : n2 - 1];
    }
    members(s1, complement, drop);
    if (!del)
        memset(drop, 0, sizeof drop);
    if (squeeze)
        members(operands == 2 ? s2 : s1, operands == 2 ? 0 : complement, squeezed);
    else
        memset(squeezed, 0, sizeof squeezed);
    char buf[4096];
    int last = -1;
    for (;;) {
        ssize_t r = read(0, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        size_t o = 0;
        for (ssize_t i = 0; i < r; i++) {
            int b = (unsigned char)buf[i];
            if (drop[b])
                continue;
            b = map[b];
            if (squeezed[b] && b == last)
                continue;
            buf[o++] = (char)b;
            last = b;
        }
        fwrite(buf, 1, o, stdout);
    }
    return 0;
}
