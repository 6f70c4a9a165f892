//! POSIX semaphores: the rules of Linux with glibc
//! (`linux-ipc-semantics.md` §5). A semaphore is the 32 bytes of a
//! `sem_t`; glibc keeps its value in the first four, so the value lives in
//! the program's memory: shared between processes when the `sem_t` is in
//! a shared mapping (a named semaphore always is), private otherwise.
//! Semaphores have no owner: a value taken by a process that dies stays
//! taken.

use super::shm;
use crate::abi::errno::{EAGAIN, EINVAL, ENAMETOOLONG, EOVERFLOW};

/// `sizeof(sem_t)`.
pub const SEM_SIZE: u64 = 32;
/// glibc's `private` word of a `sem_t` shared between processes (a
/// named one, or `sem_init` with `pshared` 1): 0 means process-private.
pub const FUTEX_SHARED: u32 = 128;
/// `SEM_VALUE_MAX`.
pub const SEM_VALUE_MAX: u32 = i32::MAX as u32;

/// The value `sem_init` or a creating `sem_open` may start with.
pub fn initial(value: u32) -> Result<u32, i32> {
    if value > SEM_VALUE_MAX {
        Err(EINVAL)
    } else {
        Ok(value)
    }
}

/// The value after `sem_post`.
pub fn post(value: u32) -> Result<u32, i32> {
    if value >= SEM_VALUE_MAX {
        Err(EOVERFLOW)
    } else {
        Ok(value + 1)
    }
}

/// The value after `sem_trywait` (or a `sem_wait` that may go on).
pub fn take(value: u32) -> Result<u32, i32> {
    if value == 0 {
        Err(EAGAIN)
    } else {
        Ok(value - 1)
    }
}

/// The `/dev/shm` name of the semaphore `sem_open` names: `sem.` and the
/// name without its leading slashes, as glibc makes it.
pub fn object_name(name: &[u8]) -> Result<String, i32> {
    let n = shm::check_name(name)?;
    if n.len() + 4 > 255 {
        return Err(ENAMETOOLONG);
    }
    Ok(format!("sem.{n}"))
}
