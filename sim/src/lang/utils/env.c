/* env as coreutils': -i (or -) starts from an empty environment, -u NAME
   removes NAME, NAME=VALUE operands set, then the command runs with it
   (found on the path; 127 if it is not found, 126 if it cannot run), or
   with no command the environment is printed. */
int main(int argc, char **argv) {
    int k = 1;
    for (; k < argc; k++) {
        char *a = argv[k];
        if (strcmp(a, "-i") == 0 || strcmp(a, "-") == 0 || strcmp(a, "--ignore-environment") == 0) {
            clearenv();
        } else if (strcmp(a, "-u") == 0 && k + 1 < argc) {
            unsetenv(argv[++k]);
        } else if (strncmp(a, "-u", 2) == 0 && a[2] != 0) {
            unsetenv(a + 2);
        } else if (strcmp(a, "--") == 0) {
            k++;
            break;
        } else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "env: option %s is not supported by ipcsim's env\n", a);
            return 125;
        } else {
            break;
        }
    }
    for (; k < argc && strchr(argv[k], '=') != NULL; k++)
        putenv(argv[k]);
    if (k == argc) {
        for (char **e = environ; e != NULL && *e != NULL; e++)
            printf("%s\n", *e);
        return 0;
    }
    execvp(argv[k], argv + k);
    int code = errno == ENOENT ? 127 : 126;
    fprintf(stderr, "env: '%s': %s\n", argv[k], strerror(errno));
    return code;
}
