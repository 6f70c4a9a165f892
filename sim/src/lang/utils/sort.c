static int numeric, reverse;

static int cmp(const void *a, const void *b) {
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int r = 0;
    if (numeric) {
        long u = strtol(x, NULL, 10), v = strtol(y, NULL, 10);
        r = (u > v) - (u < v);
    }
    if (r == 0)
        r = strcmp(x, y);
    return reverse ? -r : r;
}

int main(int argc, char **argv) {
    util_name = "sort";
    int unique = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (char *o = argv[i] + 1; *o; o++) {
                if (*o == 'n')
                    numeric = 1;
                else if (*o == 'r')
                    reverse = 1;
                else if (*o == 'u')
                    unique = 1;
            }
        } else {
            path = argv[i];
        }
    }
    size_t len, n;
    char *text = util_input(path, &len);
    char **lines = util_lines(text, len, &n);
    qsort(lines, n, sizeof *lines, cmp);
    for (size_t i = 0; i < n; i++) {
        if (unique && i > 0 && cmp(&lines[i - 1], &lines[i]) == 0)
            continue;
        printf("%s\n", lines[i]);
    }
    return 0;
}
