//! glibc 2.36 `strerror` texts, generated from the real library.

use std::rc::Rc;

/// Message for errno `e` (index), as glibc prints it.
pub const STRERROR: &[&str] = &[
    "Success",
    "Operation not permitted",
    "No such file or directory",
    "No such process",
    "Interrupted system call",
    "Input/output error",
    "No such device or address",
    "Argument list too long",
    "Exec format error",
    "Bad file descriptor",
    "No child processes",
    "Resource temporarily unavailable",
    "Cannot allocate memory",
    "Permission denied",
    "Bad address",
    "Block device required",
    "Device or resource busy",
    "File exists",
    "Invalid cross-device link",
    "No such device",
    "Not a directory",
    "Is a directory",
    "Invalid argument",
    "Too many open files in system",
    "Too many open files",
    "Inappropriate ioctl for device",
    "Text file busy",
    "File too large",
    "No space left on device",
    "Illegal seek",
    "Read-only file system",
    "Too many links",
    "Broken pipe",
    "Numerical argument out of domain",
    "Numerical result out of range",
    "Resource deadlock avoided",
    "File name too long",
    "No locks available",
    "Function not implemented",
    "Directory not empty",
    "Too many levels of symbolic links",
    "Unknown error 41",
    "No message of desired type",
    "Identifier removed",
    "Channel number out of range",
    "Level 2 not synchronized",
    "Level 3 halted",
    "Level 3 reset",
    "Link number out of range",
    "Protocol driver not attached",
    "No CSI structure available",
    "Level 2 halted",
    "Invalid exchange",
    "Invalid request descriptor",
    "Exchange full",
    "No anode",
    "Invalid request code",
    "Invalid slot",
    "Unknown error 58",
    "Bad font file format",
    "Device not a stream",
    "No data available",
    "Timer expired",
    "Out of streams resources",
    "Machine is not on the network",
    "Package not installed",
    "Object is remote",
    "Link has been severed",
    "Advertise error",
    "Srmount error",
    "Communication error on send",
    "Protocol error",
    "Multihop attempted",
    "RFS specific error",
    "Bad message",
    "Value too large for defined data type",
    "Name not unique on network",
    "File descriptor in bad state",
    "Remote address changed",
    "Can not access a needed shared library",
    "Accessing a corrupted shared library",
    ".lib section in a.out corrupted",
    "Attempting to link in too many shared libraries",
    "Cannot exec a shared library directly",
    "Invalid or incomplete multibyte or wide character",
    "Interrupted system call should be restarted",
    "Streams pipe error",
    "Too many users",
    "Socket operation on non-socket",
    "Destination address required",
    "Message too long",
    "Protocol wrong type for socket",
    "Protocol not available",
    "Protocol not supported",
    "Socket type not supported",
    "Operation not supported",
    "Protocol family not supported",
    "Address family not supported by protocol",
    "Address already in use",
    "Cannot assign requested address",
    "Network is down",
    "Network is unreachable",
    "Network dropped connection on reset",
    "Software caused connection abort",
    "Connection reset by peer",
    "No buffer space available",
    "Transport endpoint is already connected",
    "Transport endpoint is not connected",
    "Cannot send after transport endpoint shutdown",
    "Too many references: cannot splice",
    "Connection timed out",
    "Connection refused",
    "Host is down",
    "No route to host",
    "Operation already in progress",
    "Operation now in progress",
    "Stale file handle",
    "Structure needs cleaning",
    "Not a XENIX named type file",
    "No XENIX semaphores available",
    "Is a named type file",
    "Remote I/O error",
    "Disk quota exceeded",
    "No medium found",
    "Wrong medium type",
    "Operation canceled",
    "Required key not available",
    "Key has expired",
    "Key has been revoked",
    "Key was rejected by service",
    "Owner died",
    "State not recoverable",
    "Operation not possible due to RF-kill",
    "Memory page has hardware error",
];

/// glibc's descriptions of signals 1 to 31 (`strsignal`, `psignal`).
const STRSIGNAL: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

/// Bytes of the library's string region: every `strerror` message
/// NUL-terminated, a 32-byte buffer for "Unknown error N" (and
/// `strsignal`'s made-up texts), then the signal descriptions. Built
/// once per thread and shared by every process (copied only if one
/// writes the buffer).
pub fn table_bytes() -> Rc<Vec<u8>> {
    thread_local! {
        static TABLE: Rc<Vec<u8>> = {
            let mut v = Vec::new();
            for s in STRERROR {
                v.extend_from_slice(s.as_bytes());
                v.push(0);
            }
            v.extend_from_slice(&[0; UNKNOWN_BUF]);
            for s in STRSIGNAL.iter().chain(GAI.iter().map(|g| &g.1)) {
                v.extend_from_slice(s.as_bytes());
                v.push(0);
            }
            Rc::new(v)
        };
    }
    TABLE.with(Rc::clone)
}

/// `gai_strerror`'s texts by `EAI_*` code (glibc 2.36), the last for
/// any other code.
const GAI: [(i32, &str); 10] = [
    (-1, "Bad value for ai_flags"),
    (-2, "Name or service not known"),
    (-3, "Temporary failure in name resolution"),
    (-4, "Non-recoverable failure in name resolution"),
    (-6, "ai_family not supported"),
    (-7, "ai_socktype not supported"),
    (-8, "Servname not supported for ai_socktype"),
    (-10, "Memory allocation failure"),
    (-11, "System error"),
    (0, "Unknown error"),
];

/// Offset of `gai_strerror(e)`'s text in [`table_bytes`].
pub fn gai_offset(e: i32) -> usize {
    let k = GAI.iter().position(|g| g.0 == e).unwrap_or(GAI.len() - 1);
    let signals: usize = STRSIGNAL.iter().map(|s| s.len() + 1).sum();
    unknown_offset() + UNKNOWN_BUF + signals + GAI[..k].iter().map(|g| g.1.len() + 1).sum::<usize>()
}

/// Offset of signal `sig`'s description in [`table_bytes`], if it has one.
pub fn signal_offset(sig: i32) -> Option<usize> {
    let k = usize::try_from(sig).ok().filter(|&k| (1..=STRSIGNAL.len()).contains(&k))? - 1;
    Some(unknown_offset() + UNKNOWN_BUF + STRSIGNAL[..k].iter().map(|s| s.len() + 1).sum::<usize>())
}

/// Signal `sig`'s description, as glibc's `strsignal` gives it.
pub fn signal_text(sig: i32) -> String {
    match usize::try_from(sig).ok().and_then(|k| STRSIGNAL.get(k.wrapping_sub(1))) {
        Some(s) => (*s).to_string(),
        None if (34..=64).contains(&sig) => format!("Real-time signal {}", sig - 34),
        None => format!("Unknown signal {sig}"),
    }
}

/// Size of the buffer for unknown error numbers.
pub const UNKNOWN_BUF: usize = 32;

/// Offset of message `e` in [`table_bytes`], or `None` if unknown.
pub fn offset(e: i32) -> Option<usize> {
    let e = usize::try_from(e).ok().filter(|&e| e < STRERROR.len())?;
    Some(STRERROR[..e].iter().map(|s| s.len() + 1).sum())
}

/// Offset of the unknown-error buffer.
pub fn unknown_offset() -> usize {
    STRERROR.iter().map(|s| s.len() + 1).sum()
}

/// The message for `e`, as glibc's `strerror` gives it.
pub fn message(e: i32) -> String {
    match usize::try_from(e).ok().and_then(|i| STRERROR.get(i)) {
        Some(s) => (*s).to_string(),
        None => format!("Unknown error {e}"),
    }
}
