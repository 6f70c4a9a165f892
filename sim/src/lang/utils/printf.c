/* printf as coreutils' printf: the format's escapes (\\n \\t \\\\ \\a \\b
   \\f \\r \\v \\" \\NNN octal \\xHH), conversions %s %b %c %d %i %u %o %x
   %X %f %e %g %% with flags, width and precision (as C's printf), the
   format reused while arguments remain; a missing argument is "" or 0,
   a number that is not one (or only in part) an error, status 1, with
   what converted printed. */
static int status;

/* The escape at *s (after the backslash): its byte, *s moved past it. */
static int escape(const char **s) {
    const char *plain = "abfnrtv\\\"", *code = "\a\b\f\n\r\t\v\\\"";
    int c = (unsigned char)**s;
    if (c && strchr(plain, c)) {
        (*s)++;
        return code[strchr(plain, c) - plain];
    }
    if (c >= '0' && c <= '7') {
        int v = 0;
        for (int k = 0; k < 3 && **s >= '0' && **s <= '7'; k++)
            v = v * 8 + (*(*s)++ - '0');
        return v & 255;
    }
    if (c == 'x' && isxdigit((unsigned char)(*s)[1])) {
        (*s)++;
        int v = 0;
        for (int k = 0; k < 2 && isxdigit((unsigned char)**s); k++) {
            int d = (unsigned char)*(*s)++;
            v = v * 16 + (isdigit(d) ? d - '0' : tolower(d) - 'a' + 10);
        }
        return v;
    }
    return '\\';
}

static long number(const char *a) {
    if (a[0] == '\'' || a[0] == '"')
        return (unsigned char)a[1];
    char *end;
    errno = 0;
    long v = strtol(a, &end, 0);
    if (end == a || *end != 0) {
        fprintf(stderr, "printf: '%s': %s\n", a, end == a ? "expected a numeric value" : "value not completely converted");
        status = 1;
    }
    return v;
}

/* One pass over the format; the arguments it took. */
static int pass(const char *f, char **args, int n) {
    int used = 0;
    while (*f) {
        if (*f == '\\') {
            f++;
            putchar(escape(&f));
            continue;
        }
        if (*f != '%') {
            putchar(*f++);
            continue;
        }
        if (f[1] == '%') {
            putchar('%');
            f += 2;
            continue;
        }
        char spec[32];
        size_t k = 0;
        spec[k++] = *f++;
        while (*f && strchr("-+ #0123456789.", *f) && k < 28)
            spec[k++] = *f++;
        char conv = *f ? *f++ : 0;
        const char *a = used < n ? args[used] : NULL;
        used++;
        if (conv == 'd' || conv == 'i') {
            spec[k++] = 'l';
            spec[k++] = conv;
            spec[k] = 0;
            printf(spec, a ? number(a) : 0L);
        } else if (conv && strchr("uoxX", conv)) {
            spec[k++] = 'l';
            spec[k++] = conv;
            spec[k] = 0;
            printf(spec, (unsigned long)(a ? number(a) : 0L));
        } else if (conv && strchr("feEgG", conv)) {
            spec[k++] = conv;
            spec[k] = 0;
            printf(spec, a ? strtod(a, NULL) : 0.0);
        } else if (conv == 'c') {
            if (a && *a)
                putchar(*a);
        } else if (conv == 's' || conv == 'b') {
            spec[k++] = 's';
            spec[k] = 0;
            if (conv == 'b' && a) {
                char *out = malloc(strlen(a) + 1), *o = out;
                for (const char *p = a; *p;)
                    *o++ = *p == '\\' ? (p++, (char)escape(&p)) : *p++;
                *o = 0;
                printf(spec, out);
                free(out);
            } else {
                printf(spec, a ? a : "");
            }
        } else {
            fprintf(stderr, "printf: %%%c: invalid conversion specification\n", conv);
            return -1;
        }
    }
    return used;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "printf: missing operand\nTry 'printf --help' for more information.\n");
        return 1;
    }
    char **args = argv + 2;
    int n = argc - 2;
    do {
        int used = pass(argv[1], args, n);
        if (used < 0)
            return 1;
        if (used == 0)
            break;
        args += used;
        n -= used;
    } while (n > 0);
    return status;
}
