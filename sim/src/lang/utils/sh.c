/* sh -c COMMAND [NAME [ARG...]]: the shell that popen and system run,
   behaving as Debian's dash on the commands course programs give them:
   words with quotes and backslashes; parameter expansion ($NAME, ${NAME},
   $$, $?, $#, $0..$9, $@, $*, $!, ${#NAME}, ${NAME-word} and the other
   forms with - + = ?, with or without a colon), variables from the
   environment and assignments (NAME=value, before a command for that
   command), command substitution $(...) and `...` (run in a child, its
   output without the trailing newlines), field splitting of unquoted
   expansions on IFS, ~ as $HOME; pipelines, lists with ; && ||,
   redirections < > >> and a descriptor before them (2> 2>&1), comments,
   and dash's builtins echo (escapes interpreted), true, false, :, exit,
   kill, export, unset, and test and [. Every other command runs in a child, as
   Debian 12's dash (0.5.12) runs even a single one: a command killed by a
   signal makes the shell exit with 128 + the signal. Not supported (each
   refused with a message and status 2): arithmetic $((...)), the pattern
   forms ${NAME#...} and ${NAME%...}, background jobs. Globs (* ? [...])
   are expanded in a path's last component, sorted in byte order; a glob
   that matches nothing stays as written. */

#define SH_TOKENS 512
#define SH_ARGS 128
#define SH_VARS 64

enum { T_WORD, T_PIPE, T_SEMI, T_AND, T_OR, T_REDIR };

static int sh_kind[SH_TOKENS];
static char *sh_text[SH_TOKENS];
/* For T_REDIR: the descriptor, the operator ('<', '>', 'a' for >>), and
   the target descriptor of >&N (or -1: a file in the next word). */
static int sh_fd[SH_TOKENS], sh_op[SH_TOKENS], sh_dup[SH_TOKENS];
static int sh_ntok;

/* $0 (the name in messages), $$, $?, the positional parameters. */
static const char *sh_name = "sh";
static int sh_pid;
static int sh_last;
static int sh_nparam;
static char **sh_param;
/* The shell's own variables (not in the environment). */
static char *sh_var_name[SH_VARS];
static char *sh_var_value[SH_VARS];
static int sh_nvars;
/* The status of the last command substitution of a command, or -1. */
static int sh_subst_status = -1;

static void sh_fail(const char *msg, const char *what) {
    fflush(stdout);
    fprintf(stderr, "%s: 1: %s%s\n", sh_name, msg, what);
    exit(2);
}

static void sh_push(int kind, char *text) {
    if (sh_ntok == SH_TOKENS)
        sh_fail("command too long", "");
    sh_kind[sh_ntok] = kind;
    sh_text[sh_ntok] = text;
    sh_fd[sh_ntok] = -1;
    sh_op[sh_ntok] = 0;
    sh_dup[sh_ntok] = -1;
    sh_ntok++;
}

/* The scanners of a word's parts: each starts after the part's opening
   and returns the index after its end. */
static size_t sh_skip_dquote(const char *s, size_t i);
static size_t sh_skip_paren(const char *s, size_t i);
static size_t sh_skip_brace(const char *s, size_t i);

static size_t sh_skip_backq(const char *s, size_t i) {
    while (s[i] && s[i] != '`')
        i += s[i] == '\\' && s[i + 1] ? 2 : 1;
    if (!s[i])
        sh_fail("Syntax error: EOF in backquote substitution", "");
    return i + 1;
}

static size_t sh_skip_squote(const char *s, size_t i) {
    while (s[i] && s[i] != '\'')
        i++;
    if (!s[i])
        sh_fail("Syntax error: Unterminated quoted string", "");
    return i + 1;
}

/* A $ part at s[i] inside a word or double quotes: its end (i + 1 for a
   lone $ or a simple one, scanned by the expansion). */
static size_t sh_skip_dollar(const char *s, size_t i) {
    if (s[i + 1] == '(')
        return sh_skip_paren(s, i + 2);
    if (s[i + 1] == '{')
        return sh_skip_brace(s, i + 2);
    return i + 1;
}

static size_t sh_skip_dquote(const char *s, size_t i) {
    while (s[i] && s[i] != '"') {
        if (s[i] == '\\' && s[i + 1])
            i += 2;
        else if (s[i] == '`')
            i = sh_skip_backq(s, i + 1);
        else if (s[i] == '$')
            i = sh_skip_dollar(s, i);
        else
            i++;
    }
    if (!s[i])
        sh_fail("Syntax error: Unterminated quoted string", "");
    return i + 1;
}

static size_t sh_skip_paren(const char *s, size_t i) {
    int depth = 1;
    while (s[i]) {
        char c = s[i];
        if (c == '\\' && s[i + 1]) {
            i += 2;
        } else if (c == '\'') {
            i = sh_skip_squote(s, i + 1);
        } else if (c == '"') {
            i = sh_skip_dquote(s, i + 1);
        } else if (c == '`') {
            i = sh_skip_backq(s, i + 1);
        } else {
            if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0)
                return i + 1;
            i++;
        }
    }
    sh_fail("Syntax error: end of file unexpected (expecting \")\")", "");
    return i;
}

static size_t sh_skip_brace(const char *s, size_t i) {
    while (s[i] && s[i] != '}') {
        if (s[i] == '\\' && s[i + 1])
            i += 2;
        else if (s[i] == '\'')
            i = sh_skip_squote(s, i + 1);
        else if (s[i] == '"')
            i = sh_skip_dquote(s, i + 1);
        else if (s[i] == '`')
            i = sh_skip_backq(s, i + 1);
        else if (s[i] == '$')
            i = sh_skip_dollar(s, i);
        else
            i++;
    }
    if (!s[i])
        sh_fail("Syntax error: Missing '}'", "");
    return i + 1;
}

/* One word from s[*i], as written (quotes and expansions are undone when
   the command runs). */
static char *sh_word(const char *s, size_t *i) {
    size_t start = *i;
    while (s[*i] && !strchr(" \t\n|;&<>", s[*i])) {
        char c = s[*i];
        if (c == '\\')
            *i += s[*i + 1] ? 2 : 1;
        else if (c == '\'')
            *i = sh_skip_squote(s, *i + 1);
        else if (c == '"')
            *i = sh_skip_dquote(s, *i + 1);
        else if (c == '`')
            *i = sh_skip_backq(s, *i + 1);
        else if (c == '$')
            *i = sh_skip_dollar(s, *i);
        else
            (*i)++;
    }
    return strndup(s + start, *i - start);
}

/* Whether s[0..n) is a variable's name. */
static int sh_is_name(const char *s, size_t n) {
    if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (size_t k = 1; k < n; k++)
        if (!(isalnum((unsigned char)s[k]) || s[k] == '_'))
            return 0;
    return 1;
}

static int sh_var_find(const char *name) {
    for (int k = 0; k < sh_nvars; k++)
        if (strcmp(sh_var_name[k], name) == 0)
            return k;
    return -1;
}

/* A variable's value: the shell's own, else the environment's; NULL if
   unset. */
static const char *sh_lookup(const char *name) {
    int k = sh_var_find(name);
    return k >= 0 ? sh_var_value[k] : getenv(name);
}

/* NAME=VALUE: an exported variable stays in the environment. */
static void sh_assign(const char *name, const char *value) {
    int k = sh_var_find(name);
    if (k < 0 && getenv(name)) {
        setenv(name, value, 1);
        return;
    }
    if (k < 0) {
        if (sh_nvars == SH_VARS)
            sh_fail("too many variables", "");
        k = sh_nvars++;
        sh_var_name[k] = strdup(name);
    }
    sh_var_value[k] = strdup(value);
}

static void sh_unset(const char *name) {
    int k = sh_var_find(name);
    if (k >= 0) {
        sh_nvars--;
        sh_var_name[k] = sh_var_name[sh_nvars];
        sh_var_value[k] = sh_var_value[sh_nvars];
    }
    unsetenv(name);
}

static void sh_export(const char *name, const char *value) {
    int k = sh_var_find(name);
    if (!value && k >= 0)
        value = sh_var_value[k];
    if (k >= 0) {
        sh_nvars--;
        sh_var_name[k] = sh_var_name[sh_nvars];
        sh_var_value[k] = sh_var_value[sh_nvars];
    }
    if (value)
        setenv(name, value, 1);
}

/* The expansion of one word: the fields made so far, the one being made
   and whether it exists even if empty (a quote, a field separator that
   is not white space). SPLIT: unquoted expansions are split into fields
   (not in an assignment or a redirection's target). */
typedef struct {
    char **fields;
    int nfields, cap;
    char *cur;
    /* For each byte of cur: 1 if it is an unquoted * ? [ (a pattern's). */
    char *glob;
    size_t len, curcap;
    int real, split, globs;
} ShExpansion;

static ShExpansion sh_ex;

static void sh_ex_put(char c, int glob) {
    if (sh_ex.len + 1 >= sh_ex.curcap) {
        sh_ex.curcap = sh_ex.curcap ? 2 * sh_ex.curcap : 64;
        sh_ex.cur = realloc(sh_ex.cur, sh_ex.curcap);
        sh_ex.glob = realloc(sh_ex.glob, sh_ex.curcap);
    }
    sh_ex.glob[sh_ex.len] = glob;
    sh_ex.cur[sh_ex.len++] = c;
    sh_ex.globs |= glob;
    sh_ex.real = 1;
}

static void sh_ex_char(char c) {
    sh_ex_put(c, 0);
}

/* An unquoted character of a word that is split: * ? [ make a pattern. */
static void sh_ex_unquoted(char c) {
    sh_ex_put(c, sh_ex.split && (c == '*' || c == '?' || c == '['));
}

static void sh_ex_field(char *f) {
    if (sh_ex.nfields + 1 >= sh_ex.cap) {
        sh_ex.cap = sh_ex.cap ? 2 * sh_ex.cap : 8;
        sh_ex.fields = realloc(sh_ex.fields, sh_ex.cap * sizeof(char *));
    }
    sh_ex.fields[sh_ex.nfields++] = f;
}

/* Whether NAME matches the pattern P (\ quotes the next character). */
static int sh_match(const char *p, const char *s) {
    for (;; p++, s++) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (sh_match(p, s))
                    return 1;
            return 0;
        }
        if (!*p)
            return !*s;
        if (!*s)
            return 0;
        if (*p == '?')
            continue;
        if (*p == '[') {
            const char *q = p + 1;
            int neg = *q == '!' || *q == '^';
            q += neg;
            const char *end = q + (*q == ']');
            while (*end && *end != ']')
                end++;
            if (*end) {
                int hit = 0;
                for (; q < end; q++) {
                    char lo = *q == '\\' && q + 1 < end ? *++q : *q;
                    char hi = lo;
                    if (q + 2 < end && q[1] == '-') {
                        q += 2;
                        hi = *q == '\\' && q + 1 < end ? *++q : *q;
                    }
                    if ((unsigned char)lo <= (unsigned char)*s && (unsigned char)*s <= (unsigned char)hi)
                        hit = 1;
                }
                if (hit == neg)
                    return 0;
                p = end;
                continue;
            }
        }
        if (*p == '\\' && p[1])
            p++;
        if (*p != *s)
            return 0;
    }
}

/* Pathname expansion of the current field (a pattern in its last
   component): the names that match, sorted, or the field itself. */
static void sh_ex_glob(void) {
    char *f = strndup(sh_ex.cur, sh_ex.len);
    size_t slash = sh_ex.len;
    while (slash > 0 && f[slash - 1] != '/')
        slash--;
    for (size_t k = 0; k < slash; k++)
        if (sh_ex.glob[k])
            sh_fail("globs (* ? [) are only expanded in a path's last component by ipcsim's sh", "");
    char *pat = malloc(2 * (sh_ex.len - slash) + 1);
    size_t m = 0;
    for (size_t k = slash; k < sh_ex.len; k++) {
        if (!sh_ex.glob[k] && strchr("*?[]\\", f[k]))
            pat[m++] = '\\';
        pat[m++] = f[k];
    }
    pat[m] = '\0';
    char *dir = slash ? strndup(f, slash) : strdup(".");
    DIR *d = opendir(dir);
    int first = sh_ex.nfields;
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' && f[slash] != '.')
                continue;
            if (!sh_match(pat, e->d_name))
                continue;
            char *path = malloc(slash + strlen(e->d_name) + 1);
            memcpy(path, f, slash);
            strcpy(path + slash, e->d_name);
            sh_ex_field(path);
        }
        closedir(d);
    }
    /* In byte order, as dash sorts them. */
    for (int i = first + 1; i < sh_ex.nfields; i++)
        for (int j = i; j > first && strcmp(sh_ex.fields[j - 1], sh_ex.fields[j]) > 0; j--) {
            char *t = sh_ex.fields[j];
            sh_ex.fields[j] = sh_ex.fields[j - 1];
            sh_ex.fields[j - 1] = t;
        }
    if (sh_ex.nfields == first)
        sh_ex_field(f);
}

static void sh_ex_end(void) {
    if (sh_ex.real) {
        if (sh_ex.globs)
            sh_ex_glob();
        else
            sh_ex_field(strndup(sh_ex.cur ? sh_ex.cur : "", sh_ex.len));
    }
    sh_ex.len = 0;
    sh_ex.real = 0;
    sh_ex.globs = 0;
}

/* The value of an expansion: split on IFS when unquoted. */
static void sh_ex_value(const char *v, int quoted) {
    if (quoted || !sh_ex.split) {
        for (; *v; v++)
            sh_ex_char(*v);
        return;
    }
    const char *ifs = sh_lookup("IFS");
    if (!ifs)
        ifs = " \t\n";
    for (; *v; v++) {
        if (*v && strchr(ifs, *v)) {
            if (!strchr(" \t\n", *v))
                sh_ex.real = 1;
            sh_ex_end();
        } else {
            sh_ex_unquoted(*v);
        }
    }
}

static int sh_run(const char *cmd);
static void sh_expand_part(const char *s, size_t n, int dq);

/* The output of a command substitution, without its trailing newlines. */
static char *sh_subst(const char *cmd) {
    int p[2];
    if (pipe(p) < 0)
        sh_fail("cannot create pipe", "");
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        sh_fail("cannot fork", "");
    if (pid == 0) {
        close(p[0]);
        if (p[1] != 1) {
            dup2(p[1], 1);
            close(p[1]);
        }
        exit(sh_run(cmd));
    }
    close(p[1]);
    size_t cap = 256, n = 0;
    char *out = malloc(cap);
    for (;;) {
        if (n + 1 >= cap)
            out = realloc(out, cap *= 2);
        ssize_t r = read(p[0], out + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(p[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    sh_subst_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    while (n > 0 && out[n - 1] == '\n')
        n--;
    out[n] = '\0';
    return out;
}

/* A word expanded into one string, without field splitting. */
static char *sh_expand_string(const char *s, size_t n) {
    ShExpansion saved = sh_ex;
    memset(&sh_ex, 0, sizeof sh_ex);
    sh_expand_part(s, n, 0);
    char *r = strndup(sh_ex.cur ? sh_ex.cur : "", sh_ex.len);
    free(sh_ex.cur);
    free(sh_ex.glob);
    sh_ex = saved;
    return r;
}

static char sh_numbuf[24];

/* A special parameter's or a positional one's value (NULL: unset); the
   name is one character, or digits. */
static const char *sh_special_value(const char *name, size_t n) {
    if (isdigit((unsigned char)name[0])) {
        int k = 0;
        for (size_t j = 0; j < n; j++)
            k = k * 10 + (name[j] - '0');
        if (k == 0)
            return sh_name;
        return k <= sh_nparam ? sh_param[k - 1] : NULL;
    }
    switch (name[0]) {
    case '$':
        snprintf(sh_numbuf, sizeof sh_numbuf, "%d", sh_pid);
        return sh_numbuf;
    case '?':
        snprintf(sh_numbuf, sizeof sh_numbuf, "%d", sh_last);
        return sh_numbuf;
    case '#':
        snprintf(sh_numbuf, sizeof sh_numbuf, "%d", sh_nparam);
        return sh_numbuf;
    case '!':
        return NULL;
    case '-':
        return "";
    }
    return NULL;
}

/* $@ and $*: the positional parameters, as fields. */
static void sh_ex_params(int star, int dq) {
    if (dq && star) {
        const char *ifs = sh_lookup("IFS");
        char sep = ifs ? ifs[0] : ' ';
        for (int k = 0; k < sh_nparam; k++) {
            if (k > 0 && sep)
                sh_ex_char(sep);
            sh_ex_value(sh_param[k], 1);
        }
        return;
    }
    for (int k = 0; k < sh_nparam; k++) {
        if (k > 0) {
            if (dq)
                sh_ex.real = 1;
            sh_ex_end();
        }
        if (dq)
            sh_ex.real = 1;
        sh_ex_value(sh_param[k], dq);
    }
}

/* ${...}: s[0..n) is what is between the braces. */
static void sh_ex_brace(const char *s, size_t n, int dq) {
    int length = 0;
    if (n > 1 && s[0] == '#') {
        length = 1;
        s++;
        n--;
    }
    size_t m = 0;
    if (n > 0 && isdigit((unsigned char)s[0])) {
        while (m < n && isdigit((unsigned char)s[m]))
            m++;
    } else if (n > 0 && strchr("$?#!@*-", s[0])) {
        m = 1;
    } else {
        while (m < n && (isalnum((unsigned char)s[m]) || s[m] == '_'))
            m++;
    }
    if (m == 0 || (length && m < n))
        sh_fail("Bad substitution", "");
    char *name = strndup(s, m);
    if (m < n && (s[m] == '#' || s[m] == '%'))
        sh_fail("the pattern forms ${NAME#...} and ${NAME%...} are not supported by ipcsim's sh", "");
    int colon = m < n && s[m] == ':';
    size_t op = m + colon;
    if (op < n && !strchr("-+=?", s[op]))
        sh_fail("Bad substitution", "");
    const char *word = s + op + 1;
    size_t wn = op < n ? n - op - 1 : 0;
    int params = name[0] == '@' || name[0] == '*';
    const char *v = params ? (sh_nparam ? "" : NULL) : sh_is_name(name, m) ? sh_lookup(name) : sh_special_value(name, m);
    if (length) {
        snprintf(sh_numbuf, sizeof sh_numbuf, "%d", params ? sh_nparam : (int)strlen(v ? v : ""));
        sh_ex_value(sh_numbuf, dq);
        return;
    }
    int set = v && (!colon || *v || (params && sh_nparam));
    if (op >= n || (s[op] != '+' && set)) {
        if (params)
            sh_ex_params(name[0] == '*', dq);
        else if (v)
            sh_ex_value(v, dq);
        return;
    }
    if (s[op] == '+') {
        if (set)
            sh_expand_part(word, wn, dq);
        return;
    }
    if (s[op] == '-') {
        sh_expand_part(word, wn, dq);
        return;
    }
    char *w = sh_expand_string(word, wn);
    if (s[op] == '?') {
        fflush(stdout);
        if (wn)
            fprintf(stderr, "%s: 1: %s: %s\n", sh_name, name, w);
        else
            fprintf(stderr, "%s: 1: %s: parameter not set%s\n", sh_name, name, colon ? " or null" : "");
        exit(2);
    }
    if (!sh_is_name(name, m)) {
        fflush(stdout);
        fprintf(stderr, "%s: 1: %s: bad variable name\n", sh_name, s);
        exit(2);
    }
    sh_assign(name, w);
    sh_ex_value(w, dq);
}

/* The $ expansion at s[0] (s[0..n) the rest of the part); its length. */
static size_t sh_ex_dollar(const char *s, size_t n, int dq) {
    if (n > 2 && s[1] == '(' && s[2] == '(')
        sh_fail("arithmetic $((...)) is not supported by ipcsim's sh", "");
    if (n > 1 && s[1] == '(') {
        size_t e = sh_skip_paren(s, 2);
        char *body = strndup(s + 2, e - 3);
        sh_ex_value(sh_subst(body), dq);
        return e;
    }
    if (n > 1 && s[1] == '{') {
        size_t e = sh_skip_brace(s, 2);
        sh_ex_brace(s + 2, e - 3, dq);
        return e;
    }
    if (n > 1 && (isalpha((unsigned char)s[1]) || s[1] == '_')) {
        size_t m = 1;
        while (m < n && (isalnum((unsigned char)s[m]) || s[m] == '_'))
            m++;
        char *name = strndup(s + 1, m - 1);
        const char *v = sh_lookup(name);
        if (v)
            sh_ex_value(v, dq);
        return m;
    }
    if (n > 1 && (s[1] == '@' || s[1] == '*')) {
        sh_ex_params(s[1] == '*', dq);
        return 2;
    }
    if (n > 1 && (isdigit((unsigned char)s[1]) || strchr("$?#!-", s[1]))) {
        const char *v = sh_special_value(s + 1, 1);
        if (v)
            sh_ex_value(v, dq);
        return 2;
    }
    sh_ex_char('$');
    return 1;
}

/* Expands s[0..n), inside double quotes if DQ. */
static void sh_expand_part(const char *s, size_t n, int dq) {
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && i + 1 < n) {
            if (s[i + 1] == '\n') {
                i += 2;
                continue;
            }
            if (dq && !strchr("$`\"\\", s[i + 1]))
                sh_ex_char('\\');
            sh_ex_char(s[i + 1]);
            i += 2;
        } else if (c == '\'' && !dq) {
            size_t e = sh_skip_squote(s, i + 1);
            sh_ex.real = 1;
            for (i++; i + 1 < e; i++)
                sh_ex_char(s[i]);
            i = e;
        } else if (c == '"' && !dq) {
            size_t e = sh_skip_dquote(s, i + 1);
            /* "$@" with no parameters is no field at all. */
            int at = (e - i == 4 && strncmp(s + i, "\"$@\"", 4) == 0) ||
                     (e - i == 6 && strncmp(s + i, "\"${@}\"", 6) == 0);
            if (!at || sh_nparam > 0)
                sh_ex.real = 1;
            sh_expand_part(s + i + 1, e - i - 2, 1);
            i = e;
        } else if (c == '`') {
            size_t e = sh_skip_backq(s, i + 1);
            char *body = malloc(e - i);
            size_t m = 0;
            for (size_t j = i + 1; j + 1 < e; j++) {
                if (s[j] == '\\' && strchr("$`\\", s[j + 1]))
                    j++;
                body[m++] = s[j];
            }
            body[m] = '\0';
            sh_ex_value(sh_subst(body), dq);
            i = e;
        } else if (c == '$') {
            i += sh_ex_dollar(s + i, n - i, dq);
        } else if (c == '~' && i == 0 && !dq && sh_ex.split && (n == 1 || s[1] == '/')) {
            const char *home = sh_lookup("HOME");
            sh_ex_value(home ? home : "~", 1);
            i++;
        } else {
            if (dq)
                sh_ex_char(c);
            else
                sh_ex_unquoted(c);
            i++;
        }
    }
}

/* A word's fields, appended to argv[*argc] (at most SH_ARGS - 1). */
static void sh_expand_fields(const char *w, char **argv, int *argc) {
    ShExpansion saved = sh_ex;
    memset(&sh_ex, 0, sizeof sh_ex);
    sh_ex.split = 1;
    sh_expand_part(w, strlen(w), 0);
    sh_ex_end();
    for (int k = 0; k < sh_ex.nfields; k++) {
        if (*argc >= SH_ARGS - 1)
            sh_fail("too many arguments", "");
        argv[(*argc)++] = sh_ex.fields[k];
    }
    free(sh_ex.cur);
    free(sh_ex.glob);
    sh_ex = saved;
}

/* The length of the name of an assignment word NAME=..., or 0. */
static size_t sh_assignment(const char *w) {
    const char *eq = strchr(w, '=');
    return eq && sh_is_name(w, eq - w) ? (size_t)(eq - w) : 0;
}
/* A redirection at s[*i] (after an optional descriptor digit). */
static void sh_redir(const char *s, size_t *i, int fd) {
    int op = s[(*i)++];
    if (op == '>' && s[*i] == '>') {
        op = 'a';
        (*i)++;
    }
    sh_push(T_REDIR, NULL);
    sh_fd[sh_ntok - 1] = fd >= 0 ? fd : (op == '<' ? 0 : 1);
    sh_op[sh_ntok - 1] = op;
    if (s[*i] == '&' && isdigit((unsigned char)s[*i + 1])) {
        sh_dup[sh_ntok - 1] = s[*i + 1] - '0';
        *i += 2;
    }
}

static void sh_lex(const char *s) {
    size_t i = 0;
    while (s[i]) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            i++;
        } else if (c == '#') {
            while (s[i] && s[i] != '\n')
                i++;
        } else if (c == '|' || c == '&') {
            int twice = s[i + 1] == c;
            if (c == '&' && !twice)
                sh_fail("background jobs (&) are not supported by ipcsim's sh", "");
            sh_push(c == '|' ? (twice ? T_OR : T_PIPE) : T_AND, NULL);
            i += twice ? 2 : 1;
        } else if (c == ';') {
            sh_push(T_SEMI, NULL);
            i++;
        } else if (c == '<' || c == '>') {
            sh_redir(s, &i, -1);
        } else if (isdigit((unsigned char)c) && (s[i + 1] == '<' || s[i + 1] == '>')) {
            i++;
            sh_redir(s, &i, c - '0');
        } else {
            sh_push(T_WORD, sh_word(s, &i));
        }
    }
}

/* dash's checks of a list: an operator at the start or after another
   ("Syntax error: "|" unexpected"), or a list ending in |, &&, || or a
   redirection ("end of file unexpected"); status 2. */
static void sh_check(void) {
    static const char *ops[] = {"", "|", ";", "&&", "||"};
    /* A compound command's reserved word where a command starts: refused
       plainly, not run as a program named `for` (ENOENT, status 127). */
    static const char *reserved[] = {"if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done",
                                     "case", "esac", "{", "}", "!", "in", "function", "select"};
    for (int k = 0; k < sh_ntok; k++) {
        int kind = sh_kind[k];
        int starts = k == 0 || (sh_kind[k - 1] != T_WORD && sh_kind[k - 1] != T_REDIR);
        if (kind == T_WORD && starts) {
            for (size_t r = 0; r < sizeof reserved / sizeof reserved[0]; r++)
                if (strcmp(sh_text[k], reserved[r]) == 0)
                    sh_fail("compound commands (if, for, while, until, case, { ... }) are not supported by ipcsim's sh: ", sh_text[k]);
        }
        if (kind == T_WORD || kind == T_REDIR)
            continue;
        int prev = k == 0 ? -1 : sh_kind[k - 1];
        if (prev == -1 || (prev != T_WORD && !(prev == T_REDIR && sh_dup[k - 1] >= 0))) {
            int two = kind == T_SEMI && k + 1 < sh_ntok && sh_kind[k + 1] == T_SEMI;
            fprintf(stderr, "%s: 1: Syntax error: \"%s\" unexpected\n", sh_name, two ? ";;" : ops[kind]);
            exit(2);
        }
    }
    int last = sh_ntok ? sh_kind[sh_ntok - 1] : T_SEMI;
    if (last == T_PIPE || last == T_AND || last == T_OR || (last == T_REDIR && sh_dup[sh_ntok - 1] < 0)) {
        fprintf(stderr, "%s: 1: Syntax error: end of file unexpected\n", sh_name);
        exit(2);
    }
}

/* dash's exit status of `exit ARG`: a decimal number, else "Illegal
   number" and status 2. */
static int sh_exit_status(const char *arg) {
    int v = 0;
    for (const char *c = arg; *c; c++) {
        if (!isdigit((unsigned char)*c) || v > 100000000) {
            fprintf(stderr, "%s: 1: exit: Illegal number: %s\n", sh_name, arg);
            return 2;
        }
        v = v * 10 + (*c - '0');
    }
    return *arg ? v & 255 : 0;
}

/* dash's echo: -n first, backslash escapes, \c ends the output. */
static int sh_echo(char **argv) {
    int i = 1, newline = 1;
    if (argv[1] && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        i = 2;
    }
    for (int first = i; argv[i]; i++) {
        if (i > first)
            putchar(' ');
        for (const char *p = argv[i]; *p; p++) {
            if (*p != '\\' || !p[1]) {
                putchar(*p);
                continue;
            }
            p++;
            const char *from = "abfnrtv\\";
            const char *to = "\a\b\f\n\r\t\v\\";
            if (*p == 'c') {
                fflush(stdout);
                return 0;
            } else if (strchr(from, *p)) {
                putchar(to[strchr(from, *p) - from]);
            } else if (*p == '0') {
                int v = 0;
                for (int k = 0; k < 3 && p[1] >= '0' && p[1] <= '7'; k++)
                    v = v * 8 + (*++p - '0');
                putchar(v);
            } else {
                putchar('\\');
                putchar(*p);
            }
        }
    }
    if (newline)
        putchar('\n');
    fflush(stdout);
    return 0;
}

/* dash's name of signal N (1..64): the number for those without one. */
static const char *sh_signame(int n) {
    static const char *names[] = {"HUP",  "INT",  "QUIT", "ILL",  "TRAP", "ABRT", "BUS",  "FPE",   "KILL",   "USR1",
                                  "SEGV", "USR2", "PIPE", "ALRM", "TERM", "16",   "CHLD", "CONT",  "STOP",   "TSTP",
                                  "TTIN", "TTOU", "URG",  "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR",
                                  "SYS",  "32",   "33"};
    static char buf[16];
    if (n <= 33)
        return names[n - 1];
    if (n == 34)
        return "RTMIN";
    if (n == 64)
        return "RTMAX";
    if (n < 50)
        snprintf(buf, sizeof buf, "RTMIN+%d", n - 34);
    else
        snprintf(buf, sizeof buf, "RTMAX-%d", 64 - n);
    return buf;
}

/* A signal by number (below 65) or dash's name; -1 if none. */
static int sh_signum(const char *s) {
    if (*s && strspn(s, "0123456789") == strlen(s)) {
        int v = strlen(s) > 3 ? 65 : atoi(s);
        return v < 65 ? v : -1;
    }
    for (int n = 1; n < 65; n++)
        if (strcmp(s, sh_signame(n)) == 0)
            return n;
    return -1;
}

/* A builtin's error: dash's message and status 2. */
static int sh_builtin_error(const char *builtin, const char *msg, const char *what) {
    fflush(stdout);
    fprintf(stderr, "%s: 1: %s: %s%s\n", sh_name, builtin, msg, what);
    return 2;
}

/* A decimal number for a builtin, or -1 after "Illegal number". */
static int sh_number(const char *builtin, const char *s) {
    if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9) {
        sh_builtin_error(builtin, "Illegal number: ", s);
        return -1;
    }
    return atoi(s);
}

/* dash's kill: kill [-s SIG | -SIG | -N] PID..., kill -l [STATUS]. */
static int sh_kill(char **argv) {
    int sig = SIGTERM, list = 0, i = 1;
    if (argv[1] && argv[1][0] == '-' && sh_signum(argv[1] + 1) >= 0) {
        sig = sh_signum(argv[1] + 1);
        i = 2;
    } else {
        /* dash's options: -l and -s SIG, then "--" or the first operand. */
        while (argv[i] && argv[i][0] == '-' && argv[i][1]) {
            if (strcmp(argv[i], "--") == 0) {
                i++;
                break;
            }
            const char *o = argv[i++] + 1;
            for (; *o; o++) {
                if (*o == 'l') {
                    list = 1;
                } else if (*o == 's') {
                    const char *a = o[1] ? o + 1 : argv[i++];
                    if (!a)
                        return sh_builtin_error("kill", "No arg for -s option", "");
                    sig = sh_signum(a);
                    if (sig < 0)
                        return sh_builtin_error("kill", "invalid signal number or name: ", a);
                    break;
                } else {
                    char opt[3] = {'-', *o, 0};
                    return sh_builtin_error("kill", "Illegal option ", opt);
                }
            }
        }
    }
    if (list) {
        if (!argv[i]) {
            /* dash's list starts with 0, as a number. */
            printf("0\n");
            for (int n = 1; n < 65; n++)
                printf("%s\n", sh_signame(n));
            fflush(stdout);
            return 0;
        }
        int n = sh_number("kill", argv[i]);
        if (n < 0)
            return 2;
        if (n > 128)
            n -= 128;
        if (n <= 0 || n >= 65)
            return sh_builtin_error("kill", "invalid signal number or exit status: ", argv[i]);
        printf("%s\n", sh_signame(n));
        fflush(stdout);
        return 0;
    }
    if (!argv[i])
        return sh_builtin_error("kill",
                                "Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]",
                                "");
    int status = 0;
    for (; argv[i]; i++) {
        const char *a = argv[i];
        if (a[0] == '%')
            return sh_builtin_error("kill", "jobs (%N) are not supported by ipcsim's sh", "");
        int pid = sh_number("kill", a[0] == '-' ? a + 1 : a);
        if (pid < 0)
            return 2;
        if (kill(a[0] == '-' ? -pid : pid, sig) != 0) {
            fflush(stdout);
            fprintf(stderr, "%s: 1: kill: %s\n\n", sh_name, strerror(errno));
            status = 1;
        }
    }
    return status;
}

/* export NAME[=VALUE]... and unset NAME... */
static int sh_export_unset(char **argv, int unset) {
    for (int i = 1; argv[i]; i++) {
        size_t n = sh_assignment(argv[i]);
        const char *eq = strchr(argv[i], '=');
        if (unset || !eq) {
            if (!sh_is_name(argv[i], strlen(argv[i])))
                return sh_builtin_error(argv[0], "bad variable name: ", argv[i]);
            if (unset)
                sh_unset(argv[i]);
            else
                sh_export(argv[i], NULL);
        } else {
            if (!n)
                return sh_builtin_error(argv[0], "bad variable name: ", argv[i]);
            char *name = strndup(argv[i], n);
            sh_export(name, eq + 1);
        }
    }
    if (!argv[1] && !unset)
        sh_fail("export without operands is not supported by ipcsim's sh", "");
    return 0;
}

/* test and [: dash's expression grammar (! ( ) -a -o, unary file and
   string tests, binary string and integer comparisons), read by
   recursive descent over the words sh_t_arg[sh_t_pos..sh_t_n). An error
   is dash's message and status 2. */
static char **sh_t_arg;
static int sh_t_pos, sh_t_n, sh_t_err;
static const char *sh_t_name;

static int sh_t_fail(const char *msg, const char *what) {
    if (!sh_t_err)
        sh_builtin_error(sh_t_name, msg, what);
    sh_t_err = 1;
    return 0;
}

static int sh_t_is(const char *w, const char *const *set) {
    for (int k = 0; set[k]; k++)
        if (strcmp(w, set[k]) == 0)
            return 1;
    return 0;
}

static const char *const sh_t_unary[] = {"-n", "-z", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-p", "-S",
                                         "-L", "-h", "-b", "-c", "-t", NULL};
static const char *const sh_t_binary[] = {"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL};

/* An integer operand as dash reads it (blanks around, a sign), or an
   "Illegal number" error. */
static long long sh_t_number(const char *s) {
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end;
    errno = 0;
    long long v = strtoll(p, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == p || *end || errno) {
        sh_t_fail("Illegal number: ", s);
        return 0;
    }
    return v;
}

static int sh_t_unary_op(const char *op, const char *a) {
    struct stat st;
    if (strcmp(op, "-n") == 0)
        return *a != 0;
    if (strcmp(op, "-z") == 0)
        return *a == 0;
    if (strcmp(op, "-t") == 0)
        return isatty(atoi(a));
    if (strcmp(op, "-r") == 0 || strcmp(op, "-w") == 0 || strcmp(op, "-x") == 0)
        return access(a, op[1] == 'r' ? R_OK : op[1] == 'w' ? W_OK : X_OK) == 0;
    if ((op[1] == 'L' || op[1] == 'h') ? lstat(a, &st) != 0 : stat(a, &st) != 0)
        return 0;
    switch (op[1]) {
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 's': return st.st_size > 0;
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 'L': case 'h': return (st.st_mode & 0170000) == 0120000;
    case 'b': return (st.st_mode & 0170000) == 060000;
    case 'c': return S_ISCHR(st.st_mode);
    default: return 1; /* -e */
    }
}

static int sh_t_binary_op(const char *a, const char *op, const char *b) {
    if (op[0] != '-') {
        int c = strcmp(a, b);
        return op[0] == '=' ? c == 0 : op[0] == '!' ? c != 0 : op[0] == '<' ? c < 0 : c > 0;
    }
    long long x = sh_t_number(a), y = sh_t_number(b);
    switch (op[1] * 256 + op[2]) {
    case 'e' * 256 + 'q': return x == y;
    case 'n' * 256 + 'e': return x != y;
    case 'l' * 256 + 't': return x < y;
    case 'l' * 256 + 'e': return x <= y;
    case 'g' * 256 + 't': return x > y;
    default: return x >= y;
    }
}

static int sh_t_or(void);

static int sh_t_primary(void) {
    int left = sh_t_n - sh_t_pos;
    if (left <= 0)
        return sh_t_fail("argument expected", "");
    char **w = sh_t_arg + sh_t_pos;
    if (left >= 3 && sh_t_is(w[1], sh_t_binary)) {
        sh_t_pos += 3;
        return sh_t_binary_op(w[0], w[1], w[2]);
    }
    if (strcmp(w[0], "!") == 0 && left >= 2) {
        sh_t_pos++;
        return !sh_t_primary();
    }
    if (strcmp(w[0], "(") == 0 && left >= 2) {
        sh_t_pos++;
        int v = sh_t_or();
        if (sh_t_pos >= sh_t_n || strcmp(sh_t_arg[sh_t_pos], ")") != 0)
            return sh_t_fail("closing paren expected", "");
        sh_t_pos++;
        return v;
    }
    if (left >= 2 && sh_t_is(w[0], sh_t_unary)) {
        sh_t_pos += 2;
        return sh_t_unary_op(w[0], w[1]);
    }
    if (left == 2 && strcmp(w[1], "-a") != 0 && strcmp(w[1], "-o") != 0)
        return sh_t_fail(w[0], ": unexpected operator");
    sh_t_pos++;
    return *w[0] != 0;
}

static int sh_t_and(void) {
    int v = sh_t_primary();
    while (sh_t_pos < sh_t_n && strcmp(sh_t_arg[sh_t_pos], "-a") == 0) {
        sh_t_pos++;
        v = sh_t_primary() && v;
    }
    return v;
}

static int sh_t_or(void) {
    int v = sh_t_and();
    while (sh_t_pos < sh_t_n && strcmp(sh_t_arg[sh_t_pos], "-o") == 0) {
        sh_t_pos++;
        v = sh_t_and() || v;
    }
    return v;
}

static int sh_test(char **argv) {
    int argc = 0;
    while (argv[argc])
        argc++;
    sh_t_name = argv[0];
    if (strcmp(argv[0], "[") == 0) {
        if (strcmp(argv[argc - 1], "]") != 0)
            return sh_builtin_error("[", "missing ]", "");
        argc--;
    }
    sh_t_arg = argv + 1;
    sh_t_n = argc - 1;
    sh_t_pos = 0;
    sh_t_err = 0;
    if (sh_t_n == 0)
        return 1;
    int v = sh_t_or();
    if (!sh_t_err && sh_t_pos < sh_t_n)
        sh_t_fail(sh_t_arg[sh_t_pos], ": unexpected operator");
    return sh_t_err ? 2 : !v;
}

static const char *sh_builtins[] = {"echo", "true", ":", "false", "exit", "kill", "export", "unset", "test", "[", NULL};

/* Whether a command is a builtin: 2 for a special one (its assignments
   stay), 1 for another, 0 for none. */
static int sh_is_builtin(const char *n) {
    for (int k = 0; sh_builtins[k]; k++)
        if (strcmp(n, sh_builtins[k]) == 0)
            return strcmp(n, ":") == 0 || strcmp(n, "exit") == 0 || strcmp(n, "export") == 0 ||
                           strcmp(n, "unset") == 0
                       ? 2
                       : 1;
    return 0;
}

/* A builtin's status. */
static int sh_builtin(char **argv) {
    if (strcmp(argv[0], "echo") == 0)
        return sh_echo(argv);
    if (strcmp(argv[0], "true") == 0 || strcmp(argv[0], ":") == 0)
        return 0;
    if (strcmp(argv[0], "false") == 0)
        return 1;
    if (strcmp(argv[0], "kill") == 0)
        return sh_kill(argv);
    if (strcmp(argv[0], "test") == 0 || strcmp(argv[0], "[") == 0)
        return sh_test(argv);
    if (strcmp(argv[0], "export") == 0 || strcmp(argv[0], "unset") == 0)
        return sh_export_unset(argv, argv[0][0] == 'u');
    fflush(stdout);
    exit(argv[1] ? sh_exit_status(argv[1]) : sh_last);
    return 0;
}

/* Applies the redirections of tokens [from, to); 0, or 2 after dash's
   message for a file that does not open. SAVED (for a builtin run in the
   shell): each redirected descriptor's copy, to restore after it. */
static int sh_redirect(int from, int to, int *saved) {
    for (int k = from; k < to; k++) {
        if (sh_kind[k] != T_REDIR)
            continue;
        int src;
        if (saved && saved[sh_fd[k]] == -2)
            saved[sh_fd[k]] = dup2(sh_fd[k], 10 + sh_fd[k]);
        if (sh_dup[k] >= 0) {
            src = sh_dup[k];
        } else {
            if (k + 1 >= to || sh_kind[k + 1] != T_WORD)
                sh_fail("Syntax error: newline unexpected", "");
            char *path = sh_expand_string(sh_text[k + 1], strlen(sh_text[k + 1]));
            int flags = sh_op[k] == '<' ? O_RDONLY : O_WRONLY | O_CREAT | (sh_op[k] == 'a' ? O_APPEND : O_TRUNC);
            src = open(path, flags, 0666);
            if (src < 0) {
                fflush(stdout);
                fprintf(stderr, "%s: 1: cannot %s %s: %s\n", sh_name, sh_op[k] == '<' ? "open" : "create", path,
                        errno == ENOENT ? "No such file" : strerror(errno));
                return 2;
            }
        }
        if (src != sh_fd[k]) {
            dup2(src, sh_fd[k]);
            if (sh_dup[k] < 0)
                close(src);
        }
    }
    return 0;
}

/* Puts back the descriptors sh_redirect saved. */
static void sh_restore(int *saved) {
    fflush(stdout);
    for (int fd = 0; fd < 10; fd++) {
        if (saved[fd] == -2)
            continue;
        if (saved[fd] >= 0) {
            dup2(saved[fd], fd);
            close(saved[fd]);
        } else {
            close(fd);
        }
    }
}

/* The shell's status for a wait status: the exit code, or 128 + the
   signal. */
static int sh_status(int st) {
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs the simple command in tokens [from, to): its status. A builtin or
   assignments run in the shell itself; another command in a child, or,
   IN_CHILD (a pipeline's member), in this process, which it replaces. */
static int sh_simple(int from, int to, int in_child) {
    char *argv[SH_ARGS], *assign[SH_ARGS];
    int argc = 0, nassign = 0;
    sh_subst_status = -1;
    for (int k = from; k < to; k++) {
        if (sh_kind[k] == T_REDIR) {
            k += sh_dup[k] < 0;
        } else if (sh_kind[k] == T_WORD) {
            size_t n = argc == 0 ? sh_assignment(sh_text[k]) : 0;
            if (n) {
                char *v = sh_expand_string(sh_text[k] + n + 1, strlen(sh_text[k] + n + 1));
                char *a = malloc(n + strlen(v) + 2);
                memcpy(a, sh_text[k], n + 1);
                strcpy(a + n + 1, v);
                assign[nassign++] = a;
            } else {
                sh_expand_fields(sh_text[k], argv, &argc);
            }
        }
    }
    argv[argc] = NULL;
    int builtin = argc ? sh_is_builtin(argv[0]) : 2;
    if (builtin) {
        if (builtin == 2)
            for (int j = 0; j < nassign; j++) {
                char *eq = strchr(assign[j], '=');
                *eq = '\0';
                sh_assign(assign[j], eq + 1);
                *eq = '=';
            }
        int saved[10];
        for (int fd = 0; fd < 10; fd++)
            saved[fd] = -2;
        int status = sh_redirect(from, to, saved);
        if (status == 0)
            status = argc ? sh_builtin(argv) : sh_subst_status >= 0 ? sh_subst_status : 0;
        sh_restore(saved);
        return status;
    }
    if (!in_child) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0)
            sh_fail("cannot fork", "");
        if (pid > 0) {
            int st;
            while (waitpid(pid, &st, 0) < 0)
                if (errno != EINTR)
                    return 127;
            return sh_status(st);
        }
    }
    for (int j = 0; j < nassign; j++) {
        char *eq = strchr(assign[j], '=');
        *eq = '\0';
        setenv(assign[j], eq + 1, 1);
    }
    if (sh_redirect(from, to, NULL))
        exit(2);
    execvp(argv[0], argv);
    fflush(stdout);
    fprintf(stderr, "%s: 1: %s: not found\n", sh_name, argv[0]);
    exit(127);
    return 127;
}

/* Runs the pipeline in tokens [from, to); its status. */
static int sh_pipeline(int from, int to) {
    int single = 1;
    for (int k = from; k < to; k++)
        if (sh_kind[k] == T_PIPE)
            single = 0;
    if (single)
        return sh_simple(from, to, 0);
    int in = -1, last = 0;
    pid_t lastpid = -1;
    int start = from;
    for (int k = from; k <= to; k++) {
        if (k < to && sh_kind[k] != T_PIPE)
            continue;
        int p[2] = {-1, -1};
        if (k < to && pipe(p) < 0)
            sh_fail("cannot create pipe", "");
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            if (in >= 0) {
                dup2(in, 0);
                close(in);
            }
            if (p[1] >= 0) {
                dup2(p[1], 1);
                close(p[1]);
                close(p[0]);
            }
            int st = sh_simple(start, k, 1);
            fflush(stdout);
            exit(st);
        }
        if (in >= 0)
            close(in);
        if (p[1] >= 0)
            close(p[1]);
        in = p[0];
        lastpid = pid;
        start = k + 1;
    }
    int st;
    pid_t w;
    while ((w = wait(&st)) > 0)
        if (w == lastpid)
            last = sh_status(st);
    return last;
}

/* Runs a command string: its status. */
static int sh_run(const char *cmd) {
    sh_ntok = 0;
    sh_lex(cmd);
    sh_check();
    int from = 0, skip = 0;
    for (int k = 0; k <= sh_ntok; k++) {
        if (k < sh_ntok && sh_kind[k] != T_SEMI && sh_kind[k] != T_AND && sh_kind[k] != T_OR)
            continue;
        if (!skip && k > from)
            sh_last = sh_pipeline(from, k);
        if (k < sh_ntok)
            skip = (sh_kind[k] == T_AND && sh_last != 0) || (sh_kind[k] == T_OR && sh_last == 0);
        from = k + 1;
    }
    return sh_last;
}

int main(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "-c") != 0) {
        fprintf(stderr, "sh: ipcsim's sh runs only `sh -c COMMAND`\n");
        return 2;
    }
    if (argc > 3) {
        sh_name = argv[3];
        sh_param = argv + 4;
        sh_nparam = argc - 4;
    }
    sh_pid = getpid();
    snprintf(sh_numbuf, sizeof sh_numbuf, "%d", getppid());
    sh_assign("PPID", sh_numbuf);
    sh_assign("IFS", " \t\n");
    sh_assign("OPTIND", "1");
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) {
        const char *pwd = getenv("PWD");
        if (!pwd || strcmp(pwd, cwd) != 0)
            setenv("PWD", cwd, 1);
    }
    return sh_run(argv[2]);
}
