//! The Linux x86_64 ABI as a C program sees it: errno values, signal
//! numbers, flag bits, the virtual pids and the clock's epoch. One table
//! for the simulated kernel, the real backend and the trace, so that a
//! number means the same thing everywhere it is printed or compared.

pub mod call;
pub mod errno;
pub mod flags;
pub mod groups;
pub mod injected;
pub mod limits;
pub mod lock;
pub mod sigaction;
pub mod signal;

/// The pid of the first process of a run; children count up from it.
pub const FIRST_PID: i32 = 1000;
/// The pid of init, which adopts orphans and reaps them.
pub const INIT_PID: i32 = 1;

/// The simulated user's id (`getuid`, `si_uid`): an ordinary user's.
pub const UID: u32 = 1000;
/// `CLOCK_REALTIME` at the start of every run (2026-01-01T00:00:00Z): the
/// simulator's clocks start here, so a program sees the same time in
/// every run and on every machine.
pub const EPOCH_SECS: u64 = 1_767_225_600;

/// The environment a run's first process starts with unless `--env`
/// says otherwise: fixed, so that a run is the same on every machine (the
/// host's own environment never reaches a simulated program), and that of
/// an ordinary login (`PATH` as Debian's default, the user's name and a
/// home that exists in every run's file system).
pub const DEFAULT_ENV: [&str; 5] = ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "USER=ipcsim", "LOGNAME=ipcsim", "SHELL=/bin/sh"];

/// The end of virtual time (ns): a sleep or a deadline past it never comes
/// (Linux's would take centuries), so waiting for it is waiting for ever.
pub const HORIZON_NS: u64 = i64::MAX as u64;
