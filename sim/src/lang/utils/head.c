int main(int argc, char **argv) {
    util_name = "head";
    const char *path = NULL;
    long want = util_count(argc, argv, &path);
    size_t len;
    char *text = util_input(path, &len);
    size_t i = 0;
    for (long lines = 0; i < len && lines < want; i++)
        if (text[i] == '\n')
            lines++;
    util_write(text, i);
    return 0;
}
