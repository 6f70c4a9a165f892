/* Pins linux-ipc-semantics.md section 5 (semaphores): SEM_VALUE_MAX and
   sizeof(sem_t); sem_open with a value past SEM_VALUE_MAX is EINVAL and a
   nonexistent name without O_CREAT is ENOENT; a named semaphore's value
   survives sem_close and its creator's exit; after sem_unlink an open
   handle keeps working; glibc's name rules ("noslash" and "//x" name
   "/x"; "/", "" and "/a/b" EINVAL; 251 characters at most); a
   process-shared semaphore in MAP_SHARED memory is a mutex for two
   processes' increments; a semaphore taken by a process that then died
   stays taken. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_164"

static const char *name(int e) {
    switch (e) {
    case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";
    case EAGAIN: return "EAGAIN";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "other";
    }
}

static void opened(const char *what, sem_t *s) {
    printf("%-30s -> %s %s\n", what, s == SEM_FAILED ? "SEM_FAILED" : "ok", s == SEM_FAILED ? name(errno) : "");
}

static void show(const char *what, long r) {
    printf("%-30s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
}

static void try_name(const char *what, const char *n) {
    sem_t *s = sem_open(n, O_CREAT, 0600, 1);
    opened(what, s);
    if (s != SEM_FAILED) {
        sem_close(s);
        sem_unlink(n);
    }
}

struct shared {
    sem_t mutex;
    int counter;
};

int main(void) {
    int v = -1;
    printf("SEM_VALUE_MAX %d, sizeof(sem_t) %zu\n", SEM_VALUE_MAX, sizeof(sem_t));
    sem_unlink(NAME);
    opened("value past SEM_VALUE_MAX", sem_open(NAME, O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1));
    opened("nonexistent without O_CREAT", sem_open(NAME, 0));
    fflush(stdout);
    if (fork() == 0) {
        sem_t *c = sem_open(NAME, O_CREAT | O_EXCL, 0600, 3);
        sem_post(c);
        sem_post(c);
        sem_close(c);
        exit(0);
    }
    wait(NULL);
    sem_t *s = sem_open(NAME, 0);
    sem_getvalue(s, &v);
    printf("after the creator closed and exited: %d\n", v);
    show("unlink", sem_unlink(NAME));
    opened("reopen", sem_open(NAME, 0));
    show("unlink again", sem_unlink(NAME));
    show("post on the unlinked handle", sem_post(s));
    sem_getvalue(s, &v);
    printf("value %d\n", v);
    sem_close(s);

    sem_t *a = sem_open("ipcsim_diff_164b", O_CREAT | O_EXCL, 0600, 4);
    sem_t *b = sem_open("//ipcsim_diff_164b", 0);
    sem_getvalue(b, &v);
    printf("\"noslash\" seen as \"//noslash\": %d\n", v);
    sem_close(b);
    show("unlink \"/noslash\"", sem_unlink("/ipcsim_diff_164b"));
    sem_close(a);
    char n251[300], n252[300];
    n251[0] = n252[0] = '/';
    memset(n251 + 1, 'm', 251);
    n251[252] = 0;
    memset(n252 + 1, 'm', 252);
    n252[253] = 0;
    try_name("name \"/\"", "/");
    try_name("name \"\"", "");
    try_name("name \"/a/b\"", "/a/b");
    try_name("name 251 chars", n251);
    try_name("name 252 chars", n252);

    struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&sh->mutex, 1, 1);
    fflush(stdout);
    for (int k = 0; k < 2; k++) {
        if (fork() == 0) {
            for (int i = 0; i < 300; i++) {
                sem_wait(&sh->mutex);
                int c = sh->counter;
                sched_yield();
                sh->counter = c + 1;
                sem_post(&sh->mutex);
            }
            exit(0);
        }
    }
    wait(NULL);
    wait(NULL);
    printf("counter %d\n", sh->counter);
    /* A child takes the semaphore and dies: nobody gives it back. */
    fflush(stdout);
    if (fork() == 0) {
        sem_wait(&sh->mutex);
        exit(0);
    }
    wait(NULL);
    sem_getvalue(&sh->mutex, &v);
    printf("after the holder died: value %d\n", v);
    show("trywait", sem_trywait(&sh->mutex));
    show("destroy", sem_destroy(&sh->mutex));
    return 0;
}
