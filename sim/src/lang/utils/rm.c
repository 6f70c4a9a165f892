/* rm [-f] FILE...: removes files (not directories), as GNU rm; its
   other options are refused. */
int main(int argc, char **argv) {
    int force = 0, status = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'f')
                continue;
            if (strchr("idIrRv-", *o))
                fprintf(stderr, "rm: option -%c is not supported by ipcsim's built-in rm\n", *o);
            else
                fprintf(stderr, "rm: invalid option -- '%c'\nTry 'rm --help' for more information.\n", *o);
            return 1;
        }
        force = 1;
    }
    if (i == argc && !force) {
        fprintf(stderr, "rm: missing operand\nTry 'rm --help' for more information.\n");
        return 1;
    }
    for (; i < argc; i++) {
        if (unlink(argv[i]) == 0 || (force && errno == ENOENT))
            continue;
        fprintf(stderr, "rm: cannot remove '%s': %s\n", argv[i], errno == EISDIR ? "Is a directory" : strerror(errno));
        status = 1;
    }
    return status;
}
