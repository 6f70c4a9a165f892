/* ls as on a pipe (one name a line, sorted as in the C locale): -a, -A, -d,
   -1, and -l in GNU's layout ("total", mode, links, owner, group, size,
   date, name, columns aligned), whose owner and date are the run's own
   ("ipcsim", the epoch): a native listing's never match, its lines and
   words do. File operands first, then each directory (with a heading
   when there are several operands). Another option: GNU's message for
   an invalid one, or a word that it is not built in. */
static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ls_long;

/* "drwxr-xr-x" for a mode. */
static void ls_mode(unsigned mode, char *out) {
    unsigned type = mode & S_IFMT;
    out[0] = type == S_IFDIR ? 'd' : type == S_IFIFO ? 'p' : type == S_IFSOCK ? 's' : type == S_IFCHR ? 'c' : '-';
    const char *rwx = "rwxrwxrwx";
    for (int k = 0; k < 9; k++)
        out[1 + k] = mode & (0400 >> k) ? rwx[k] : '-';
    out[10] = '\0';
}

/* The long listing of `names` (in directory `dir` when `in_dir`): GNU's
   "total" of 1 KiB blocks, then a line each, the link and size columns
   as wide as their widest entry. */
static void ls_long_list(const char *dir, char **names, size_t n, int in_dir) {
    struct stat *st = calloc(n ? n : 1, sizeof *st);
    long total = 0;
    int wlinks = 1, wsize = 1;
    char path[4200];
    for (size_t i = 0; i < n; i++) {
        if (in_dir)
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        else
            snprintf(path, sizeof path, "%s", names[i]);
        stat(path, &st[i]);
        total += (st[i].st_size + 4095) / 4096 * 4;
        char num[32];
        int w = snprintf(num, sizeof num, "%lu", st[i].st_nlink);
        wlinks = w > wlinks ? w : wlinks;
        w = snprintf(num, sizeof num, "%ld", st[i].st_size);
        wsize = w > wsize ? w : wsize;
    }
    if (in_dir)
        printf("total %ld\n", total);
    for (size_t i = 0; i < n; i++) {
        char mode[11];
        ls_mode(st[i].st_mode, mode);
        printf("%s %*lu ipcsim ipcsim %*ld Jan  1  1970 %s\n", mode, wlinks, st[i].st_nlink, wsize, st[i].st_size, names[i]);
    }
    free(st);
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
    if (ls_long) {
        ls_long_list(path, names, n, 1);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        printf("%s\n", names[i]);
    return 0;
}

int main(int argc, char **argv) {
    int all = 0, almost = 0, as_file = 0, status = 0, nops = 0;
    char *files[64], *dirs[64];
    int nf = 0, nd = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2]) {
            if (strcmp(argv[i], "--all") == 0) {
                all = 1;
            } else if (strcmp(argv[i], "--almost-all") == 0) {
                almost = 1;
            } else {
                fprintf(stderr, "ls: unrecognized option '%s'\nTry 'ls --help' for more information.\n", argv[i]);
                return 2;
            }
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1]) {
            for (char *o = argv[i] + 1; *o; o++) {
                if (*o == 'a') {
                    all = 1;
                } else if (*o == 'A') {
                    almost = 1;
                } else if (*o == 'l') {
                    ls_long = 1;
                } else if (*o == 'd') {
                    as_file = 1;
                } else if (*o != '1') {
                    /* GNU's message for a letter it has no option for; a
                       long listing (its dates, owners) is not built in. */
                    if (strchr("bcfghiklmnopqrstuvwxBCDFGHILNQRSTUXZ", *o))
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
        } else if (S_ISDIR(st.st_mode) && !as_file) {
            if (nd < 64)
                dirs[nd++] = argv[i];
        } else if (nf < 64) {
            files[nf++] = argv[i];
        }
    }
    if (nops == 0 && as_file)
        files[nf++] = ".";
    else if (nops == 0)
        dirs[nd++] = ".";
    qsort(files, nf, sizeof *files, by_name);
    qsort(dirs, nd, sizeof *dirs, by_name);
    if (ls_long)
        ls_long_list(".", files, (size_t)nf, 0);
    else
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
