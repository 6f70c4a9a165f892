/* ipcsim built-in declarations: the C library subset of LANGUAGE.md.
   Values are those of glibc 2.36 on x86_64 Linux. */
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef int pid_t;
typedef long off_t;
typedef unsigned int mode_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int mqd_t;
typedef long time_t;
typedef int clockid_t;
typedef unsigned int useconds_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
typedef long intmax_t;
typedef unsigned long uintmax_t;
typedef struct _IO_FILE FILE;
typedef union { char __size[32]; long int __align; } sem_t;
typedef void (*__sighandler_t)(int);
typedef __sighandler_t __ipcsim_sighandler_t;
typedef __sighandler_t sighandler_t;
typedef __sighandler_t sig_t;
typedef int sig_atomic_t;
typedef struct { unsigned long __val[16]; } sigset_t;
union sigval { int sival_int; void *sival_ptr; };
typedef union sigval sigval_t;
typedef struct { int si_signo; int si_errno; int si_code; int __pad0; pid_t si_pid; uid_t si_uid; union { int si_status; union sigval si_value; }; long si_utime; long si_stime; long __rest[10]; } siginfo_t;
struct sigaction { union { __sighandler_t sa_handler; void (*sa_sigaction)(int, siginfo_t *, void *); }; sigset_t sa_mask; int sa_flags; void (*sa_restorer)(void); };
struct mq_attr { long mq_flags; long mq_maxmsg; long mq_msgsize; long mq_curmsgs; long __pad[4]; };
struct timespec { time_t tv_sec; long tv_nsec; };
struct timeval { time_t tv_sec; long tv_usec; };
int gettimeofday(struct timeval *tv, void *tz);
struct sockaddr { sa_family_t sa_family; char sa_data[14]; };
struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; };
typedef uint32_t in_addr_t;
typedef uint16_t in_port_t;
struct in_addr { in_addr_t s_addr; };
struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; unsigned char sin_zero[8]; };
struct sockaddr_storage { sa_family_t ss_family; char __ss_padding[118]; unsigned long __ss_align; };
struct linger { int l_onoff; int l_linger; };

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
extern int errno;
/* The environment: set by the image's start; getenv and friends are
   in env.h, compiled into a program that names them. */
extern char **environ;

/* stdio.h */
int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int sprintf(char *s, const char *fmt, ...);
int snprintf(char *s, size_t n, const char *fmt, ...);
/* stdarg.h: a variadic function of the program gets its variable
   arguments in an area its caller makes (their count, which are
   doubles, then each in 8 bytes; its address is a hidden last
   parameter, __ipcsim_va_area). A va_list walks it: va_arg takes the
   next integer or the next double, as the registers of x86-64 give
   them, so a well-typed program reads what it passed. */
typedef struct { unsigned long *__area; unsigned int __gp, __fp, __ld; } __ipcsim_va_list;
typedef __ipcsim_va_list va_list[1];
#define va_start(ap, last) ((void)((ap)[0].__area = (unsigned long *)__ipcsim_va_area, (ap)[0].__gp = 0, (ap)[0].__fp = 0, (ap)[0].__ld = 0))
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) ((void)0)
#define va_copy(dst, src) ((void)((dst)[0] = (src)[0]))
#define __va_copy(dst, src) va_copy(dst, src)
/* Classes: 0 an integer, 1 a double (bit k of the second word), 2 a
   long double (bit 32 + k; its address is passed). */
static unsigned long *__ipcsim_va_slot(__ipcsim_va_list *ap, int cls) {
    unsigned long n = ap->__area[0], classes = ap->__area[1];
    unsigned int want = cls == 2 ? ap->__ld++ : cls ? ap->__fp++ : ap->__gp++;
    for (unsigned long k = 0; k < n; k++) {
        int c = k >= 32 ? 0 : ((classes >> (32 + k)) & 1) ? 2 : (int)((classes >> k) & 1);
        if (c == cls && want-- == 0)
            return &ap->__area[2 + k];
    }
    return 0;
}
/* Past the last argument va_arg reads whatever a register or the stack
   holds natively: 0 here. */
unsigned long __ipcsim_va_int(__ipcsim_va_list *ap) {
    unsigned long *p = __ipcsim_va_slot(ap, 0);
    return p ? *p : 0;
}
double __ipcsim_va_double(__ipcsim_va_list *ap) {
    unsigned long *p = __ipcsim_va_slot(ap, 1);
    return p ? *(double *)p : 0.0;
}
long double __ipcsim_va_ldouble(__ipcsim_va_list *ap) {
    unsigned long *p = __ipcsim_va_slot(ap, 2);
    return p ? *(long double *)*p : 0;
}
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vsprintf(char *s, const char *fmt, va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);
void perror(const char *s);
void err(int status, const char *fmt, ...);
void errx(int status, const char *fmt, ...);
void warn(const char *fmt, ...);
void warnx(const char *fmt, ...);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
int fputs(const char *s, FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int fileno(FILE *f);
int getchar(void);
int fgetc(FILE *f);
int getc(FILE *f);
char *fgets(char *s, int n, FILE *f);
ssize_t getline(char **line, size_t *n, FILE *f);
int scanf(const char *fmt, ...);
int fscanf(FILE *f, const char *fmt, ...);
int sscanf(const char *s, const char *fmt, ...);
int feof(FILE *f);
int ungetc(int c, FILE *f);
void psignal(int sig, const char *s);
char *strsignal(int sig);
void *memchr(const void *s, int c, size_t n);
int atexit(void (*f)(void));
int access(const char *path, int mode);
int pipe2(int fds[2], int flags);
int fsync(int fd);
int fdatasync(int fd);
int rename(const char *old, const char *new);
int mkdir(const char *path, mode_t mode);
int mkfifo(const char *path, mode_t mode);
ssize_t pread(int fd, void *buf, size_t n, off_t off);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t off);
int rmdir(const char *path);
int chdir(const char *path);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int __ipcsim_getcwd(char *buf, size_t size);
char *getcwd(char *buf, size_t size);
struct dirent { unsigned long d_ino; long d_off; unsigned short d_reclen; unsigned char d_type; char d_name[256]; };
typedef struct __ipcsim_dir DIR;
DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
int mkstemp(char *tmpl);
FILE *tmpfile(void);
int msync(void *addr, size_t len, int flags);
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
void clearerr(FILE *f);
int remove(const char *path);
int ferror(FILE *f);
/* string.h */
size_t strlen(const char *s);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
char *strncat(char *d, const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **save);
char *strsep(char **stringp, const char *delim);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
char *strerror(int e);
/* stdlib.h */
void exit(int status);
void abort(void);
int abs(int x);
long labs(long x);
int atoi(const char *s);
long atol(const char *s);
long strtol(const char *s, char **end, int base);
double atof(const char *s);
double strtod(const char *s, char **end);
int __ipcsim_strtold(const char *s, char **end, long double *out);
long double strtold(const char *s, char **end) {
    long double v;
    __ipcsim_strtold(s, end, &v);
    return v;
}
float strtof(const char *s, char **end);
unsigned long strtoul(const char *s, char **end, int base);
int rand(void);
long random(void);
void srandom(unsigned int seed);
void srand(unsigned int seed);
void *malloc(size_t n);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);
/* glibc's: with a null buffer, one of the size asked for (or as long as
   needed, for 0) from malloc. */
char *getcwd(char *buf, size_t size) {
    if (buf == (char *)0) {
        size_t n = size != 0 ? size : 4096;
        char *b = malloc(n);
        if (b == (char *)0)
            return (char *)0;
        if (__ipcsim_getcwd(b, n) < 0) {
            free(b);
            return (char *)0;
        }
        return b;
    }
    if (size == 0) {
        errno = 22; /* EINVAL, defined below */
        return (char *)0;
    }
    return __ipcsim_getcwd(buf, size) < 0 ? (char *)0 : buf;
}
/* ctype.h */
int toupper(int c);
int tolower(int c);
int isdigit(int c);
int isalpha(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isxdigit(int c);
int isprint(int c);
int ispunct(int c);
/* assert.h */
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func);
/* unistd.h, sys/wait.h, signal.h, sched.h */
pid_t fork(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
void _exit(int status);
int kill(pid_t pid, int sig);
__ipcsim_sighandler_t signal(int sig, __ipcsim_sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int pause(void);
unsigned int alarm(unsigned int seconds);
struct itimerval { struct timeval it_interval; struct timeval it_value; };
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2
int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
int getitimer(int which, struct itimerval *value);
int raise(int sig);
int killpg(pid_t pgrp, int sig) {
    if (pgrp < 0) {
        errno = 22; /* EINVAL, defined below */
        return -1;
    }
    return kill(-pgrp, sig);
}
/* setjmp.h: the context is the interpreter's (a jmp_buf holds its
   number, and the mask for sigsetjmp), so setjmp and sigsetjmp are macros:
   the call that returns twice is made in the caller's own frame. The
   buffer is as large as glibc's (200 bytes). */
typedef struct { long __id; int __saved; int __pad0; sigset_t __mask; long __pad[7]; } __ipcsim_jmp_buf_tag;
typedef __ipcsim_jmp_buf_tag jmp_buf[1];
typedef __ipcsim_jmp_buf_tag sigjmp_buf[1];
int __ipcsim_setjmp(__ipcsim_jmp_buf_tag *env);
void __ipcsim_longjmp(__ipcsim_jmp_buf_tag *env, int val);
void __ipcsim_sigsave(__ipcsim_jmp_buf_tag *env, int save);
#define setjmp(env) (__ipcsim_sigsave((env), 0), __ipcsim_setjmp(env))
#define _setjmp(env) setjmp(env)
#define sigsetjmp(env, save) (__ipcsim_sigsave((env), (save)), __ipcsim_setjmp(env))
#define longjmp(env, val) __ipcsim_longjmp((env), (val))
#define _longjmp(env, val) __ipcsim_longjmp((env), (val))
#define siglongjmp(env, val) __ipcsim_longjmp((env), (val))
/* sigsetjmp's mask, kept in the buffer when SAVE says so. */
void __ipcsim_sigsave(__ipcsim_jmp_buf_tag *env, int save) {
    env->__saved = save != 0;
    if (save)
        sigprocmask(0, (const sigset_t *)0, &env->__mask);
}
/* sigqueue's value travels as a word; sigwait and sigwaitinfo are
   sigtimedwait with no timeout (sigwait, as glibc's, again after EINTR). */
int __ipcsim_sigqueue(pid_t pid, int sig, void *value);
int sigqueue(pid_t pid, int sig, const union sigval value) { return __ipcsim_sigqueue(pid, sig, value.sival_ptr); }
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info) { return sigtimedwait(set, info, (const struct timespec *)0); }
int sigwait(const sigset_t *set, int *sig) {
    int r;
    do
        r = sigtimedwait(set, (siginfo_t *)0, (const struct timespec *)0);
    while (r < 0 && errno == 4); /* EINTR, defined below */
    if (r < 0)
        return errno;
    *sig = r;
    return 0;
}
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
int sched_yield(void);
unsigned int sleep(unsigned int s);
int usleep(useconds_t us);
long sysconf(int name);
int isatty(int fd);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
pid_t getpgrp(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t setsid(void);
pid_t getsid(pid_t pid);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);
int clock_gettime(clockid_t clk, struct timespec *ts);
int pipe(int fd[2]);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
/* stdlib.h's long long routines: long long is long on x86-64. */
long long atoll(const char *s) { return atol(s); }
long long strtoll(const char *s, char **end, int base) { return strtol(s, end, base); }
unsigned long long strtoull(const char *s, char **end, int base) { return strtoul(s, end, base); }
intmax_t strtoimax(const char *s, char **end, int base) { return strtol(s, end, base); }
uintmax_t strtoumax(const char *s, char **end, int base) { return strtoul(s, end, base); }
long long llabs(long long x) { return labs(x); }
intmax_t imaxabs(intmax_t x) { return labs(x); }
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;
typedef struct { intmax_t quot; intmax_t rem; } imaxdiv_t;
div_t div(int n, int d) { div_t r = {n / d, n % d}; return r; }
ldiv_t ldiv(long n, long d) { ldiv_t r = {n / d, n % d}; return r; }
lldiv_t lldiv(long long n, long long d) { lldiv_t r = {n / d, n % d}; return r; }
imaxdiv_t imaxdiv(intmax_t n, intmax_t d) { imaxdiv_t r = {n / d, n % d}; return r; }
/* stdio.h's dprintf: formatted straight to a descriptor, no stream (glibc
   formats into a buffer and writes it). */
int vdprintf(int fd, const char *fmt, va_list ap) {
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf((char *)0, 0, fmt, ap);
    char *buf = n < 0 ? (char *)0 : malloc((size_t)n + 1);
    if (buf == (char *)0) {
        va_end(again);
        return -1;
    }
    vsnprintf(buf, (size_t)n + 1, fmt, again);
    va_end(again);
    int done = 0;
    while (done < n) {
        ssize_t w = write(fd, buf + done, (size_t)(n - done));
        if (w < 0) {
            free(buf);
            return -1;
        }
        done += (int)w;
    }
    free(buf);
    return n;
}
int dprintf(int fd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}
int close(int fd);
int dup(int fd);
int dup2(int fd, int fd2);
int fcntl(int fd, int cmd, ...);
/* fcntl.h's record locks (struct flock as glibc's on x86_64: 32 bytes)
   and sys/file.h's flock */
struct flock {
    short l_type;
    short l_whence;
    off_t l_start;
    off_t l_len;
    pid_t l_pid;
};
int flock(int fd, int op);
int lockf(int fd, int cmd, off_t len);
/* sys/mman.h, fcntl.h */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int shm_open(const char *name, int oflag, mode_t mode);
int shm_unlink(const char *name);
int ftruncate(int fd, off_t len);
/* mqueue.h */
mqd_t mq_open(const char *name, int oflag, ...);
int mq_close(mqd_t q);
int mq_unlink(const char *name);
int mq_send(mqd_t q, const char *msg, size_t len, unsigned int prio);
ssize_t mq_receive(mqd_t q, char *msg, size_t len, unsigned int *prio);
int mq_getattr(mqd_t q, struct mq_attr *attr);
ssize_t mq_timedreceive(mqd_t q, char *buf, size_t len, unsigned int *prio, const struct timespec *abstime);
int mq_timedsend(mqd_t q, const char *msg, size_t len, unsigned int prio, const struct timespec *abstime);
int mq_setattr(mqd_t q, const struct mq_attr *attr, struct mq_attr *old);
/* semaphore.h */
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *s);
int sem_unlink(const char *name);
int sem_init(sem_t *s, int pshared, unsigned int value);
int sem_destroy(sem_t *s);
int sem_wait(sem_t *s);
int sem_trywait(sem_t *s);
int sem_timedwait(sem_t *s, const struct timespec *abstime);
int sem_post(sem_t *s);
int sem_getvalue(sem_t *s, int *value);
/* sys/ipc.h, sys/shm.h, sys/msg.h, sys/sem.h: System V IPC */
typedef int key_t;
struct ipc_perm { key_t __key; unsigned int uid; unsigned int gid; unsigned int cuid; unsigned int cgid; unsigned short mode; unsigned short __pad1; unsigned short __seq; unsigned short __pad2; unsigned long __glibc_reserved1; unsigned long __glibc_reserved2; };
struct shmid_ds { struct ipc_perm shm_perm; size_t shm_segsz; long shm_atime; long shm_dtime; long shm_ctime; pid_t shm_cpid; pid_t shm_lpid; unsigned long shm_nattch; unsigned long __glibc_reserved5; unsigned long __glibc_reserved6; };
struct msqid_ds { struct ipc_perm msg_perm; long msg_stime; long msg_rtime; long msg_ctime; unsigned long __msg_cbytes; unsigned long msg_qnum; unsigned long msg_qbytes; pid_t msg_lspid; pid_t msg_lrpid; unsigned long __glibc_reserved4; unsigned long __glibc_reserved5; };
struct semid_ds { struct ipc_perm sem_perm; long sem_otime; unsigned long __sem_otime_high; long sem_ctime; unsigned long __sem_ctime_high; unsigned long sem_nsems; unsigned long __glibc_reserved3; unsigned long __glibc_reserved4; };
struct sembuf { unsigned short sem_num; short sem_op; short sem_flg; };
key_t ftok(const char *path, int id);
int shmget(key_t key, size_t size, int flags);
void *shmat(int id, const void *addr, int flags);
int shmdt(const void *addr);
int shmctl(int id, int cmd, struct shmid_ds *buf);
int msgget(key_t key, int flags);
int msgsnd(int id, const void *msg, size_t size, int flags);
ssize_t msgrcv(int id, void *msg, size_t size, long type, int flags);
int msgctl(int id, int cmd, struct msqid_ds *buf);
int semget(key_t key, int nsems, int flags);
int semop(int id, struct sembuf *sops, size_t nsops);
int semctl(int id, int num, int cmd, ...);
/* sys/socket.h */
int socketpair(int domain, int type, int protocol, int sv[2]);
int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr, socklen_t len);
ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *addr, socklen_t *len);
int shutdown(int fd, int how);
int getsockname(int fd, struct sockaddr *addr, socklen_t *len);
int getpeername(int fd, struct sockaddr *addr, socklen_t *len);
int setsockopt(int fd, int level, int name, const void *val, socklen_t len);
int getsockopt(int fd, int level, int name, void *val, socklen_t *len);
/* poll.h, sys/select.h */
typedef unsigned long nfds_t;
struct pollfd { int fd; short events; short revents; };
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
typedef struct { long __fds_bits[16]; } fd_set;
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
/* unistd.h: names in the file system */
int unlink(const char *path);
struct stat { unsigned long st_dev; unsigned long st_ino; unsigned long st_nlink; unsigned int st_mode; unsigned int st_uid; unsigned int st_gid; int __pad0; unsigned long st_rdev; long st_size; long st_blksize; long st_blocks; struct timespec st_atim; struct timespec st_mtim; struct timespec st_ctim; long __glibc_reserved[3]; };
int stat(const char *path, struct stat *buf);
int lstat(const char *path, struct stat *buf);
mode_t umask(mode_t mask);
int fstat(int fd, struct stat *buf);
int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
off_t lseek(int fd, off_t off, int whence);

#define NULL ((void *)0)
#define EOF (-1)
#define BUFSIZ 8192
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define offsetof(type, member) __builtin_offsetof(type, member)
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MAX 9223372036854775807L
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MAX 9223372036854775807LL
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX 18446744073709551615ULL
#define SSIZE_MAX LONG_MAX
#define PIPE_BUF 4096
#define PATH_MAX 4096
#define NAME_MAX 255
#define SEM_VALUE_MAX 2147483647
#define MQ_PRIO_MAX 32768
#define INT8_MIN (-128)
#define INT16_MIN (-32767-1)
#define INT32_MIN (-2147483647-1)
#define INT64_MIN (-9223372036854775807L-1)
#define INT8_MAX 127
#define INT16_MAX 32767
#define INT32_MAX 2147483647
#define INT64_MAX 9223372036854775807L
#define UINT8_MAX 255
#define UINT16_MAX 65535
#define UINT32_MAX 4294967295U
#define UINT64_MAX 18446744073709551615UL
#define SIZE_MAX 18446744073709551615UL
#define INTPTR_MAX 9223372036854775807L
#define UINTPTR_MAX 18446744073709551615UL

/* <inttypes.h>'s conversions, as glibc defines them on x86_64. */
#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 "ld"
#define PRIdPTR "ld"
#define PRIdMAX "ld"
#define PRIdLEAST8 "d"
#define PRIdLEAST16 "d"
#define PRIdLEAST32 "d"
#define PRIdLEAST64 "ld"
#define PRIdFAST8 "d"
#define PRIdFAST16 "ld"
#define PRIdFAST32 "ld"
#define PRIdFAST64 "ld"
#define PRIi8 "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 "li"
#define PRIiPTR "li"
#define PRIiMAX "li"
#define PRIiLEAST8 "i"
#define PRIiLEAST16 "i"
#define PRIiLEAST32 "i"
#define PRIiLEAST64 "li"
#define PRIiFAST8 "i"
#define PRIiFAST16 "li"
#define PRIiFAST32 "li"
#define PRIiFAST64 "li"
#define PRIo8 "o"
#define PRIo16 "o"
#define PRIo32 "o"
#define PRIo64 "lo"
#define PRIoPTR "lo"
#define PRIoMAX "lo"
#define PRIoLEAST8 "o"
#define PRIoLEAST16 "o"
#define PRIoLEAST32 "o"
#define PRIoLEAST64 "lo"
#define PRIoFAST8 "o"
#define PRIoFAST16 "lo"
#define PRIoFAST32 "lo"
#define PRIoFAST64 "lo"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 "lu"
#define PRIuPTR "lu"
#define PRIuMAX "lu"
#define PRIuLEAST8 "u"
#define PRIuLEAST16 "u"
#define PRIuLEAST32 "u"
#define PRIuLEAST64 "lu"
#define PRIuFAST8 "u"
#define PRIuFAST16 "lu"
#define PRIuFAST32 "lu"
#define PRIuFAST64 "lu"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 "lx"
#define PRIxPTR "lx"
#define PRIxMAX "lx"
#define PRIxLEAST8 "x"
#define PRIxLEAST16 "x"
#define PRIxLEAST32 "x"
#define PRIxLEAST64 "lx"
#define PRIxFAST8 "x"
#define PRIxFAST16 "lx"
#define PRIxFAST32 "lx"
#define PRIxFAST64 "lx"
#define PRIX8 "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 "lX"
#define PRIXPTR "lX"
#define PRIXMAX "lX"
#define PRIXLEAST8 "X"
#define PRIXLEAST16 "X"
#define PRIXLEAST32 "X"
#define PRIXLEAST64 "lX"
#define PRIXFAST8 "X"
#define PRIXFAST16 "lX"
#define PRIXFAST32 "lX"
#define PRIXFAST64 "lX"
#define SCNd8 "hhd"
#define SCNd16 "hd"
#define SCNd32 "d"
#define SCNd64 "ld"
#define SCNdPTR "ld"
#define SCNdMAX "ld"
#define SCNi8 "hhi"
#define SCNi16 "hi"
#define SCNi32 "i"
#define SCNi64 "li"
#define SCNiPTR "li"
#define SCNiMAX "li"
#define SCNo8 "hho"
#define SCNo16 "ho"
#define SCNo32 "o"
#define SCNo64 "lo"
#define SCNoPTR "lo"
#define SCNoMAX "lo"
#define SCNu8 "hhu"
#define SCNu16 "hu"
#define SCNu32 "u"
#define SCNu64 "lu"
#define SCNuPTR "lu"
#define SCNuMAX "lu"
#define SCNx8 "hhx"
#define SCNx16 "hx"
#define SCNx32 "x"
#define SCNx64 "lx"
#define SCNxPTR "lx"
#define SCNxMAX "lx"

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39
#define ENOMSG 42
#define EIDRM 43
#define EOVERFLOW 75
#define ENOTSOCK 88
#define EDESTADDRREQ 89
#define EMSGSIZE 90
#define EPROTOTYPE 91
#define ENOPROTOOPT 92
#define EPROTONOSUPPORT 93
#define ESOCKTNOSUPPORT 94
#define EOPNOTSUPP 95
#define EAFNOSUPPORT 97
#define EADDRINUSE 98
#define EADDRNOTAVAIL 99
#define ECONNABORTED 103
#define ECONNRESET 104
#define ENOBUFS 105
#define EISCONN 106
#define ENOTCONN 107
#define ETIMEDOUT 110
#define ECONNREFUSED 111
#define EALREADY 114
#define EINPROGRESS 115

#define IPC_PRIVATE ((key_t)0)
#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define SHM_RDONLY 010000
#define SHM_RND 020000
#define SHM_DEST 01000
#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000
#define SEM_UNDO 0x1000
#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17
#define O_NDELAY 04000
#define WCOREDUMP(s) ((s) & 0x80)
#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE 30
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_ACCMODE 03
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFREG 0100000
#define S_IFDIR 040000
#define S_IFCHR 020000
#define S_IFIFO 010000
#define S_ISREG(m) (((m) & 0170000) == 0100000)
#define S_ISDIR(m) (((m) & 0170000) == 040000)
#define S_ISCHR(m) (((m) & 0170000) == 020000)
#define S_ISFIFO(m) (((m) & 0170000) == 010000)
#define S_ISSOCK(m) (((m) & 0170000) == 0140000)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define O_APPEND 02000
#define O_NONBLOCK 04000
#define O_CLOEXEC 02000000
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define FD_CLOEXEC 1
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define F_ULOCK 0
#define F_LOCK 1
#define F_TLOCK 2
#define F_TEST 3
#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#define MAP_FAILED ((void *)-1)
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define WNOHANG 1
#define WUNTRACED 2
#define WEXITSTATUS(status) (((status) & 0xff00) >> 8)
#define WTERMSIG(status) ((status) & 0x7f)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (((signed char) (((status) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCONTINUED 8
#define F_OK 0
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCLD SIGCHLD
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGRTMIN 34
#define SIGRTMAX 64
#define NSIG 65
#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_TKILL (-6)
#define SI_QUEUE (-1)
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGTTIN 21
#define SIGTTOU 22
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define SIG_DFL ((__ipcsim_sighandler_t)0)
#define SIG_IGN ((__ipcsim_sighandler_t)1)
#define SIG_ERR ((__ipcsim_sighandler_t)-1)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
/* time.h's calendar, sys/times.h, sys/resource.h's usage: the types
   here, the routines in calendar.h (compiled into a program that names
   one). Local time is UTC. */
typedef long clock_t;
#define CLOCKS_PER_SEC 1000000L
struct tm { int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year; int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone; };
struct tms { clock_t tms_utime; clock_t tms_stime; clock_t tms_cutime; clock_t tms_cstime; };
struct rusage { struct timeval ru_utime; struct timeval ru_stime; long ru_maxrss; long ru_ixrss; long ru_idrss; long ru_isrss; long ru_minflt; long ru_majflt; long ru_nswap; long ru_inblock; long ru_oublock; long ru_msgsnd; long ru_msgrcv; long ru_nsignals; long ru_nvcsw; long ru_nivcsw; };
#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
double difftime(time_t end, time_t start) { return (double)end - (double)start; }
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm);
#define SEM_FAILED ((sem_t *)0)
#define AF_UNIX 1
#define AF_LOCAL 1
#define PF_UNIX 1
#define PF_LOCAL 1
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_SEQPACKET 5
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#define MSG_PEEK 0x02
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_NOSIGNAL 0x4000
#define SOMAXCONN 4096
#define MSG_OOB 0x01
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
#define POLLRDHUP 0x2000
#define FD_SETSIZE 1024
#define FD_ZERO(s) memset((s), 0, sizeof(fd_set))
#define FD_SET(d, s) ((void)((s)->__fds_bits[(d) / 64] |= (long)(1UL << ((d) % 64))))
#define FD_CLR(d, s) ((void)((s)->__fds_bits[(d) / 64] &= ~(long)(1UL << ((d) % 64))))
#define FD_ISSET(d, s) (((s)->__fds_bits[(d) / 64] & (long)(1UL << ((d) % 64))) != 0)
#define MSG_WAITALL 0x100
#define AF_UNSPEC 0
#define PF_UNSPEC 0
#define AF_INET 2
#define PF_INET 2
#define AF_INET6 10
#define PF_INET6 10
#define SOCK_RAW 3
#define IPPROTO_IP 0
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define INADDR_ANY ((in_addr_t) 0x00000000)
#define INADDR_BROADCAST ((in_addr_t) 0xffffffff)
#define INADDR_NONE ((in_addr_t) 0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t) 0x7f000001)
#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46
#define SOL_SOCKET 1
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define SOL_TCP 6
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
/* netinet/in.h and arpa/inet.h: byte order and address text, as glibc
   computes them. Plain C, so they are ordinary steps of the program. */
uint16_t htons(uint16_t x) { return (uint16_t)((x << 8) | (x >> 8)); }
uint16_t ntohs(uint16_t x) { return (uint16_t)((x << 8) | (x >> 8)); }
uint32_t htonl(uint32_t x) { return (x << 24) | ((x << 8) & 0xff0000u) | ((x >> 8) & 0xff00u) | (x >> 24); }
uint32_t ntohl(uint32_t x) { return htonl(x); }
/* inet_aton's parts: a, a.b, a.b.c or a.b.c.d, each decimal, octal
   (leading 0) or hexadecimal (0x), the last part filling the rest;
   trailing white space is allowed. */
int inet_aton(const char *cp, struct in_addr *inp) {
    unsigned long parts[4];
    int n = 0;
    const char *c = cp;
    for (;;) {
        unsigned long v = 0;
        int base = 10, digits = 0;
        if (*c == '0') {
            base = 8;
            c++;
            digits = 1;
            if (*c == 'x' || *c == 'X') {
                base = 16;
                c++;
                digits = 0;
            }
        }
        for (;;) {
            int d;
            if (*c >= '0' && *c <= '9') d = *c - '0';
            else if (base == 16 && *c >= 'a' && *c <= 'f') d = *c - 'a' + 10;
            else if (base == 16 && *c >= 'A' && *c <= 'F') d = *c - 'A' + 10;
            else break;
            if (d >= base) return 0;
            v = v * base + d;
            if (v > 0xffffffffUL) return 0;
            digits++;
            c++;
        }
        if (!digits) return 0;
        if (n == 4) return 0;
        parts[n++] = v;
        if (*c != '.') break;
        c++;
    }
    if (*c != 0 && *c != ' ' && *c != '\t' && *c != '\n' && *c != '\v' && *c != '\f' && *c != '\r') return 0;
    unsigned long val = parts[n - 1];
    unsigned long max = n == 1 ? 0xffffffffUL : n == 2 ? 0xffffffUL : n == 3 ? 0xffffUL : 0xffUL;
    if (val > max) return 0;
    for (int k = 0; k < n - 1; k++) {
        if (parts[k] > 0xff) return 0;
        val |= parts[k] << (24 - 8 * k);
    }
    if (inp) inp->s_addr = htonl((uint32_t)val);
    return 1;
}
in_addr_t inet_addr(const char *cp) {
    struct in_addr a;
    return inet_aton(cp, &a) ? a.s_addr : INADDR_NONE;
}
/* inet_pton for AF_INET: exactly four decimal parts, no leading zeros. */
int inet_pton(int af, const char *src, void *dst) {
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    unsigned char out[4];
    int octets = 0, saw = 0;
    unsigned int v = 0;
    for (const char *c = src; *c; c++) {
        if (*c >= '0' && *c <= '9') {
            if (saw && v == 0) return 0;
            v = v * 10 + (*c - '0');
            if (v > 255) return 0;
            if (!saw) {
                if (++octets > 4) return 0;
                saw = 1;
            }
        } else if (*c == '.' && saw) {
            if (octets == 4) return 0;
            out[octets - 1] = (unsigned char)v;
            v = 0;
            saw = 0;
        } else {
            return 0;
        }
    }
    if (octets < 4 || !saw) return 0;
    out[3] = (unsigned char)v;
    memcpy(dst, out, 4);
    return 1;
}
/* Writes a.b.c.d and its 0 at out; returns its length. */
static int __ipcsim_quad(char *out, const unsigned char *b) {
    int n = 0;
    for (int k = 0; k < 4; k++) {
        int v = b[k];
        if (v >= 100) out[n++] = (char)('0' + v / 100);
        if (v >= 10) out[n++] = (char)('0' + v / 10 % 10);
        out[n++] = (char)('0' + v % 10);
        if (k < 3) out[n++] = '.';
    }
    out[n] = 0;
    return n;
}
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size) {
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    char tmp[16];
    int n = __ipcsim_quad(tmp, (const unsigned char *)src);
    if ((socklen_t)n >= size) {
        errno = ENOSPC;
        return NULL;
    }
    memcpy(dst, tmp, n + 1);
    return dst;
}
/* A static buffer of the library (256 bytes, slot 0 or 1), allocated at
   its first use: glibc's one buffer for every call, which a second call
   overwrites. */
void *__ipcsim_static_buf(int slot);
char *inet_ntoa(struct in_addr in) {
    char *b = __ipcsim_static_buf(0);
    __ipcsim_quad(b, (const unsigned char *)&in.s_addr);
    return b;
}
/* strings.h: BSD's byte routines, still common in socket code. */
void bzero(void *s, size_t n) { memset(s, 0, n); }
void bcopy(const void *src, void *dst, size_t n) { memmove(dst, src, n); }
/* netdb.h: a run has no network and no DNS. "localhost" and addresses
   in numbers-and-dots form resolve to themselves, IPv4 only; any other
   name is not found. Services are port numbers. */
struct hostent { char *h_name; char **h_aliases; int h_addrtype; int h_length; char **h_addr_list; };
#define h_addr h_addr_list[0]
#define HOST_NOT_FOUND 1
struct addrinfo { int ai_flags; int ai_family; int ai_socktype; int ai_protocol; socklen_t ai_addrlen; struct sockaddr *ai_addr; char *ai_canonname; struct addrinfo *ai_next; };
#define AI_PASSIVE 0x0001
#define AI_CANONNAME 0x0002
#define AI_NUMERICHOST 0x0004
#define AI_NUMERICSERV 0x0400
#define EAI_BADFLAGS -1
#define EAI_NONAME -2
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_FAMILY -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE -8
#define EAI_MEMORY -10
#define EAI_SYSTEM -11
/* "localhost", spelt out: a literal here would sit among the program's. */
static int __ipcsim_localhost(const char *n) {
    return n[0] == 'l' && n[1] == 'o' && n[2] == 'c' && n[3] == 'a' && n[4] == 'l' && n[5] == 'h' && n[6] == 'o' && n[7] == 's' && n[8] == 't' && n[9] == 0;
}
static int __ipcsim_host(const char *name, struct in_addr *a) {
    if (__ipcsim_localhost(name)) {
        a->s_addr = htonl(INADDR_LOOPBACK);
        return 1;
    }
    return inet_aton(name, a);
}
struct hostent *gethostbyname(const char *name) {
    struct in_addr a;
    if (!name || !__ipcsim_host(name, &a)) return NULL;
    /* One static block: the entry, its lists, the address and the name. */
    char *b = __ipcsim_static_buf(1);
    struct hostent *h = (struct hostent *)b;
    char **list = (char **)(b + 64);
    char *addr = b + 96;
    char *hname = b + 104;
    memcpy(addr, &a, 4);
    strncpy(hname, name, 150);
    hname[149] = 0;
    list[0] = addr;
    list[1] = NULL;
    list[2] = NULL;
    h->h_name = hname;
    h->h_aliases = list + 2;
    h->h_addrtype = AF_INET;
    h->h_length = 4;
    h->h_addr_list = list;
    return h;
}
int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res) {
    int family = hints ? hints->ai_family : AF_UNSPEC, flags = hints ? hints->ai_flags : 0;
    int socktype = hints ? hints->ai_socktype : 0, protocol = hints ? hints->ai_protocol : 0;
    if (!node && !service) return EAI_NONAME;
    if (family != AF_UNSPEC && family != AF_INET) return EAI_FAMILY;
    if (socktype != 0 && socktype != SOCK_STREAM && socktype != SOCK_DGRAM && socktype != SOCK_RAW) return EAI_SOCKTYPE;
    struct in_addr a;
    if (node) {
        if (!__ipcsim_host(node, &a) || (flags & AI_NUMERICHOST && __ipcsim_localhost(node))) return EAI_NONAME;
    } else {
        a.s_addr = htonl(flags & AI_PASSIVE ? INADDR_ANY : INADDR_LOOPBACK);
    }
    unsigned long port = 0;
    if (service) {
        /* glibc: strtoul, and the port is its low 16 bits. */
        char *end;
        port = strtoul(service, &end, 10);
        if (*service == 0 || *end != 0) return flags & AI_NUMERICSERV ? EAI_NONAME : EAI_SERVICE;
    }
    int types[3] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW};
    struct addrinfo *first = NULL, **link = &first;
    for (int k = 0; k < 3; k++) {
        if (socktype != 0 && socktype != types[k]) continue;
        struct addrinfo *ai = calloc(1, sizeof(struct addrinfo) + sizeof(struct sockaddr_in));
        struct sockaddr_in *sin = (struct sockaddr_in *)(ai + 1);
        sin->sin_family = AF_INET;
        sin->sin_port = htons((uint16_t)port);
        sin->sin_addr = a;
        ai->ai_family = AF_INET;
        ai->ai_socktype = types[k];
        ai->ai_protocol = protocol ? protocol : types[k] == SOCK_STREAM ? IPPROTO_TCP : types[k] == SOCK_DGRAM ? IPPROTO_UDP : 0;
        ai->ai_addrlen = sizeof(struct sockaddr_in);
        ai->ai_addr = (struct sockaddr *)sin;
        *link = ai;
        link = &ai->ai_next;
    }
    *res = first;
    return 0;
}
void freeaddrinfo(struct addrinfo *ai) {
    while (ai) {
        struct addrinfo *next = ai->ai_next;
        free(ai);
        ai = next;
    }
}
const char *gai_strerror(int e);
/* stdlib.h's routines that call back into the program: plain C, so a
   comparator runs as the program's own code. qsort merges as glibc's
   does (stable, the same comparisons in the same order); bsearch
   bisects as glibc's does. */
static void __ipcsim_msort(char *b, size_t n, size_t s, int (*cmp)(const void *, const void *), char *t) {
    if (n <= 1)
        return;
    size_t n1 = n / 2, n2 = n - n1;
    char *b1 = b, *b2 = b + n1 * s, *out = t;
    __ipcsim_msort(b1, n1, s, cmp, t);
    __ipcsim_msort(b2, n2, s, cmp, t);
    while (n1 > 0 && n2 > 0) {
        if (cmp(b1, b2) <= 0) {
            memcpy(out, b1, s);
            b1 += s;
            n1--;
        } else {
            memcpy(out, b2, s);
            b2 += s;
            n2--;
        }
        out += s;
    }
    if (n1 > 0)
        memcpy(out, b1, n1 * s);
    memcpy(b, t, (n - n2) * s);
}
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    if (n < 2 || size == 0)
        return;
    char *t = malloc(n * size);
    if (t == NULL)
        abort();
    __ipcsim_msort(base, n, size, cmp, t);
    free(t);
}
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
    size_t l = 0, u = n;
    while (l < u) {
        size_t idx = (l + u) / 2;
        const char *p = (const char *)base + idx * size;
        int c = cmp(key, p);
        if (c < 0)
            u = idx;
        else if (c > 0)
            l = idx + 1;
        else
            return (void *)p;
    }
    return NULL;
}
/* No string literals here: they would share the program's literal
   region and blur its out-of-bounds reports. */
int mkstemp(char *tmpl) {
    size_t n = strlen(tmpl);
    int x = 0;
    for (size_t j = 1; j <= 6 && j <= n; j++)
        x += tmpl[n - j] == 'X';
    if (x != 6) {
        errno = 22;
        return -1;
    }
    /* glibc's names are random; these are the same in every run. */
    for (int k = 0; k < 100000; k++) {
        int v = k;
        for (size_t j = 1; j <= 6; j++) {
            int d = v % 36;
            tmpl[n - j] = d < 26 ? 'a' + d : '0' + d - 26;
            v /= 36;
        }
        int fd = open(tmpl, 0102 | 0200, 0600);
        if (fd >= 0 || errno != 17)
            return fd;
    }
    return -1;
}
FILE *tmpfile(void) {
    char name[16] = {'/', 't', 'm', 'p', '/', 't', 'm', 'p', 'f', 'X', 'X', 'X', 'X', 'X', 'X', 0};
    char mode[3] = {'w', '+', 0};
    int fd = mkstemp(name);
    if (fd < 0)
        return NULL;
    unlink(name);
    return fdopen(fd, mode);
}
/* system, popen and pclose as glibc's: /bin/sh -c COMMAND in a child
   (ipcsim's built-in sh, in both backends, as every utility). system
   ignores SIGINT and SIGQUIT and blocks SIGCHLD while it waits; popen's
   child closes the streams of earlier popens. */
static void __ipcsim_shell(const char *cmd) {
    char path[8] = {'/', 'b', 'i', 'n', '/', 's', 'h', 0};
    char dash_c[3] = {'-', 'c', 0};
    execl(path, path + 5, dash_c, cmd, (char *)NULL);
    _exit(127);
}
int system(const char *cmd) {
    if (cmd == NULL)
        return 1;
    struct sigaction ign, intr, quit;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ign, &intr);
    sigaction(SIGQUIT, &ign, &quit);
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    pid_t pid = fork();
    if (pid == 0) {
        sigaction(SIGINT, &intr, NULL);
        sigaction(SIGQUIT, &quit, NULL);
        sigprocmask(SIG_SETMASK, &old, NULL);
        __ipcsim_shell(cmd);
    }
    int status = -1;
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0) {
            if (errno != EINTR) {
                status = -1;
                break;
            }
        }
    }
    sigaction(SIGINT, &intr, NULL);
    sigaction(SIGQUIT, &quit, NULL);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return status;
}
/* popen's child and its stream are noted with the stream itself. */
void __ipcsim_popen_mark(FILE *f, pid_t child);
pid_t __ipcsim_popen_child(FILE *f);
int __ipcsim_popen_fd(int k);
FILE *popen(const char *cmd, const char *type) {
    /* glibc: 'r' or 'w' (one of them), and 'e', in any order. */
    int reading = 0, writing = 0, cloexec = 0;
    for (const char *t = type; *t; t++) {
        if (*t == 'r')
            reading = 1;
        else if (*t == 'w')
            writing = 1;
        else if (*t == 'e')
            cloexec = 1;
        else
            reading = writing = 1;
    }
    if (reading == writing) {
        errno = EINVAL;
        return NULL;
    }
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0)
        return NULL;
    int mine = reading ? p[0] : p[1], theirs = reading ? p[1] : p[0], want = reading ? 1 : 0;
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return NULL;
    }
    if (pid == 0) {
        for (int k = 0, fd; (fd = __ipcsim_popen_fd(k)) >= 0; k++)
            close(fd);
        if (theirs == want)
            fcntl(theirs, F_SETFD, 0);
        else
            dup2(theirs, want);
        __ipcsim_shell(cmd);
    }
    close(theirs);
    char mode[2] = {reading ? 'r' : 'w', 0};
    FILE *f = fdopen(mine, mode);
    if (!cloexec)
        fcntl(mine, F_SETFD, 0);
    __ipcsim_popen_mark(f, pid);
    return f;
}
/* lockf as glibc's: fcntl write locks on len bytes from the current
   offset (0: to the end and beyond). F_TEST answers 0 when no other
   process holds a conflicting lock, else -1 with EACCES (measured); a
   conflict of F_TLOCK is fcntl's EAGAIN. */
int lockf(int fd, int cmd, off_t len) {
    struct flock fl;
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_CUR;
    fl.l_start = 0;
    fl.l_len = len;
    fl.l_pid = 0;
    switch (cmd) {
    case F_TEST:
        if (fcntl(fd, F_GETLK, &fl) < 0)
            return -1;
        if (fl.l_type == F_UNLCK || fl.l_pid == getpid())
            return 0;
        errno = EACCES;
        return -1;
    case F_ULOCK:
        fl.l_type = F_UNLCK;
        return fcntl(fd, F_SETLK, &fl);
    case F_LOCK:
        return fcntl(fd, F_SETLKW, &fl);
    case F_TLOCK:
        return fcntl(fd, F_SETLK, &fl);
    }
    errno = EINVAL;
    return -1;
}
/* glibc's pclose of a stream popen did not make is its fclose. */
int pclose(FILE *f) {
    pid_t pid = __ipcsim_popen_child(f);
    int r = fclose(f);
    if (pid == 0)
        return r;
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            return -1;
    }
    return status;
}
/* pathconf and fpathconf: glibc's answers on this machine's file systems
   (ext4; pipefs for a pipe), -1 without errno where there is no limit;
   PIPE_BUF is answered even for a bad descriptor or path. */
#define _PC_LINK_MAX 0
#define _PC_MAX_CANON 1
#define _PC_MAX_INPUT 2
#define _PC_NAME_MAX 3
#define _PC_PATH_MAX 4
#define _PC_PIPE_BUF 5
#define _PC_CHOWN_RESTRICTED 6
#define _PC_NO_TRUNC 7
#define _PC_VDISABLE 8
#define _PC_SYNC_IO 9
#define _PC_FILESIZEBITS 13
/* kind: -1 no such file (errno set), 0 a directory or other, 1 a
   regular file, 2 a pipe. */
static long __ipcsim_pathconf(int name, int kind, int saved) {
    if (name < 0 || name > 20) {
        errno = EINVAL;
        return -1;
    }
    if (name == _PC_PIPE_BUF) {
        errno = saved;
        return 4096;
    }
    if (kind < 0)
        return -1;
    switch (name) {
    case _PC_LINK_MAX:
        return kind == 2 ? 127 : 65000;
    case _PC_MAX_CANON:
    case _PC_MAX_INPUT:
    case _PC_NAME_MAX:
        return 255;
    case _PC_CHOWN_RESTRICTED:
    case _PC_NO_TRUNC:
    case 20:
        return 1;
    case _PC_VDISABLE:
        return 0;
    case 10:
        return kind == 1 ? 1 : -1;
    case _PC_FILESIZEBITS:
        return kind == 2 ? 32 : 64;
    case _PC_PATH_MAX:
    case 16:
    case 17:
    case 18:
        return 4096;
    default:
        return -1;
    }
}
static int __ipcsim_kind(int found, struct stat *st) {
    if (!found)
        return -1;
    return S_ISFIFO(st->st_mode) ? 2 : S_ISREG(st->st_mode) ? 1 : 0;
}
long fpathconf(int fd, int name) {
    int saved = errno;
    struct stat st;
    return __ipcsim_pathconf(name, __ipcsim_kind(fstat(fd, &st) == 0, &st), saved);
}
long pathconf(const char *path, int name) {
    int saved = errno;
    struct stat st;
    return __ipcsim_pathconf(name, __ipcsim_kind(stat(path, &st) == 0, &st), saved);
}
/* rand_r: glibc's, three steps of its LCG on the caller's seed. */
int rand_r(unsigned int *seed) {
    unsigned int next = *seed;
    int result;
    next *= 1103515245;
    next += 12345;
    result = (unsigned int)(next / 65536) % 2048;
    next *= 1103515245;
    next += 12345;
    result <<= 10;
    result ^= (unsigned int)(next / 65536) % 1024;
    next *= 1103515245;
    next += 12345;
    result <<= 10;
    result ^= (unsigned int)(next / 65536) % 1024;
    *seed = next;
    return result;
}
/* <stdatomic.h> and gcc's atomic builtins. The builtins are lowered by
   the front-end (type-generic, as gcc's are). The atomic types are
   `_Atomic` ones, as glibc's: a plain operator on one (`x++`, `x = 1`)
   is the atomic operation C makes it. `atomic_flag` is a struct, as
   there. */
#define __ATOMIC_RELAXED 0
#define __ATOMIC_CONSUME 1
#define __ATOMIC_ACQUIRE 2
#define __ATOMIC_RELEASE 3
#define __ATOMIC_ACQ_REL 4
#define __ATOMIC_SEQ_CST 5
typedef enum memory_order {
    memory_order_relaxed = 0,
    memory_order_consume = 1,
    memory_order_acquire = 2,
    memory_order_release = 3,
    memory_order_acq_rel = 4,
    memory_order_seq_cst = 5
} memory_order;
typedef _Atomic _Bool atomic_bool;
typedef _Atomic char atomic_char;
typedef _Atomic signed char atomic_schar;
typedef _Atomic unsigned char atomic_uchar;
typedef _Atomic short atomic_short;
typedef _Atomic unsigned short atomic_ushort;
typedef _Atomic int atomic_int;
typedef _Atomic unsigned int atomic_uint;
typedef _Atomic long atomic_long;
typedef _Atomic unsigned long atomic_ulong;
typedef _Atomic long long atomic_llong;
typedef _Atomic unsigned long long atomic_ullong;
typedef _Atomic size_t atomic_size_t;
typedef _Atomic long atomic_intptr_t;
typedef _Atomic unsigned long atomic_uintptr_t;
typedef _Atomic long atomic_ptrdiff_t;
typedef _Atomic long atomic_intmax_t;
typedef _Atomic unsigned long atomic_uintmax_t;
typedef struct { unsigned char __val; } atomic_flag;
#define ATOMIC_BOOL_LOCK_FREE 2
#define ATOMIC_CHAR_LOCK_FREE 2
#define ATOMIC_SHORT_LOCK_FREE 2
#define ATOMIC_INT_LOCK_FREE 2
#define ATOMIC_LONG_LOCK_FREE 2
#define ATOMIC_LLONG_LOCK_FREE 2
#define ATOMIC_POINTER_LOCK_FREE 2
#define ATOMIC_FLAG_INIT { 0 }
#define ATOMIC_VAR_INIT(v) (v)
#define kill_dependency(y) (y)
#define atomic_init(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define atomic_is_lock_free(p) 1
#define atomic_thread_fence(o) __atomic_thread_fence(o)
#define atomic_signal_fence(o) __atomic_signal_fence(o)
#define atomic_load(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define atomic_load_explicit(p, o) __atomic_load_n((p), (o))
#define atomic_store(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_store_explicit(p, v, o) __atomic_store_n((p), (v), (o))
#define atomic_exchange(p, v) __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
#define atomic_exchange_explicit(p, v, o) __atomic_exchange_n((p), (v), (o))
#define atomic_compare_exchange_strong(p, e, d) __atomic_compare_exchange_n((p), (e), (d), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define atomic_compare_exchange_weak(p, e, d) __atomic_compare_exchange_n((p), (e), (d), 1, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define atomic_compare_exchange_strong_explicit(p, e, d, s, f) __atomic_compare_exchange_n((p), (e), (d), 0, (s), (f))
#define atomic_compare_exchange_weak_explicit(p, e, d, s, f) __atomic_compare_exchange_n((p), (e), (d), 1, (s), (f))
#define atomic_fetch_add(p, v) __atomic_fetch_add((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetch_add_explicit(p, v, o) __atomic_fetch_add((p), (v), (o))
#define atomic_fetch_sub(p, v) __atomic_fetch_sub((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetch_sub_explicit(p, v, o) __atomic_fetch_sub((p), (v), (o))
#define atomic_fetch_or(p, v) __atomic_fetch_or((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetch_or_explicit(p, v, o) __atomic_fetch_or((p), (v), (o))
#define atomic_fetch_xor(p, v) __atomic_fetch_xor((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetch_xor_explicit(p, v, o) __atomic_fetch_xor((p), (v), (o))
#define atomic_fetch_and(p, v) __atomic_fetch_and((p), (v), __ATOMIC_SEQ_CST)
#define atomic_fetch_and_explicit(p, v, o) __atomic_fetch_and((p), (v), (o))
#define atomic_flag_test_and_set(p) __atomic_test_and_set(&(p)->__val, __ATOMIC_SEQ_CST)
#define atomic_flag_test_and_set_explicit(p, o) __atomic_test_and_set(&(p)->__val, (o))
#define atomic_flag_clear(p) __atomic_clear(&(p)->__val, __ATOMIC_SEQ_CST)
#define atomic_flag_clear_explicit(p, o) __atomic_clear(&(p)->__val, (o))
