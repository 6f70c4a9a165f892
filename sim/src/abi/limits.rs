//! The limits of a run, one set for both backends, so that a fork bomb
//! or a descriptor leak ends the same way in the simulator and on the
//! real kernel (and crosscheck compares like with like). Past each, the
//! program sees what Linux shows past the matching rlimit.

/// Processes of a run that exist at once (running, or exited and not yet
/// reaped), the first included: `fork` fails with `EAGAIN` past it, as
/// under `RLIMIT_NPROC`.
pub const MAX_PROCS: usize = 64;

/// Descriptors a process may hold (the usual soft `RLIMIT_NOFILE`):
/// `EMFILE` past it, and `dup2` to a number at or past it is `EBADF`.
pub const MAX_FDS: usize = 1024;

/// Bytes of one shared-memory object: `ftruncate` past it is `EFBIG`.
pub const MAX_SHARED: u64 = 256 << 20;

/// Bytes of `malloc` blocks one process may hold: `malloc` returns NULL
/// with `ENOMEM` past it.
pub const MAX_HEAP: u64 = 1 << 30;

/// Bytes of private memory all processes of a run hold together
/// (`malloc` blocks, private mappings, writable globals), counted as if
/// each process had its own copy, though `fork` shares them until one
/// writes: `malloc` and `mmap` fail with `ENOMEM` past it, and so does a
/// `fork` whose child would not fit. Stacks are bounded apart (8 MiB).
pub const MAX_MEMORY: u64 = 2 << 30;

/// Bytes written to stdout and stderr that a run keeps: past it, the
/// program's writes still succeed, but the outcome keeps only the first
/// `MAX_OUTPUT` bytes and says it was truncated.
pub const MAX_OUTPUT: usize = 16 << 20;
