/* Splits a buffer into lines (the last one may lack its newline). */
static char **util_lines(char *text, size_t len, size_t *count) {
    size_t cap = 64, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len && start == len)
            break;
        if (i == len || text[i] == '\n') {
            if (n == cap) {
                cap *= 2;
                lines = realloc(lines, cap * sizeof *lines);
            }
            if (i < len)
                text[i] = 0;
            else
                text[i] = 0;
            lines[n++] = text + start;
            start = i + 1;
        }
    }
    *count = n;
    return lines;
}

/* The input of a filter: the first operand, or standard input. */
static char *util_input(const char *path, size_t *len) {
    int fd = path ? util_open(path) : 0;
    if (fd < 0)
        exit(1);
    char *text = util_slurp(fd, len);
    text = realloc(text, *len + 1);
    text[*len] = 0;
    return text;
}
