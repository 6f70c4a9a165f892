//! errno values (asm-generic/errno-base.h) and their names.

/// Operation not permitted.
pub const EPERM: i32 = 1;
/// No such file or directory.
pub const ENOENT: i32 = 2;
/// No such process.
pub const ESRCH: i32 = 3;
/// Interrupted system call.
pub const EINTR: i32 = 4;
/// Bad file descriptor.
pub const EBADF: i32 = 9;
/// No child processes.
pub const ECHILD: i32 = 10;
/// Resource temporarily unavailable.
pub const EAGAIN: i32 = 11;
/// Cannot allocate memory.
pub const ENOMEM: i32 = 12;
/// Permission denied.
pub const EACCES: i32 = 13;
/// Bad address.
pub const EFAULT: i32 = 14;
/// Device or resource busy.
pub const EBUSY: i32 = 16;
/// File exists.
pub const EEXIST: i32 = 17;
/// No such device.
pub const ENODEV: i32 = 19;
/// Invalid argument.
pub const EINVAL: i32 = 22;
/// Too many open files.
pub const EMFILE: i32 = 24;
/// File too large.
pub const EFBIG: i32 = 27;
/// No space left on device (a full tmpfs).
pub const ENOSPC: i32 = 28;
/// Message too long.
pub const EMSGSIZE: i32 = 90;
/// Broken pipe.
pub const EPIPE: i32 = 32;
/// File name too long.
pub const ENAMETOOLONG: i32 = 36;
/// Value too large for defined data type.
pub const EOVERFLOW: i32 = 75;
/// Resource deadlock avoided (`F_SETLKW` that would close a cycle).
pub const EDEADLK: i32 = 35;
/// Not a directory.
pub const ENOTDIR: i32 = 20;
/// Is a directory.
pub const EISDIR: i32 = 21;
/// Directory not empty.
pub const ENOTEMPTY: i32 = 39;
/// Socket operation on non-socket.
pub const ENOTSOCK: i32 = 88;
/// Destination address required.
pub const EDESTADDRREQ: i32 = 89;
/// Protocol wrong type for socket.
pub const EPROTOTYPE: i32 = 91;
/// Protocol not supported.
pub const EPROTONOSUPPORT: i32 = 93;
/// Socket type not supported.
pub const ESOCKTNOSUPPORT: i32 = 94;
/// Operation not supported.
pub const EOPNOTSUPP: i32 = 95;
/// Address family not supported by protocol.
pub const EAFNOSUPPORT: i32 = 97;
/// Address already in use.
pub const EADDRINUSE: i32 = 98;
/// Cannot assign requested address.
pub const EADDRNOTAVAIL: i32 = 99;
/// Network is unreachable.
pub const ENETUNREACH: i32 = 101;
/// Operation now in progress.
pub const EINPROGRESS: i32 = 115;
/// Software caused connection abort.
pub const ECONNABORTED: i32 = 103;
/// Operation already in progress.
pub const EALREADY: i32 = 114;
/// Protocol not available.
pub const ENOPROTOOPT: i32 = 92;
/// Numerical argument out of domain.
pub const EDOM: i32 = 33;
/// Connection reset by peer.
pub const ECONNRESET: i32 = 104;
/// No buffer space available.
pub const ENOBUFS: i32 = 105;
/// Transport endpoint is already connected.
pub const EISCONN: i32 = 106;
/// Transport endpoint is not connected.
pub const ENOTCONN: i32 = 107;
/// Connection refused.
pub const ECONNREFUSED: i32 = 111;
/// Inappropriate ioctl for device (`isatty` of a non-terminal).
pub const ENOTTY: i32 = 25;
/// Argument list too long (`msgrcv` of a longer message, `semop` of too
/// many operations).
pub const E2BIG: i32 = 7;
/// No message of the desired type.
pub const ENOMSG: i32 = 42;
/// Identifier removed.
pub const EIDRM: i32 = 43;
/// Result out of range.
pub const ERANGE: i32 = 34;
/// No such device or address (`open` of a socket file).
pub const ENXIO: i32 = 6;
/// Illegal seek (`lseek` of a pipe or socket).
pub const ESPIPE: i32 = 29;
/// Connection timed out (a timed wait's deadline passed).
pub const ETIMEDOUT: i32 = 110;

/// The symbolic name of an errno value, if it is one ipcsim can produce.
pub fn name(e: i32) -> Option<&'static str> {
    Some(match e {
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        ESRCH => "ESRCH",
        EINTR => "EINTR",
        EBADF => "EBADF",
        ECHILD => "ECHILD",
        EAGAIN => "EAGAIN",
        ENOMEM => "ENOMEM",
        EACCES => "EACCES",
        EFAULT => "EFAULT",
        EBUSY => "EBUSY",
        EEXIST => "EEXIST",
        ENODEV => "ENODEV",
        EINVAL => "EINVAL",
        EMFILE => "EMFILE",
        EFBIG => "EFBIG",
        ENOSPC => "ENOSPC",
        EMSGSIZE => "EMSGSIZE",
        EPIPE => "EPIPE",
        ENAMETOOLONG => "ENAMETOOLONG",
        EOVERFLOW => "EOVERFLOW",
        EDEADLK => "EDEADLK",
        ENOTDIR => "ENOTDIR",
        EISDIR => "EISDIR",
        ENOTEMPTY => "ENOTEMPTY",
        ENOTSOCK => "ENOTSOCK",
        EDESTADDRREQ => "EDESTADDRREQ",
        EPROTOTYPE => "EPROTOTYPE",
        EPROTONOSUPPORT => "EPROTONOSUPPORT",
        ESOCKTNOSUPPORT => "ESOCKTNOSUPPORT",
        EOPNOTSUPP => "EOPNOTSUPP",
        EAFNOSUPPORT => "EAFNOSUPPORT",
        EADDRINUSE => "EADDRINUSE",
        EADDRNOTAVAIL => "EADDRNOTAVAIL",
        ENETUNREACH => "ENETUNREACH",
        EINPROGRESS => "EINPROGRESS",
        EALREADY => "EALREADY",
        ECONNABORTED => "ECONNABORTED",
        ENOPROTOOPT => "ENOPROTOOPT",
        EDOM => "EDOM",
        ECONNRESET => "ECONNRESET",
        ENOBUFS => "ENOBUFS",
        EISCONN => "EISCONN",
        ENOTCONN => "ENOTCONN",
        ECONNREFUSED => "ECONNREFUSED",
        ETIMEDOUT => "ETIMEDOUT",
        ENXIO => "ENXIO",
        ESPIPE => "ESPIPE",
        E2BIG => "E2BIG",
        ENOMSG => "ENOMSG",
        EIDRM => "EIDRM",
        ERANGE => "ERANGE",
        ENOTTY => "ENOTTY",
        _ => return None,
    })
}
