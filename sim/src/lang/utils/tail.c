int main(int argc, char **argv) {
    util_name = "tail";
    const char *path = NULL;
    long want = util_count(argc, argv, &path);
    size_t len;
    char *text = util_input(path, &len);
    size_t i = len;
    /* A last line without its newline counts as a line. */
    long lines = len > 0 && text[len - 1] != '\n' ? 1 : 0;
    while (i > 0) {
        if (text[i - 1] == '\n' && i < len) {
            if (lines == want)
                break;
            lines++;
        }
        i--;
    }
    if (want == 0)
        i = len;
    util_write(text + i, len - i);
    return 0;
}
