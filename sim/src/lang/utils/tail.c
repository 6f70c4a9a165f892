int main(int argc, char **argv) {
    util_name = "tail";
    const char *path = NULL;
    long want = util_count(argc, argv, &path);
    size_t len;
    char *text = util_input(path, &len);
    /* Back from the end (a final newline ends the last line, it does
       not start another) to the newline before the wanted lines. */
    size_t i = len;
    if (i > 0 && text[i - 1] == '\n')
        i--;
    long lines = 0;
    while (i > 0 && want > 0) {
        if (text[i - 1] == '\n' && ++lines == want)
            break;
        i--;
    }
    if (want <= 0)
        i = len;
    util_write(text + i, len - i);
    return 0;
}
