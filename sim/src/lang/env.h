/* stdlib.h's environment routines, as glibc's: the environment is the
   array `environ` points to, in the process's own memory (so fork copies
   it and exec passes it on), of "NAME=VALUE" strings. setenv copies its
   strings to the heap and, to add one, moves the array to the heap;
   putenv puts the caller's own string in; neither frees what it replaces
   (glibc keeps them too, as a program may still hold them). Compiled
   only into a program that names them (lang::compile_here). */
char *getenv(const char *name);
char *secure_getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);
int clearenv(void);

/* The environment's entry for NAME (N bytes, no '=' in it), or NULL. */
static char **__ipcsim_env_find(const char *name, size_t n) {
    if (environ == NULL)
        return NULL;
    for (char **e = environ; *e != NULL; e++)
        if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
            return e;
    return NULL;
}

/* The array setenv and putenv made (NULL: the one exec gave). */
static char **__ipcsim_env_ours;

/* Appends STRING at the end of the environment, in a new array. */
static int __ipcsim_env_append(char *string) {
    size_t n = 0;
    while (environ != NULL && environ[n] != NULL)
        n++;
    char **grown = malloc((n + 2) * sizeof *grown);
    if (grown == NULL)
        return -1;
    for (size_t k = 0; k < n; k++)
        grown[k] = environ[k];
    grown[n] = string;
    grown[n + 1] = NULL;
    if (__ipcsim_env_ours != NULL && __ipcsim_env_ours == environ)
        free(__ipcsim_env_ours);
    environ = __ipcsim_env_ours = grown;
    return 0;
}

static int __ipcsim_env_bad_name(const char *name) {
    if (name == NULL || *name == 0 || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

char *getenv(const char *name) {
    size_t n = strlen(name);
    char **e = __ipcsim_env_find(name, n);
    return e == NULL ? NULL : *e + n + 1;
}

char *secure_getenv(const char *name) {
    return getenv(name);
}

int setenv(const char *name, const char *value, int overwrite) {
    if (__ipcsim_env_bad_name(name))
        return -1;
    size_t n = strlen(name);
    char **e = __ipcsim_env_find(name, n);
    if (e != NULL && !overwrite)
        return 0;
    size_t v = strlen(value);
    char *s = malloc(n + v + 2);
    if (s == NULL)
        return -1;
    memcpy(s, name, n);
    s[n] = '=';
    memcpy(s + n + 1, value, v + 1);
    if (e != NULL) {
        *e = s;
        return 0;
    }
    return __ipcsim_env_append(s);
}

int unsetenv(const char *name) {
    if (__ipcsim_env_bad_name(name))
        return -1;
    size_t n = strlen(name);
    char **e;
    while ((e = __ipcsim_env_find(name, n)) != NULL)
        for (; *e != NULL; e++)
            e[0] = e[1];
    return 0;
}

int putenv(char *string) {
    char *eq = strchr(string, '=');
    if (eq == NULL)
        return unsetenv(string);
    char **e = __ipcsim_env_find(string, (size_t)(eq - string));
    if (e != NULL) {
        *e = string;
        return 0;
    }
    return __ipcsim_env_append(string);
}

int clearenv(void) {
    if (__ipcsim_env_ours != NULL && __ipcsim_env_ours == environ)
        free(__ipcsim_env_ours);
    environ = __ipcsim_env_ours = NULL;
    return 0;
}
