/* tr SET1 SET2, tr -d SET1: sets of bytes with ranges a-z and \n. */
static int expand(const char *s, unsigned char *out) {
    int n = 0;
    for (size_t i = 0; s[i] && n < 256; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && s[i + 1]) {
            i++;
            c = s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : (unsigned char)s[i];
        }
        if (s[i + 1] == '-' && s[i + 2]) {
            unsigned char e = (unsigned char)s[i + 2];
            for (int k = c; k <= e && n < 256; k++)
                out[n++] = (unsigned char)k;
            i += 2;
        } else {
            out[n++] = c;
        }
    }
    return n;
}

int main(int argc, char **argv) {
    util_name = "tr";
    int del = argc > 1 && strcmp(argv[1], "-d") == 0;
    if (argc < (del ? 3 : 3)) {
        fprintf(stderr, "tr: missing operand\n");
        return 1;
    }
    unsigned char a[256], b[256], map[256];
    int drop[256];
    int na = expand(argv[del ? 2 : 1], a), nb = del ? 0 : expand(argv[2], b);
    for (int k = 0; k < 256; k++) {
        map[k] = (unsigned char)k;
        drop[k] = 0;
    }
    for (int k = 0; k < na; k++) {
        if (del)
            drop[a[k]] = 1;
        else if (nb > 0)
            map[a[k]] = b[k < nb ? k : nb - 1];
    }
    size_t len;
    char *text = util_input(NULL, &len);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!drop[c])
            text[o++] = (char)map[c];
    }
    util_write(text, o);
    return 0;
}
