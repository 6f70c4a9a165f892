/* printenv as coreutils': with no operand, every NAME=VALUE of the
   environment; else the value of each NAME given, exit status 1 if one
   is not set (an operand holding '=' is never set). */
int main(int argc, char **argv) {
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != 0) {
        fprintf(stderr, "printenv: options are not supported by ipcsim's printenv\n");
        return 2;
    }
    if (argc < 2) {
        for (char **e = environ; e != NULL && *e != NULL; e++)
            printf("%s\n", *e);
        return 0;
    }
    int missing = 0;
    for (int k = 1; k < argc; k++) {
        const char *v = strchr(argv[k], '=') == NULL ? getenv(argv[k]) : NULL;
        if (v == NULL)
            missing = 1;
        else
            printf("%s\n", v);
    }
    return missing;
}
