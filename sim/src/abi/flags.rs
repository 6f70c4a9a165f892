//! Flag bits and command numbers of the calls ipcsim runs (x86_64 glibc
//! values; tests/it/headers.rs checks the prelude's copies against gcc).

/// `O_ACCMODE`: the access-mode bits of open flags.
pub const O_ACCMODE: i32 = 3;
/// `O_RDONLY`.
pub const O_RDONLY: i32 = 0;
/// `O_WRONLY`.
pub const O_WRONLY: i32 = 1;
/// `O_RDWR`.
pub const O_RDWR: i32 = 2;
/// `O_CREAT`.
pub const O_CREAT: i32 = 0o100;
/// `O_EXCL`.
pub const O_EXCL: i32 = 0o200;
/// `O_TRUNC`.
pub const O_TRUNC: i32 = 0o1000;
/// `O_APPEND`.
pub const O_APPEND: i32 = 0o2000;
/// `O_NONBLOCK`.
pub const O_NONBLOCK: i32 = 0o4000;
/// `O_LARGEFILE` (the kernel adds it on 64-bit).
pub const O_LARGEFILE: i32 = 0o100000;
/// `O_NOFOLLOW` (glibc's `shm_open` adds it).
pub const O_NOFOLLOW: i32 = 0o400000;
/// Close on `exec` (`open`, `pipe2`, `fopen`'s `e`).
pub const O_CLOEXEC: i32 = 0o2000000;

/// `FD_CLOEXEC`.
pub const FD_CLOEXEC: i32 = 1;
/// `F_GETFD`.
pub const F_GETFD: i32 = 1;
/// `F_SETFD`.
pub const F_SETFD: i32 = 2;
/// `F_GETFL`.
pub const F_GETFL: i32 = 3;
/// `F_SETFL`.
pub const F_SETFL: i32 = 4;
/// `F_GETLK`: the first lock that would conflict (`struct flock`).
pub const F_GETLK: i32 = 5;
/// `F_SETLK`: take or release a record lock, failing at a conflict.
pub const F_SETLK: i32 = 6;
/// `F_SETLKW`: take or release a record lock, waiting at a conflict.
pub const F_SETLKW: i32 = 7;
/// `F_RDLCK`: a shared (read) record lock.
pub const F_RDLCK: i16 = 0;
/// `F_WRLCK`: an exclusive (write) record lock.
pub const F_WRLCK: i16 = 1;
/// `F_UNLCK`: no lock (unlocking; `F_GETLK`'s "nothing conflicts").
pub const F_UNLCK: i16 = 2;
/// `LOCK_SH`: `flock`'s shared lock.
pub const LOCK_SH: i32 = 1;
/// `LOCK_EX`: `flock`'s exclusive lock.
pub const LOCK_EX: i32 = 2;
/// `LOCK_NB`: `flock` fails with `EWOULDBLOCK` instead of waiting.
pub const LOCK_NB: i32 = 4;
/// `LOCK_UN`: `flock` releases the lock.
pub const LOCK_UN: i32 = 8;
/// `LOCK_MAND`: Linux ignores a `flock` with this bit and returns 0.
pub const LOCK_MAND: i32 = 32;
/// `F_SETPIPE_SZ`.
pub const F_SETPIPE_SZ: i32 = 1031;
/// `F_GETPIPE_SZ`.
pub const F_GETPIPE_SZ: i32 = 1032;

/// `WNOHANG`.
pub const WNOHANG: i32 = 1;

/// `PROT_WRITE`.
pub const PROT_WRITE: i32 = 2;
/// `MAP_SHARED`.
pub const MAP_SHARED: i32 = 1;
/// `MAP_PRIVATE`.
pub const MAP_PRIVATE: i32 = 2;
/// `MAP_ANONYMOUS`.
pub const MAP_ANONYMOUS: i32 = 0x20;

/// `CLOCK_REALTIME`.
pub const CLOCK_REALTIME: i32 = 0;
/// `CLOCK_MONOTONIC`.
pub const CLOCK_MONOTONIC: i32 = 1;

/// What a clock id of `clock_gettime` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockKind {
    /// Wall-clock time (`CLOCK_REALTIME` and its coarse variant).
    Realtime,
    /// Time since boot (`CLOCK_MONOTONIC`, `_RAW`, `_COARSE`, `BOOTTIME`).
    Monotonic,
    /// CPU time of the process or thread (`CLOCK_PROCESS_CPUTIME_ID`,
    /// `CLOCK_THREAD_CPUTIME_ID`).
    Cpu,
}

/// The kind of clock id `clock`, or `None` (`EINVAL`).
pub fn clock_kind(clock: i32) -> Option<ClockKind> {
    match clock {
        0 | 5 => Some(ClockKind::Realtime),
        1 | 4 | 6 | 7 => Some(ClockKind::Monotonic),
        2 | 3 => Some(ClockKind::Cpu),
        _ => None,
    }
}

/// `SIG_DFL` as a handler value.
pub const SIG_DFL: u64 = 0;
/// `SIG_IGN` as a handler value.
pub const SIG_IGN: u64 = 1;

/// `sigaction` flag: the handler gets `siginfo_t` and a context.
pub const SA_SIGINFO: u32 = 4;
/// `sigaction` flag: slow calls interrupted by the handler restart.
pub const SA_RESTART: u32 = 0x1000_0000;
/// `SA_NOCLDWAIT`: the children of a process with it on `SIGCHLD`
/// leave no zombie (as with `SIG_IGN`), though `SIGCHLD` still comes.
pub const SA_NOCLDWAIT: u32 = 2;
/// `sigaction` flag: the signal is not blocked while its handler runs.
pub const SA_NODEFER: u32 = 0x4000_0000;
/// `sigaction` flag: the disposition goes back to `SIG_DFL` on delivery.
pub const SA_RESETHAND: u32 = 0x8000_0000;
/// `sigprocmask`: add to the mask.
pub const SIG_BLOCK: i32 = 0;
/// `sigprocmask`: remove from the mask.
pub const SIG_UNBLOCK: i32 = 1;
/// `sigprocmask`: replace the mask.
pub const SIG_SETMASK: i32 = 2;
/// `si_code` of a signal sent by `kill` or `raise`.
pub const SI_USER: i32 = 0;
/// `si_code` of a signal sent by `tgkill` (glibc's `raise`).
pub const SI_TKILL: i32 = -6;
/// `SI_QUEUE`: sent by `sigqueue`.
pub const SI_QUEUE: i32 = -1;
/// `SI_MESGQ`: a message queue's notification (`mq_notify`).
pub const SI_MESGQ: i32 = -3;
/// `sigev_notify`: a signal.
pub const SIGEV_SIGNAL: i32 = 0;
/// `sigev_notify`: nothing.
pub const SIGEV_NONE: i32 = 1;
/// `sigev_notify`: a thread (glibc's, over a netlink socket).
pub const SIGEV_THREAD: i32 = 2;
/// `si_code` of a signal the kernel sent (`alarm`).
pub const SI_KERNEL: i32 = 0x80;
/// `si_code` of `SIGCHLD` for a child that exited.
pub const CLD_EXITED: i32 = 1;
/// `si_code` of `SIGCHLD` for a child killed by a signal.
pub const CLD_KILLED: i32 = 2;
/// `si_code` of `SIGCHLD` for a child stopped by a signal.
pub const CLD_STOPPED: i32 = 5;
/// `si_code` of `SIGCHLD` for a stopped child continued.
pub const CLD_CONTINUED: i32 = 6;
/// `sa_flags`: no `SIGCHLD` when a child stops or continues.
pub const SA_NOCLDSTOP: u32 = 1;
/// `waitpid`: report stopped children too.
pub const WUNTRACED: i32 = 2;
/// `waitpid`: report continued children too.
pub const WCONTINUED: i32 = 8;
