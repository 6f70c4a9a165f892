/* ls as on a pipe (one name a line, sorted as in the C locale): -a, -A,
   -1; file operands first, then each directory (with a heading when
   there are several operands). Another option: GNU's message for an
   invalid one, or a word that it is not built in (-l's dates and owners
   would never match a native run's anyway). */
static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_dir(const char *path, int all, int almost) {
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
        return 2;
    }
    size_t n = 0, cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *s = e->d_name;
        int dots = strcmp(s, ".") == 0 || strcmp(s, "..") == 0;
        if (s[0] == '.' && !all && !(almost && !dots))
            continue;
        if (n == cap) {
            cap *= 2;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(s);
    }
    closedir(d);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++)
        printf("%s\n", names[i]);
    return 0;
}

int main(int argc, char **argv) {
    int all = 0, almost = 0, status = 0, nops = 0;
    char *files[64], *dirs[64];
    int nf = 0, nd = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            for (char *o = argv[i] + 1; *o; o++) {
                if (*o == 'a') {
                    all = 1;
                } else if (*o == 'A') {
                    almost = 1;
                } else if (*o != '1') {
                    /* GNU's message for a letter it has no option for; a
                       long listing (its dates, owners) is not built in. */
                    if (strchr("bcdfghiklmnopqrstuvwxBCDFGHILNQRSTUXZ", *o))
                        fprintf(stderr, "ls: option -%c is not supported by ipcsim's built-in ls\n", *o);
                    else
                        fprintf(stderr, "ls: invalid option -- '%c'\nTry 'ls --help' for more information.\n", *o);
                    return 2;
                }
            }
            continue;
        }
        nops++;
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", argv[i], strerror(errno));
            status = 2;
        } else if (S_ISDIR(st.st_mode)) {
            if (nd < 64)
                dirs[nd++] = argv[i];
        } else if (nf < 64) {
            files[nf++] = argv[i];
        }
    }
    if (nops == 0)
        dirs[nd++] = ".";
    qsort(files, nf, sizeof *files, by_name);
    qsort(dirs, nd, sizeof *dirs, by_name);
    for (int i = 0; i < nf; i++)
        printf("%s\n", files[i]);
    for (int i = 0; i < nd; i++) {
        if (nops > 1)
            printf("%s%s:\n", (nf > 0 || i > 0) ? "\n" : "", dirs[i]);
        int r = list_dir(dirs[i], all, almost);
        if (r)
            status = r;
    }
    return status;
}
