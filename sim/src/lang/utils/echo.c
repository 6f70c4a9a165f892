/* echo as coreutils' /bin/echo: leading options made only of the letters
   n (no newline), e (escapes) and E (none); with -e, \\ \a \b \c \e \f
   \n \r \t \v \0NNN \NNN \xHH. */
static int hex(int c) {
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Prints one argument, interpreting escapes; 0 after \c (print no more). */
static int print_escaped(const char *s) {
    while (*s) {
        int c = (unsigned char)*s++;
        if (c != '\\' || !*s) {
            putchar(c);
            continue;
        }
        c = (unsigned char)*s++;
        const char *plain = "abefnrtv", *code = "\a\b\033\f\n\r\t\v";
        if (c == 'c')
            return 0;
        if (strchr(plain, c)) {
            c = code[strchr(plain, c) - plain];
        } else if (c == 'x' && isxdigit((unsigned char)*s)) {
            c = hex((unsigned char)*s++);
            if (isxdigit((unsigned char)*s))
                c = c * 16 + hex((unsigned char)*s++);
        } else if (c >= '0' && c <= '7') {
            int digits = c == '0' ? 3 : 2;
            c -= '0';
            while (digits-- > 0 && *s >= '0' && *s <= '7')
                c = c * 8 + (*s++ - '0');
        } else if (c != '\\') {
            putchar('\\');
        }
        putchar(c & 255);
    }
    return 1;
}

int main(int argc, char **argv) {
    int i = 1, newline = 1, escapes = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1] || a[1 + strspn(a + 1, "neE")])
            break;
        for (a++; *a; a++) {
            if (*a == 'n')
                newline = 0;
            else
                escapes = *a == 'e';
        }
    }
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (!escapes)
            fputs(argv[i], stdout);
        else if (!print_escaped(argv[i]))
            return 0;
    }
    if (newline)
        putchar('\n');
    return 0;
}
