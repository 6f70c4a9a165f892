//! `struct flock` as glibc lays it out on x86_64, for `fcntl`'s
//! `F_GETLK`, `F_SETLK` and `F_SETLKW`: measured with `offsetof` (size
//! 32: `short l_type` at 0, `short l_whence` at 2, `off_t l_start` at 8,
//! `off_t l_len` at 16, `pid_t l_pid` at 24, padding after each short
//! pair and after the pid). Both kernels and the trace read it the same.

/// `sizeof(struct flock)`.
pub const FLOCK_SIZE: usize = 32;

/// The fields of a `struct flock` (the padding is never read or written:
/// Linux copies the struct in and back whole, so padding comes back as
/// the program left it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flock {
    /// `l_type`: `F_RDLCK`, `F_WRLCK` or `F_UNLCK`.
    pub ty: i16,
    /// `l_whence`: `SEEK_SET`, `SEEK_CUR` or `SEEK_END`.
    pub whence: i16,
    /// `l_start`: from `l_whence`.
    pub start: i64,
    /// `l_len`: 0 to the end of the file and beyond; negative: the bytes
    /// before `l_start` (POSIX-2001).
    pub len: i64,
    /// `l_pid`: the holder `F_GETLK` reports.
    pub pid: i32,
}

impl Flock {
    /// The fields from the struct's 32 bytes.
    pub fn from_bytes(b: &[u8; FLOCK_SIZE]) -> Flock {
        let i16_at = |k: usize| i16::from_le_bytes([b[k], b[k + 1]]);
        let i64_at = |k: usize| i64::from_le_bytes(b[k..k + 8].try_into().expect("eight bytes"));
        Flock { ty: i16_at(0), whence: i16_at(2), start: i64_at(8), len: i64_at(16), pid: i32::from_le_bytes([b[24], b[25], b[26], b[27]]) }
    }

    /// Writes the fields into the struct's bytes, leaving the padding.
    pub fn write_to(&self, b: &mut [u8; FLOCK_SIZE]) {
        b[0..2].copy_from_slice(&self.ty.to_le_bytes());
        b[2..4].copy_from_slice(&self.whence.to_le_bytes());
        b[8..16].copy_from_slice(&self.start.to_le_bytes());
        b[16..24].copy_from_slice(&self.len.to_le_bytes());
        b[24..28].copy_from_slice(&self.pid.to_le_bytes());
    }
}

/// A lock type's name, as `<fcntl.h>` spells it (the trace).
pub fn type_name(ty: i16) -> String {
    match ty {
        0 => "F_RDLCK".into(),
        1 => "F_WRLCK".into(),
        2 => "F_UNLCK".into(),
        t => t.to_string(),
    }
}

/// A `flock` operation's name (`LOCK_EX|LOCK_NB`), as `<sys/file.h>`
/// spells it (the trace).
pub fn flock_op_name(op: i32) -> String {
    let mut parts: Vec<String> = [(1, "LOCK_SH"), (2, "LOCK_EX"), (8, "LOCK_UN"), (4, "LOCK_NB"), (32, "LOCK_MAND")]
        .iter()
        .filter(|(bit, _)| op & bit != 0)
        .map(|(_, n)| n.to_string())
        .collect();
    let rest = op & !(1 | 2 | 4 | 8 | 32);
    if rest != 0 || parts.is_empty() {
        parts.push(format!("{rest:#x}"));
    }
    parts.join("|")
}
