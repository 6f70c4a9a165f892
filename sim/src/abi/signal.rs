//! Signal numbers on x86_64 Linux and their names.

/// Hangup.
pub const SIGHUP: i32 = 1;
/// Interrupt (Ctrl-C).
pub const SIGINT: i32 = 2;
/// `abort`, a failed `assert`.
pub const SIGABRT: i32 = 6;
/// Past the end of a shared object's last page.
pub const SIGBUS: i32 = 7;
/// Division by zero, `INT_MIN / -1`.
pub const SIGFPE: i32 = 8;
/// Cannot be caught or ignored.
pub const SIGKILL: i32 = 9;
/// User signal 1.
pub const SIGUSR1: i32 = 10;
/// Invalid memory access.
pub const SIGSEGV: i32 = 11;
/// User signal 2.
pub const SIGUSR2: i32 = 12;
/// Write to a pipe nobody can read.
pub const SIGPIPE: i32 = 13;
/// Alarm clock.
pub const SIGALRM: i32 = 14;
/// Termination request.
pub const SIGTERM: i32 = 15;
/// A child stopped or exited.
pub const SIGCHLD: i32 = 17;
/// Continue if stopped.
pub const SIGCONT: i32 = 18;
/// Stop (cannot be caught or ignored).
pub const SIGSTOP: i32 = 19;
/// Highest real-time signal.
pub const SIGRTMAX: i32 = 64;

/// Signals whose default action is to stop the process: SIGSTOP,
/// SIGTSTP, SIGTTIN, SIGTTOU.
pub fn stops(sig: i32) -> bool {
    matches!(sig, 19..=22)
}

/// Signals whose default action is to do nothing (SIGCHLD, SIGCONT,
/// SIGURG, SIGWINCH) or to stop the process ([`stops`], done by `kill`
/// itself, before this is asked): either way the target does not die.
pub fn default_is_harmless(sig: i32) -> bool {
    // 32 and 33 are glibc's own (thread cancellation, set*id), caught by
    // its handlers in every process: a program sending them sees nothing.
    matches!(sig, 17 | 18 | 19 | 20 | 21 | 22 | 23 | 28 | 32 | 33)
}

/// A signal number `kill` accepts (0 only checks the target).
pub fn can_send(sig: i32) -> bool {
    (0..=SIGRTMAX).contains(&sig)
}

/// A signal whose disposition `signal()` may set: not SIGKILL or
/// SIGSTOP, and not 32 or 33, which glibc reserves for itself (64,
/// SIGRTMAX, is valid).
pub fn can_set(sig: i32) -> bool {
    (1..=SIGRTMAX).contains(&sig) && !matches!(sig, SIGKILL | SIGSTOP | 32 | 33)
}

/// The name of a signal number: `SIGSEGV`, or `signal 40`.
pub fn name(s: i32) -> String {
    let known = match s {
        SIGHUP => "SIGHUP",
        SIGINT => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        SIGABRT => "SIGABRT",
        SIGBUS => "SIGBUS",
        SIGFPE => "SIGFPE",
        SIGKILL => "SIGKILL",
        SIGUSR1 => "SIGUSR1",
        SIGSEGV => "SIGSEGV",
        SIGUSR2 => "SIGUSR2",
        SIGPIPE => "SIGPIPE",
        SIGALRM => "SIGALRM",
        SIGTERM => "SIGTERM",
        SIGCHLD => "SIGCHLD",
        SIGCONT => "SIGCONT",
        SIGSTOP => "SIGSTOP",
        20 => "SIGTSTP",
        21 => "SIGTTIN",
        22 => "SIGTTOU",
        23 => "SIGURG",
        24 => "SIGXCPU",
        25 => "SIGXFSZ",
        26 => "SIGVTALRM",
        27 => "SIGPROF",
        28 => "SIGWINCH",
        29 => "SIGIO",
        30 => "SIGPWR",
        31 => "SIGSYS",
        _ => return format!("signal {s}"),
    };
    known.into()
}
