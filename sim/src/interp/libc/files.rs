//! Streams on files: `fopen`, `fdopen`, `fclose`, `fread`, `fseek`,
//! `ftell`, `rewind`, `clearerr`. A stream is a descriptor with glibc's
//! buffers ([`super::stdio::FileStream`]); opening, closing and seeking
//! are the kernel's calls, made after the buffered output is written,
//! as glibc makes them.

use super::stdio::Which;
use super::{finish, input, stream, LibFn, LibResult, Outcome, Stop};
use crate::abi::call::{Call, FdCall, FsCall};
use crate::abi::errno::{EBADF, EINVAL};
use crate::interp::process::{After, Then};
use crate::interp::{Event, Process, Shared};
use crate::ir::{region, Program};

/// Offset in the stdio region of the first `fopen` stream's `FILE *`
/// (after `stdin`, `stdout`, `stderr`).
pub(super) const FIRST: u64 = 24;

/// The `FILE *` of stream `k` of [`super::stdio::Stdio::files`].
pub fn file_handle(k: usize) -> u64 {
    ((region::STDIO as u64) << 32) + FIRST + 8 * k as u64
}

/// `open` flags and the stream's sides for an `fopen` mode, as glibc
/// reads it: `r`, `w` or `a`, then up to six more characters, among them
/// `+`, `x`, `e` (others, such as `b` or `t`, are ignored).
fn mode(m: &[u8]) -> Option<(i32, bool, bool)> {
    use crate::abi::flags::{O_ACCMODE, O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY};
    let (mut flags, mut read, mut write) = match m.first()? {
        b'r' => (O_RDONLY, true, false),
        b'w' => (O_WRONLY | O_CREAT | O_TRUNC, false, true),
        b'a' => (O_WRONLY | O_CREAT | O_APPEND, false, true),
        _ => return None,
    };
    for &c in m.iter().skip(1).take(6) {
        match c {
            b'+' => {
                flags = (flags & !O_ACCMODE) | O_RDWR;
                read = true;
                write = true;
            }
            b'x' => flags |= O_EXCL,
            b'e' => flags |= O_CLOEXEC,
            _ => {}
        }
    }
    Some((flags, read, write))
}

pub(super) fn call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    match f {
        LibFn::Fopen => {
            let Some((flags, read, write)) = mode(p.mem.cstr(sh, a[1])?) else {
                p.set_errno(prog, EINVAL);
                return Ok(Outcome::Value(0));
            };
            p.after = After::Opened { read, write, append: flags & crate::abi::flags::O_APPEND != 0 };
            Ok(Outcome::Stop(Event::Syscall(Call::Fs(FsCall::Open { path: a[0], flags, mode: 0o666 }))))
        }
        LibFn::Fdopen => {
            let Some((_, read, write)) = mode(p.mem.cstr(sh, a[1])?) else {
                p.set_errno(prog, EINVAL);
                return Ok(Outcome::Value(0));
            };
            // The descriptor must be open, with an access mode that
            // allows the stream's.
            let fd = a[0] as i32;
            p.after = After::Fdopen { fd, read, write };
            Ok(Outcome::Stop(Event::Syscall(Call::Fd(FdCall::Fcntl { fd, cmd: 3, arg: 0 }))))
        }
        LibFn::Fclose => {
            let w = stream(p, a[0])?;
            let fd = p.stdio.fd(w);
            p.stdio.flush(w);
            if let Which::File(k) = w {
                p.stdio.files[k] = None;
            }
            Ok(finish(p, Then::Syscall(Call::Fd(FdCall::Close { fd }), Box::new(After::Status))))
        }
        LibFn::Fread => fread(p, prog, sh, a),
        LibFn::Fseek | LibFn::Rewind => {
            let w = stream(p, a[0])?;
            let (off, whence) = if f == LibFn::Rewind { (0, 0) } else { (a[1] as i64, a[2] as i32) };
            seek(p, w, off, whence, if f == LibFn::Rewind { After::Ignore } else { After::Status })
        }
        LibFn::Ftell => {
            let w = stream(p, a[0])?;
            let unread = p.stdio.input_of(w).map_or(0, |i| i.avail().len() as i64);
            let unwritten = p.stdio.out_mut(w).map_or(0, |s| s.buf.len() as i64);
            let fd = p.stdio.fd(w);
            // An appending stream writes at the file's end (glibc puts its
            // position there at fopen).
            let append = matches!(w, Which::File(k) if p.stdio.files[k].as_ref().is_some_and(|f| f.append));
            p.after = After::Offset(unwritten - unread);
            let whence = if append { 2 } else { 1 };
            Ok(Outcome::Stop(Event::Syscall(Call::Fs(FsCall::Lseek { fd, off: 0, whence }))))
        }
        LibFn::Clearerr => {
            let w = stream(p, a[0])?;
            if let Some(i) = p.stdio.input_mut(w) {
                i.eof = false;
                i.error = false;
            }
            Ok(Outcome::Void)
        }
        _ => unreachable!("only file stream routines are routed here"),
    }
}

/// `fseek`/`rewind`: the output written, the input dropped (a seek
/// relative to the current position counts the bytes read ahead), end
/// of file and errors cleared, then `lseek`.
fn seek(p: &mut Process, w: Which, off: i64, whence: i32, after: After) -> LibResult {
    let fd = p.stdio.fd(w);
    let mut off = off;
    if let Some(i) = p.stdio.input_mut(w) {
        if whence == 1 {
            off -= i.avail().len() as i64;
        }
        i.clear();
    }
    p.stdio.flush(w);
    Ok(finish(p, Then::Syscall(Call::Fs(FsCall::Lseek { fd, off, whence }), Box::new(after))))
}

/// `fread(ptr, size, n, stream)`: whole items, as many as the input has
/// before its end (a partial last item's bytes are consumed too).
fn fread(p: &mut Process, prog: &Program, sh: &mut dyn Shared, a: &[u64]) -> LibResult {
    let w = stream(p, a[3])?;
    let (size, n) = (a[1], a[2]);
    let Some(inp) = p.stdio.input_of(w) else {
        p.set_errno(prog, EBADF);
        return Ok(Outcome::Value(0));
    };
    // glibc multiplies without an overflow check.
    let total = size.wrapping_mul(n);
    if total == 0 {
        return Ok(Outcome::Value(0));
    }
    let have = inp.avail().len() as u64;
    if have < total && !input::ended(p, w) {
        return Ok(input::refill(p, w, a));
    }
    let take = have.min(total) as usize;
    let bytes = p.stdio.input_of(w).expect("checked above").avail()[..take].to_vec();
    p.mem.slice_mut(sh, a[0], take).map_err(Stop::Memory)?.copy_from_slice(&bytes);
    if let Some(i) = p.stdio.input_mut(w) {
        i.consume(take);
    }
    Ok(Outcome::Value(take as u64 / size))
}
