//! The built-in headers. Their declarations are C text, parsed like the
//! program itself, so the library is type-checked by the same rules a user
//! function is. Every value is what glibc 2.36 on x86_64 Linux defines (a
//! test compares them with the real headers).

/// How ipcsim treats an `#include <...>`.
pub enum Header {
    /// Its declarations are built in.
    Known,
    /// Outside the subset, with why and what to use instead.
    Rejected(&'static str),
}

/// Headers whose declarations are built in.
pub const KNOWN: &[&str] = &[
    "stdio.h",
    "stdlib.h",
    "string.h",
    "strings.h",
    "unistd.h",
    "sys/types.h",
    "sys/wait.h",
    "wait.h",
    "sys/ipc.h",
    "sys/shm.h",
    "sys/msg.h",
    "sys/sem.h",
    "sys/mman.h",
    "sys/stat.h",
    "dirent.h",
    "fcntl.h",
    "mqueue.h",
    "semaphore.h",
    "sys/socket.h",
    "sys/un.h",
    "sys/uio.h",
    "signal.h",
    "sys/signal.h",
    "err.h",
    "time.h",
    "sys/time.h",
    "setjmp.h",
    "sys/times.h",
    "sys/utsname.h",
    "errno.h",
    "assert.h",
    "ctype.h",
    "limits.h",
    "stddef.h",
    "stdbool.h",
    "stdatomic.h",
    "stdint.h",
    "inttypes.h",
    "stdarg.h",
    "sched.h",
    "pthread.h",
    "math.h",
    "float.h",
    "stdalign.h",
    "stdnoreturn.h",
    // Included by course programs for little or nothing they use: what
    // they declare beyond the subset is reported where it is used.
    "memory.h",
    "malloc.h",
    "sys/sysmacros.h",
    "sys/resource.h",
    "sys/select.h",
    "poll.h",
    "sys/param.h",
    "sys/file.h",
    "netinet/in.h",
    "netinet/tcp.h",
    "arpa/inet.h",
    "netdb.h",
];

/// Classifies a header name.
pub fn lookup(name: &str) -> Option<Header> {
    if KNOWN.contains(&name) {
        return Some(Header::Known);
    }
    let why = match name {
        "complex.h" | "fenv.h" => "complex numbers and the floating-point environment are not supported",
        "threads.h" => "threads are not supported; use fork() and processes",
        "sys/epoll.h" => "epoll is not supported; use poll or select",
        "sys/poll.h" => "include <poll.h>",
        _ => return None,
    };
    Some(Header::Rejected(why))
}

/// Headers whose declarations are only visible once included (their
/// names, such as `log`, are common names of a program's own functions).
pub fn text(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "math.h" => Some(("math.h", include_str!("math.h"))),
        "float.h" => Some(("float.h", include_str!("float.h"))),
        // C11's spellings (`alignas` is then refused as `_Alignas` is).
        "stdalign.h" => Some((
            "stdalign.h",
            "#define alignas _Alignas\n#define alignof _Alignof\n#define __alignas_is_defined 1\n#define __alignof_is_defined 1\n",
        )),
        "stdnoreturn.h" => Some(("stdnoreturn.h", "#define noreturn _Noreturn\n")),
        _ => None,
    }
}

/// Declarations and macros visible to every program.
pub const PRELUDE: &str = include_str!("prelude.h");

/// `getopt` and its globals, for a program that names it (every global
/// of the library is copied by every fork of every program otherwise).
pub const GETOPT: &str = include_str!("getopt.h");

/// `getenv`, `setenv`, `unsetenv`, `putenv`, `clearenv`, for a program
/// that names one (a program without them pays nothing at each fork).
pub const ENV: &str = include_str!("env.h");

/// `gmtime`, `mktime`, `ctime`, `clock`, `times`, `wait4`... for a program
/// that names one of [`CALENDAR_NAMES`].
pub const CALENDAR: &str = include_str!("calendar.h");

/// `writev`, `readv`, `sendmsg`, `recvmsg`, `struct iovec`, `struct
/// msghdr` and the `CMSG_` macros, for a program that names one of
/// [`UIO_NAMES`].
pub const UIO: &str = include_str!("uio.h");

/// The names that bring in [`UIO`].
pub const UIO_NAMES: [&str; 8] = ["iovec", "msghdr", "writev", "readv", "sendmsg", "recvmsg", "CMSG_", "SCM_"];

/// `struct sigevent` and `mq_notify`, for a program that names one of
/// [`SIGEVENT_NAMES`].
pub const SIGEVENT: &str = include_str!("sigevent.h");

/// The names that bring in [`SIGEVENT`].
pub const SIGEVENT_NAMES: [&str; 4] = ["sigevent", "mq_notify", "SIGEV_", "SI_MESGQ"];

/// `freopen`, for a program that names it.
pub const FREOPEN: &str = include_str!("freopen.h");

/// `uname`, `gethostname`, `getrlimit`, `setrlimit`, for a program that
/// names one.
pub const SYSTEM: &str = include_str!("system.h");

/// What a program names to have [`CALENDAR`] compiled in: the calls
/// themselves (a comment saying "three times" or a `st_ctime` field is
/// no reason to carry the calendar's globals into every process).
pub const CALENDAR_NAMES: [&str; 16] = [
    "gmtime",
    "localtime",
    "mktime(",
    "timegm(",
    "asctime",
    "ctime(",
    "ctime_r(",
    "clock(",
    "times(",
    "rusage",
    "wait3(",
    "wait4(",
    "tzset(",
    "tzname",
    "daylight",
    "strptime(",
];

/// The extensions of `#include "ipcsim.h"` (LANGUAGE.md).
pub const IPCSIM_H: &str = include_str!("ipcsim_prelude.h");
