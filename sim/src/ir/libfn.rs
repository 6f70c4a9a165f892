//! The library routines ipcsim implements, by name. The lowering turns a
//! call of a prelude function into `Op::Lib(LibFn)`; a prelude function
//! missing here is reported as not implemented yet (E0502).

macro_rules! libfns {
    ($($v:ident = $n:literal,)*) => {
        /// A library routine.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum LibFn { $(#[doc = $n] $v,)* }

        impl LibFn {
            /// The routine called `name`, if implemented.
            pub fn from_name(name: &str) -> Option<LibFn> {
                match name { $($n => Some(LibFn::$v),)* _ => None }
            }

            /// Its C name.
            pub fn name(self) -> &'static str {
                match self { $(LibFn::$v => $n,)* }
            }
        }
    };
}

libfns! {
    Printf = "printf", Fprintf = "fprintf", Sprintf = "sprintf", Snprintf = "snprintf",
    Puts = "puts", Putchar = "putchar", Perror = "perror", Fflush = "fflush",
    Setvbuf = "setvbuf", Setbuf = "setbuf", Fputs = "fputs", Fputc = "fputc", Putc = "putc",
    Strlen = "strlen", Strcpy = "strcpy", Strncpy = "strncpy", Strcat = "strcat",
    Strncat = "strncat", Strcmp = "strcmp", Strncmp = "strncmp", Strchr = "strchr",
    Strrchr = "strrchr", Strstr = "strstr", Memcpy = "memcpy", Memmove = "memmove",
    Memset = "memset", Memcmp = "memcmp", Strerror = "strerror",
    Exit = "exit", Abort = "abort", Abs = "abs", Labs = "labs", Atoi = "atoi", Atol = "atol",
    Strtol = "strtol", Strtoul = "strtoul", Rand = "rand", Srand = "srand", Random = "random", Srandom = "srandom",
    Malloc = "malloc", Calloc = "calloc", Realloc = "realloc", Free = "free",
    Toupper = "toupper", Tolower = "tolower", Isdigit = "isdigit", Isalpha = "isalpha",
    Isalnum = "isalnum", Isspace = "isspace", Isupper = "isupper", Islower = "islower",
    Isxdigit = "isxdigit", Isprint = "isprint", Ispunct = "ispunct",
    AssertFail = "__assert_fail", UnderscoreExit = "_exit", Write = "write", Read = "read",
    Getpid = "getpid", Getppid = "getppid",
    Fork = "fork", Wait = "wait", Waitpid = "waitpid", Kill = "kill", Signal = "signal",
    SchedYield = "sched_yield", Sleep = "sleep", Usleep = "usleep", Nanosleep = "nanosleep",
    Time = "time", ClockGettime = "clock_gettime",
    Pipe = "pipe", Close = "close", Dup = "dup", Dup2 = "dup2", Fcntl = "fcntl", Flock = "flock",
    Mmap = "mmap", Munmap = "munmap", ShmOpen = "shm_open", ShmUnlink = "shm_unlink",
    Ftruncate = "ftruncate",
    SemInit = "sem_init", SemDestroy = "sem_destroy", SemWait = "sem_wait", SemTrywait = "sem_trywait",
    SemPost = "sem_post", SemGetvalue = "sem_getvalue", SemOpen = "sem_open", SemClose = "sem_close",
    SemUnlink = "sem_unlink",
    MqOpen = "mq_open", MqClose = "mq_close", MqUnlink = "mq_unlink", MqSend = "mq_send",
    MqReceive = "mq_receive", MqGetattr = "mq_getattr", MqSetattr = "mq_setattr",
    MqNotify = "mq_notify",
    Strspn = "strspn", Strcspn = "strcspn", Strpbrk = "strpbrk", Strtok = "strtok", StrtokR = "strtok_r",
    Strsep = "strsep", Strcasecmp = "strcasecmp", Strncasecmp = "strncasecmp", Strdup = "strdup",
    Strndup = "strndup", Fileno = "fileno", Sysconf = "sysconf", Isatty = "isatty", Getpgrp = "getpgrp", Getpgid = "getpgid", Setpgid = "setpgid", Getsid = "getsid",
    Setsid = "setsid",
    Open = "open", Creat = "creat", Lseek = "lseek", Stat = "stat", Fstat = "fstat",
    Ftok = "ftok", Shmget = "shmget", Shmat = "shmat", Shmdt = "shmdt", Shmctl = "shmctl",
    Msgget = "msgget", Msgsnd = "msgsnd", Msgrcv = "msgrcv", Msgctl = "msgctl", Semget = "semget",
    Semop = "semop", Semctl = "semctl",
    Getchar = "getchar", Fgetc = "fgetc", Getc = "getc", Fgets = "fgets", Getline = "getline",
    Scanf = "scanf", Fscanf = "fscanf", Sscanf = "sscanf", Feof = "feof", Ferror = "ferror",
    SemTimedwait = "sem_timedwait", MqTimedsend = "mq_timedsend", MqTimedreceive = "mq_timedreceive",
    Socketpair = "socketpair", Socket = "socket", Bind = "bind", Listen = "listen",
    Accept = "accept", Connect = "connect", Send = "send", Recv = "recv", Sendto = "sendto",
    Recvfrom = "recvfrom", Shutdown = "shutdown", Unlink = "unlink",
    Poll = "poll", Select = "select", Getsockname = "getsockname", Getpeername = "getpeername", Setsockopt = "setsockopt", Getsockopt = "getsockopt",
    MboxOpen = "mbox_open", MboxSend = "mbox_send", MboxReceive = "mbox_receive",
    MboxTrySend = "mbox_try_send", MboxTryReceive = "mbox_try_receive", MboxClose = "mbox_close",
    SendTo = "send_to", ReceiveFrom = "receive_from", LinkCapacity = "link_capacity",
    OpBegin = "ipcsim_op_begin", OpEnd = "ipcsim_op_end",
    Sigaction = "sigaction", Sigprocmask = "sigprocmask", Sigpending = "sigpending",
    Sigsuspend = "sigsuspend", Pause = "pause", Alarm = "alarm", Raise = "raise",
    Setitimer = "setitimer", Getitimer = "getitimer", Sigqueue = "__ipcsim_sigqueue", Sigtimedwait = "sigtimedwait",
    Setjmp = "__ipcsim_setjmp", Longjmp = "__ipcsim_longjmp",
    Sigemptyset = "sigemptyset", Sigfillset = "sigfillset", Sigaddset = "sigaddset",
    Sigdelset = "sigdelset", Sigismember = "sigismember",
    Fopen = "fopen", Fdopen = "fdopen", Fclose = "fclose", Fread = "fread", Fwrite = "fwrite",
    Fseek = "fseek", Ftell = "ftell", Rewind = "rewind", Clearerr = "clearerr", Remove = "remove",
    Getuid = "getuid", Geteuid = "geteuid", Getgid = "getgid", Getegid = "getegid",
    Strsignal = "strsignal", Psignal = "psignal", Memchr = "memchr", Ungetc = "ungetc",
    Atexit = "atexit", Access = "access", Msync = "msync",
    Execl = "execl", Execlp = "execlp", Execle = "execle", Execv = "execv", Execvp = "execvp",
    Execve = "execve", Mkdir = "mkdir", Mkfifo = "mkfifo", Pread = "pread", Pwrite = "pwrite", Umask = "umask", Lstat = "lstat", Rmdir = "rmdir", Chmod = "chmod", Fchmod = "fchmod", Chdir = "chdir", Getcwd = "__ipcsim_getcwd", Opendir = "opendir", Readdir = "readdir",
    Rewinddir = "rewinddir", Closedir = "closedir", Pipe2 = "pipe2", Fsync = "fsync",
    Fdatasync = "fdatasync", Rename = "rename", Gettimeofday = "gettimeofday",
    Err = "err", Errx = "errx", Warn = "warn", Warnx = "warnx",
    Vprintf = "vprintf", Vfprintf = "vfprintf", Vsprintf = "vsprintf", Vsnprintf = "vsnprintf",
    Sqrt = "sqrt", Sqrtf = "sqrtf", Cbrt = "cbrt", Cbrtf = "cbrtf", Fabs = "fabs", Fabsf = "fabsf",
    Floor = "floor", Floorf = "floorf", Ceil = "ceil", Ceilf = "ceilf", Round = "round", Roundf = "roundf",
    Trunc = "trunc", Truncf = "truncf", Rint = "rint", Rintf = "rintf", Nearbyint = "nearbyint",
    Nearbyintf = "nearbyintf", Exp = "exp", Expf = "expf", Exp2 = "exp2", Exp2f = "exp2f", Expm1 = "expm1",
    Expm1f = "expm1f", Log = "log", Logf = "logf", Log10 = "log10", Log10f = "log10f", Log2 = "log2",
    Log2f = "log2f", Log1p = "log1p", Log1pf = "log1pf", Sin = "sin", Sinf = "sinf", Cos = "cos",
    Cosf = "cosf", Tan = "tan", Tanf = "tanf", Asin = "asin", Asinf = "asinf", Acos = "acos", Acosf = "acosf",
    Atan = "atan", Atanf = "atanf", Sinh = "sinh", Sinhf = "sinhf", Cosh = "cosh", Coshf = "coshf",
    Tanh = "tanh", Tanhf = "tanhf", Asinh = "asinh", Asinhf = "asinhf", Acosh = "acosh", Acoshf = "acoshf",
    Atanh = "atanh", Atanhf = "atanhf", Erf = "erf", Erff = "erff", Erfc = "erfc", Erfcf = "erfcf",
    Tgamma = "tgamma", Tgammaf = "tgammaf", Lgamma = "lgamma", Lgammaf = "lgammaf", Pow = "pow",
    Powf = "powf", Fmod = "fmod", Fmodf = "fmodf", Atan2 = "atan2", Atan2f = "atan2f", Hypot = "hypot",
    Hypotf = "hypotf", Fmin = "fmin", Fminf = "fminf", Fmax = "fmax", Fmaxf = "fmaxf", Fdim = "fdim",
    Fdimf = "fdimf", Copysign = "copysign", Copysignf = "copysignf", Remainder = "remainder",
    Remainderf = "remainderf", Nextafter = "nextafter", Nextafterf = "nextafterf", Ldexp = "ldexp",
    Ldexpf = "ldexpf", Scalbn = "scalbn", Scalbnf = "scalbnf", Frexp = "frexp", Frexpf = "frexpf",
    Modf = "modf", Modff = "modff", Lround = "lround", Lroundf = "lroundf", Llround = "llround",
    Lrint = "lrint", Lrintf = "lrintf", Llrint = "llrint", Ilogb = "ilogb",
    Fpclassify = "__ipcsim_fpclassify", Isinf = "__ipcsim_isinf", Signbit = "__ipcsim_signbit", Atof = "atof",
    Strtod = "strtod", Strtof = "strtof", Strtold = "__ipcsim_strtold", PopenMark = "__ipcsim_popen_mark",
    PopenChild = "__ipcsim_popen_child", PopenFd = "__ipcsim_popen_fd", StaticBuf = "__ipcsim_static_buf", GaiStrerror = "gai_strerror",
    Strftime = "strftime",
}

impl LibFn {
    /// The printf family: a call carries the classes of its variable
    /// arguments (which are doubles) as a last, hidden argument, since
    /// `va_arg` reads doubles and integers from different registers.
    pub fn takes_classes(self) -> bool {
        matches!(
            self,
            LibFn::Printf | LibFn::Fprintf | LibFn::Sprintf | LibFn::Snprintf | LibFn::Err | LibFn::Errx | LibFn::Warn | LibFn::Warnx
        )
    }
}

/// True for the routines that are system calls: the kernel performs them.
pub fn is_syscall(f: LibFn) -> bool {
    use LibFn::*;
    matches!(
        f,
        Write
            | Read
            | Getpid
            | Getppid
            | Fork
            | Wait
            | Waitpid
            | Kill
            | Signal
            | SchedYield
            | Sleep
            | Usleep
            | Nanosleep
            | Time
            | ClockGettime
            | Pipe
            | Close
            | Dup
            | Dup2
            | Fcntl
            | Flock
            | Mmap
            | Munmap
            | ShmOpen
            | ShmUnlink
            | Ftruncate
            | SemInit
            | SemDestroy
            | SemWait
            | SemTrywait
            | SemPost
            | SemGetvalue
            | SemOpen
            | SemClose
            | SemUnlink
            | MqOpen
            | MqClose
            | MqUnlink
            | MqSend
            | MqReceive
            | MqGetattr
            | MqSetattr
            | MqNotify
            | SemTimedwait
            | Isatty
            | Getpgrp
            | Getpgid
            | Setpgid
            | Getsid
            | Setsid
            | Open
            | Creat
            | Lseek
            | Stat
            | Fstat
            | Ftok
            | Shmget
            | Shmat
            | Shmdt
            | Shmctl
            | Msgget
            | Msgsnd
            | Msgrcv
            | Msgctl
            | Semget
            | Semop
            | Semctl
            | MqTimedsend
            | MqTimedreceive
            | Socketpair
            | Socket
            | Bind
            | Listen
            | Accept
            | Connect
            | Send
            | Recv
            | Sendto
            | Recvfrom
            | Shutdown
            | Getsockname
            | Poll
            | Select
            | Getpeername
            | Setsockopt
            | Getsockopt
            | Unlink
            | MboxOpen
            | MboxSend
            | MboxReceive
            | MboxTrySend
            | MboxTryReceive
            | MboxClose
            | SendTo
            | ReceiveFrom
            | LinkCapacity
            | OpBegin
            | OpEnd
            | Sigaction
            | Sigprocmask
            | Sigpending
            | Sigsuspend
            | Pause
            | Alarm
            | Setitimer
            | Getitimer
            | Sigqueue
            | Sigtimedwait
            | Raise
            | Remove
            | Access
            | Mkdir
            | Mkfifo
            | Pread
            | Pwrite
            | Umask
            | Lstat
            | Rmdir
            | Chdir
            | Chmod
            | Fchmod
            | Getcwd
            | Opendir
            | Pipe2
            | Fsync
            | Fdatasync
            | Rename
            | Gettimeofday
    )
}
