/* expr as coreutils' expr: | & < <= = == != >= > + - * / % : and match,
   substr, index, length, + TOKEN, parentheses, with GNU's precedence,
   its evaluation while parsing (the side not taken of | and & is not
   evaluated), its messages and statuses: 0 for a result neither null
   nor 0, 1 otherwise, 2 for an invalid expression (syntax, a
   non-integer argument, division by zero). Integers are 64-bit (GNU's
   are unbounded): one that does not fit is refused with a message and
   status 2. The regular expressions of : and match are basic ones with
   . * [...] ^ $ \( \) and literal characters (others refused). */

static char **args;

/* A value: a string, and whether it is an integer (then in num). */
typedef struct {
    const char *s;
    int isint;
    long long num;
} Value;

static void expr_die(int status, const char *msg, const char *a, const char *b) {
    fprintf(stderr, "expr: %s%s%s\n", msg, a ? a : "", b ? b : "");
    exit(status);
}

/* GNU's quote() in the C locale: 'ARG', with \ and ' escaped. */
static char *expr_quote(const char *a) {
    char *q = malloc(2 * strlen(a) + 3);
    size_t n = 0;
    q[n++] = '\'';
    for (; *a; a++) {
        if (*a == '\\' || *a == '\'')
            q[n++] = '\\';
        q[n++] = *a;
    }
    q[n++] = '\'';
    q[n] = '\0';
    return q;
}

static void expr_syntax(const char *msg, const char *arg) {
    expr_die(2, "syntax error: ", msg, arg ? expr_quote(arg) : NULL);
}

/* Whether s is an integer as GNU reads one (an optional -, digits). */
static int expr_looks_int(const char *s) {
    const char *p = s + (*s == '-');
    return *p && strspn(p, "0123456789") == strlen(p);
}

static long long expr_parse(const char *s) {
    const char *p = s + (*s == '-');
    unsigned long long v = 0;
    for (; *p; p++) {
        if (v > (9223372036854775807ULL - (unsigned long long)(*p - '0')) / 10)
            expr_die(2, "integers beyond 64 bits are not supported by ipcsim's expr: ", s, NULL);
        v = v * 10 + (unsigned long long)(*p - '0');
    }
    return *s == '-' ? -(long long)v : (long long)v;
}

static Value expr_str(const char *s) {
    Value v = {s, 0, 0};
    if (expr_looks_int(s)) {
        v.isint = 1;
        v.num = expr_parse(s);
    }
    return v;
}

static Value expr_int(long long n) {
    char *b = malloc(24);
    snprintf(b, 24, "%lld", n);
    Value v = {b, 1, n};
    return v;
}

/* GNU's null(): the empty string, or an integer zero ("0", "-00"). */
static int expr_null(Value v) {
    if (v.isint)
        return v.num == 0;
    return v.s[0] == '\0';
}

static long long expr_arith(Value v) {
    if (!v.isint)
        expr_die(2, "non-integer argument", NULL, NULL);
    return v.num;
}

static int expr_next(const char *tok) {
    if (*args && strcmp(*args, tok) == 0) {
        args++;
        return 1;
    }
    return 0;
}

/* A basic regular expression's match at the start of s: the length
   matched or -1; the group's span in *g0, *g1. */
static int expr_re(const char *re, const char *s, const char *start, const char **g0, const char **g1);

/* The length of one atom of re (a character, ., [...], \c). */
static int expr_atom_len(const char *re) {
    if (re[0] == '\\')
        return 2;
    if (re[0] == '[') {
        int k = 1 + (re[1] == '^');
        k += re[k] == ']';
        while (re[k] && re[k] != ']')
            k++;
        if (!re[k])
            expr_die(2, "Unmatched [, [^, [:, [., or [=", NULL, NULL);
        return k + 1;
    }
    return 1;
}

static int expr_atom_matches(const char *re, char c) {
    if (!c)
        return 0;
    if (re[0] == '.')
        return 1;
    if (re[0] == '\\')
        return re[1] == c;
    if (re[0] == '[') {
        int k = 1, neg = re[1] == '^';
        k += neg;
        int hit = 0, first = 1;
        for (; re[k] && (first || re[k] != ']'); k++, first = 0) {
            char lo = re[k], hi = lo;
            if (re[k + 1] == '-' && re[k + 2] && re[k + 2] != ']') {
                hi = re[k + 2];
                k += 2;
            }
            if ((unsigned char)lo <= (unsigned char)c && (unsigned char)c <= (unsigned char)hi)
                hit = 1;
        }
        return hit != neg;
    }
    return re[0] == c;
}

static int expr_re(const char *re, const char *s, const char *start, const char **g0, const char **g1) {
    if (!*re)
        return (int)(s - start);
    if (re[0] == '$' && !re[1])
        return *s ? -1 : (int)(s - start);
    if (re[0] == '\\' && re[1] == '(') {
        const char *save = *g0;
        *g0 = s;
        int r = expr_re(re + 2, s, start, g0, g1);
        if (r < 0)
            *g0 = save;
        return r;
    }
    if (re[0] == '\\' && re[1] == ')') {
        const char *save = *g1;
        *g1 = s;
        int r = expr_re(re + 2, s, start, g0, g1);
        if (r < 0)
            *g1 = save;
        return r;
    }
    if (re[0] == '\\' && re[1] && strchr("{}+?|123456789", re[1]))
        expr_die(2, "this regular expression is not supported by ipcsim's expr: \\", &re[1], NULL);
    int n = expr_atom_len(re);
    if (re[n] == '*') {
        int count = 0;
        while (expr_atom_matches(re, s[count]))
            count++;
        for (; count >= 0; count--) {
            int r = expr_re(re + n + 1, s + count, start, g0, g1);
            if (r >= 0)
                return r;
        }
        return -1;
    }
    if (!expr_atom_matches(re, *s))
        return -1;
    return expr_re(re + n, s + 1, start, g0, g1);
}

/* STRING : REGEX. */
static Value expr_colon(Value l, Value r) {
    const char *re = r.s;
    if (re[0] == '^')
        re++;
    int groups = strstr(re, "\\(") != NULL;
    const char *g0 = NULL, *g1 = NULL;
    int n = expr_re(re, l.s, l.s, &g0, &g1);
    if (groups) {
        if (n < 0 || !g0 || !g1 || g1 < g0)
            return expr_str("");
        return expr_str(strndup(g0, g1 - g0));
    }
    return expr_int(n < 0 ? 0 : n);
}

static Value expr_or(int ev);

static int expr_add_overflows(long long a, long long b) {
    return (b > 0 && a > LLONG_MAX - b) || (b < 0 && a < LLONG_MIN - b);
}

static int expr_mul_overflows(long long a, long long b) {
    if (a == 0 || b == 0)
        return 0;
    if (a > 0)
        return b > 0 ? a > LLONG_MAX / b : b < LLONG_MIN / a;
    return b > 0 ? a < LLONG_MIN / b : b < LLONG_MAX / a;
}

static Value expr_primary(int ev) {
    if (!*args)
        expr_syntax("missing argument after ", args[-1]);
    if (expr_next("(")) {
        Value v = expr_or(ev);
        if (!*args)
            expr_syntax("expecting ')' after ", args[-1]);
        if (!expr_next(")"))
            expr_syntax("expecting ')' instead of ", *args);
        return v;
    }
    if (strcmp(*args, ")") == 0)
        expr_syntax("unexpected ')'", NULL);
    return expr_str(*args++);
}

static Value expr_unary(int ev) {
    if (expr_next("+")) {
        if (!*args)
            expr_syntax("missing argument after ", args[-1]);
        return expr_str(*args++);
    }
    if (expr_next("length")) {
        Value v = expr_unary(ev);
        return expr_int((long long)strlen(v.s));
    }
    if (expr_next("match")) {
        Value l = expr_unary(ev), r = expr_unary(ev);
        return ev ? expr_colon(l, r) : expr_int(0);
    }
    if (expr_next("index")) {
        Value l = expr_unary(ev), r = expr_unary(ev);
        size_t k = strcspn(l.s, r.s);
        return expr_int(l.s[k] ? (long long)k + 1 : 0);
    }
    if (expr_next("substr")) {
        Value l = expr_unary(ev), p = expr_unary(ev), n = expr_unary(ev);
        if (!ev)
            return expr_int(0);
        long long pos = expr_arith(p), len = expr_arith(n), sl = (long long)strlen(l.s);
        if (pos < 1 || len < 1 || pos > sl)
            return expr_str("");
        if (len > sl - pos + 1)
            len = sl - pos + 1;
        return expr_str(strndup(l.s + pos - 1, (size_t)len));
    }
    return expr_primary(ev);
}

static Value expr_match(int ev) {
    Value l = expr_unary(ev);
    while (expr_next(":")) {
        Value r = expr_unary(ev);
        if (ev)
            l = expr_colon(l, r);
    }
    return l;
}

static Value expr_mul(int ev) {
    Value l = expr_match(ev);
    for (;;) {
        int op = expr_next("*") ? '*' : expr_next("/") ? '/' : expr_next("%") ? '%' : 0;
        if (!op)
            return l;
        Value r = expr_match(ev);
        if (!ev)
            continue;
        long long a = expr_arith(l), b = expr_arith(r), v;
        if (op != '*' && b == 0)
            expr_die(2, "division by zero", NULL, NULL);
        if (op == '*' ? expr_mul_overflows(a, b) : (a == LLONG_MIN && b == -1))
            expr_die(2, "integers beyond 64 bits are not supported by ipcsim's expr", NULL, NULL);
        if (op == '*')
            v = a * b;
        else if (op == '/')
            v = a / b;
        else if (op == '%')
            v = a % b;
        l = expr_int(v);
    }
}

static Value expr_add(int ev) {
    Value l = expr_mul(ev);
    for (;;) {
        int op = expr_next("+") ? '+' : expr_next("-") ? '-' : 0;
        if (!op)
            return l;
        Value r = expr_mul(ev);
        if (!ev)
            continue;
        long long a = expr_arith(l), b = expr_arith(r);
        if (op == '-' && b == LLONG_MIN ? a >= 0 : expr_add_overflows(a, op == '+' ? b : -b))
            expr_die(2, "integers beyond 64 bits are not supported by ipcsim's expr", NULL, NULL);
        l = expr_int(op == '+' ? a + b : a - b);
    }
}

static Value expr_compare(int ev) {
    Value l = expr_add(ev);
    for (;;) {
        int op = expr_next("<")    ? 1
                 : expr_next("<=") ? 2
                 : expr_next("=") || expr_next("==") ? 3
                 : expr_next("!=") ? 4
                 : expr_next(">=") ? 5
                 : expr_next(">")  ? 6
                                   : 0;
        if (!op)
            return l;
        Value r = expr_add(ev);
        if (!ev)
            continue;
        int c;
        if (l.isint && r.isint)
            c = l.num < r.num ? -1 : l.num > r.num;
        else
            c = strcmp(l.s, r.s);
        int t = op == 1 ? c < 0 : op == 2 ? c <= 0 : op == 3 ? c == 0 : op == 4 ? c != 0 : op == 5 ? c >= 0 : c > 0;
        l = expr_int(t);
    }
}

static Value expr_and(int ev) {
    Value l = expr_compare(ev);
    while (expr_next("&")) {
        Value r = expr_compare(ev && !expr_null(l));
        if (ev && (expr_null(l) || expr_null(r)))
            l = expr_int(0);
    }
    return l;
}

static Value expr_or(int ev) {
    Value l = expr_and(ev);
    while (expr_next("|")) {
        Value r = expr_and(ev && expr_null(l));
        if (ev && expr_null(l))
            l = expr_null(r) ? expr_int(0) : r;
    }
    return l;
}

int main(int argc, char **argv) {
    args = argv + 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        args++;
        argc--;
    }
    if (argc < 2) {
        fprintf(stderr, "expr: missing operand\nTry 'expr --help' for more information.\n");
        return 2;
    }
    Value v = expr_or(1);
    if (*args)
        expr_syntax("unexpected argument ", *args);
    printf("%s\n", v.s);
    return expr_null(v);
}
