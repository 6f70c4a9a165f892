/* sh -c COMMAND: the shell that popen and system run, behaving as
   Debian's dash on the commands course programs give them: words with
   quotes and backslashes, pipelines, lists with ; && ||, redirections
   < > >> and a descriptor before them (2> 2>&1), comments, and dash's
   builtins echo (escapes interpreted), true, false, : and exit. Every
   command runs in a child, as Debian 12's dash (0.5.12) runs even a
   single one: a command killed by a signal makes the shell exit with
   128 + the signal. Not supported: variables and other expansions,
   globbing, background jobs (refused with a message). */

#define SH_TOKENS 512
#define SH_ARGS 128

enum { T_WORD, T_PIPE, T_SEMI, T_AND, T_OR, T_REDIR };

static int sh_kind[SH_TOKENS];
static char *sh_text[SH_TOKENS];
/* For T_REDIR: the descriptor, the operator ('<', '>', 'a' for >>), and
   the target descriptor of >&N (or -1: a file in the next word). */
static int sh_fd[SH_TOKENS], sh_op[SH_TOKENS], sh_dup[SH_TOKENS];
static int sh_ntok;

static void sh_fail(const char *msg, const char *what) {
    fprintf(stderr, "sh: 1: %s%s\n", msg, what);
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

/* One word from s[*i]: quotes and backslashes removed. */
static char *sh_word(const char *s, size_t *i) {
    char *w = malloc(strlen(s) + 1);
    size_t n = 0;
    while (s[*i] && !strchr(" \t\n|;&<>", s[*i])) {
        char c = s[(*i)++];
        if ((c == '$' || c == '`') && s[*i]) {
            sh_fail("variables, $(...) and `...` are not expanded by ipcsim's sh", "");
        } else if (c == '*' || c == '?' || c == '[') {
            sh_fail("globs (* ? [) are not expanded by ipcsim's sh", "");
        } else if (c == '\'') {
            while (s[*i] && s[*i] != '\'')
                w[n++] = s[(*i)++];
            if (!s[*i])
                sh_fail("Syntax error: Unterminated quoted string", "");
            (*i)++;
        } else if (c == '"') {
            while (s[*i] && s[*i] != '"') {
                if (s[*i] == '$' || s[*i] == '`')
                    sh_fail("variables, $(...) and `...` are not expanded by ipcsim's sh", "");
                if (s[*i] == '\\' && s[*i + 1] && strchr("$`\"\\", s[*i + 1]))
                    (*i)++;
                w[n++] = s[(*i)++];
            }
            if (!s[*i])
                sh_fail("Syntax error: Unterminated quoted string", "");
            (*i)++;
        } else if (c == '\\' && s[*i]) {
            w[n++] = s[(*i)++];
        } else {
            w[n++] = c;
        }
    }
    w[n] = '\0';
    return w;
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
    for (int k = 0; k < sh_ntok; k++) {
        int kind = sh_kind[k];
        if (kind == T_WORD || kind == T_REDIR)
            continue;
        int prev = k == 0 ? -1 : sh_kind[k - 1];
        if (prev == -1 || (prev != T_WORD && !(prev == T_REDIR && sh_dup[k - 1] >= 0))) {
            int two = kind == T_SEMI && k + 1 < sh_ntok && sh_kind[k + 1] == T_SEMI;
            fprintf(stderr, "sh: 1: Syntax error: \"%s\" unexpected\n", two ? ";;" : ops[kind]);
            exit(2);
        }
    }
    int last = sh_ntok ? sh_kind[sh_ntok - 1] : T_SEMI;
    if (last == T_PIPE || last == T_AND || last == T_OR || (last == T_REDIR && sh_dup[sh_ntok - 1] < 0)) {
        fprintf(stderr, "sh: 1: Syntax error: end of file unexpected\n");
        exit(2);
    }
}

/* dash's exit status of `exit ARG`: a decimal number, else "Illegal
   number" and status 2. */
static int sh_exit_status(const char *arg) {
    int v = 0;
    for (const char *c = arg; *c; c++) {
        if (!isdigit((unsigned char)*c) || v > 100000000) {
            fprintf(stderr, "sh: 1: exit: Illegal number: %s\n", arg);
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

/* A builtin's status, or -1 if argv[0] is none. */
static int sh_builtin(char **argv) {
    if (strcmp(argv[0], "echo") == 0)
        return sh_echo(argv);
    if (strcmp(argv[0], "true") == 0 || strcmp(argv[0], ":") == 0)
        return 0;
    if (strcmp(argv[0], "false") == 0)
        return 1;
    if (strcmp(argv[0], "exit") == 0) {
        fflush(stdout);
        exit(argv[1] ? sh_exit_status(argv[1]) : 0);
    }
    return -1;
}

/* Applies the redirections of tokens [from, to); 0, or 2 after dash's
   message for a file that does not open. */
static int sh_redirect(int from, int to) {
    for (int k = from; k < to; k++) {
        if (sh_kind[k] != T_REDIR)
            continue;
        int src;
        if (sh_dup[k] >= 0) {
            src = sh_dup[k];
        } else {
            if (k + 1 >= to || sh_kind[k + 1] != T_WORD)
                sh_fail("Syntax error: newline unexpected", "");
            const char *path = sh_text[k + 1];
            int flags = sh_op[k] == '<' ? O_RDONLY : O_WRONLY | O_CREAT | (sh_op[k] == 'a' ? O_APPEND : O_TRUNC);
            src = open(path, flags, 0666);
            if (src < 0) {
                fprintf(stderr, "sh: 1: cannot %s %s: %s\n", sh_op[k] == '<' ? "open" : "create", path,
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

/* Runs the simple command in tokens [from, to) in this process: never
   returns. */
static void sh_exec(int from, int to) {
    char *argv[SH_ARGS];
    int argc = 0;
    for (int k = from; k < to; k++) {
        if (sh_kind[k] == T_REDIR && sh_dup[k] < 0) {
            k++;
        } else if (sh_kind[k] == T_WORD && argc < SH_ARGS - 1) {
            argv[argc++] = sh_text[k];
        }
    }
    argv[argc] = NULL;
    if (sh_redirect(from, to))
        exit(2);
    if (argc == 0)
        exit(0);
    int b = sh_builtin(argv);
    if (b >= 0)
        exit(b);
    execvp(argv[0], argv);
    fprintf(stderr, "sh: 1: %s: not found\n", argv[0]);
    exit(127);
}

/* The shell's status for a wait status: the exit code, or 128 + the
   signal. */
static int sh_status(int st) {
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs the pipeline in tokens [from, to); its status. */
static int sh_pipeline(int from, int to) {
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
            sh_exec(start, k);
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

/* Whether tokens [from, to) are one command that is a builtin without
   redirections: it runs in the shell itself. */
static int sh_inline_builtin(int from, int to) {
    if (from >= to || sh_kind[from] != T_WORD)
        return 0;
    for (int k = from; k < to; k++)
        if (sh_kind[k] != T_WORD)
            return 0;
    const char *n = sh_text[from];
    return strcmp(n, "echo") == 0 || strcmp(n, "true") == 0 || strcmp(n, "false") == 0 || strcmp(n, ":") == 0 ||
           strcmp(n, "exit") == 0;
}

int main(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "-c") != 0) {
        fprintf(stderr, "sh: ipcsim's sh runs only `sh -c COMMAND`\n");
        return 2;
    }
    sh_lex(argv[2]);
    sh_check();
    int status = 0, from = 0, skip = 0;
    for (int k = 0; k <= sh_ntok; k++) {
        if (k < sh_ntok && sh_kind[k] != T_SEMI && sh_kind[k] != T_AND && sh_kind[k] != T_OR)
            continue;
        if (!skip && k > from) {
            char *args[SH_ARGS];
            if (sh_inline_builtin(from, k)) {
                int n = 0;
                for (int j = from; j < k && n < SH_ARGS - 1; j++)
                    args[n++] = sh_text[j];
                args[n] = NULL;
                status = sh_builtin(args);
            } else {
                status = sh_pipeline(from, k);
            }
        }
        if (k < sh_ntok)
            skip = (sh_kind[k] == T_AND && status != 0) || (sh_kind[k] == T_OR && status == 0);
        from = k + 1;
    }
    return status;
}
