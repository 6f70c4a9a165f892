/* head and tail: -n N, -N, one file or standard input. */
static long util_count(int argc, char **argv, const char **path) {
    long n = 10;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n = atol(argv[++i]);
        else if (strncmp(argv[i], "-n", 2) == 0)
            n = atol(argv[i] + 2);
        else if (argv[i][0] == '-' && isdigit((unsigned char)argv[i][1]))
            n = atol(argv[i] + 1);
        else
            *path = argv[i];
    }
    return n;
}
