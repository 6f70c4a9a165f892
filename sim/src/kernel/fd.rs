//! Open file descriptions and descriptor tables. A pipe counts its
//! readers and writers as descriptors, in every process: end of file
//! comes only when the last write-end descriptor anywhere is closed.

use super::calls::Sys;
use super::{Fd, Machine, StepCtx};
use crate::abi::call::{FdCall, PipeCall, Src};
use crate::abi::errno::{EAGAIN, EBADF, EFAULT, EINVAL, EMFILE, EPIPE};
use crate::abi::flags::{F_GETFD, F_GETFL, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETPIPE_SZ, O_APPEND, O_CLOEXEC, O_WRONLY};
use crate::interp::fault::Cause;
use crate::ipc::pipe::{Pipe, WriteStep, PAGE as PIPE_PAGE};
use crate::ir::MemTy;

/// What an open file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// Standard input: `/dev/null`.
    Stdin,
    /// ipcsim's capture of stdout (1) or stderr (2).
    Out(i32),
    /// The read end of a pipe.
    PipeRead(u32),
    /// The write end of a pipe.
    PipeWrite(u32),
    /// Both ends of a pipe: a named pipe opened `O_RDWR` (Linux's
    /// extension: the open never waits).
    PipeBoth(u32),
    /// A shared-memory object.
    Shm(u32),
    /// A message queue (`mqd_t`).
    Mq(u32),
    /// A socket.
    Socket(u32),
    /// A mailbox of `ipcsim.h`.
    Mbox(u32),
    /// `/dev/null`: reads end at once, writes vanish.
    DevNull,
    /// `/dev/zero`: reads give zeros, writes vanish.
    DevZero,
    /// A directory opened read-only: `read` is `EISDIR`. Its number
    /// is a hash of its resolved path, what a lock on it is on.
    Dir(u32),
}

/// An open file description, shared by `dup` and `fork`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpenFile {
    /// What it is.
    pub kind: FileKind,
    /// Access mode and status flags (`O_RDONLY`..., `O_NONBLOCK`).
    pub flags: i32,
    /// Descriptors referring to it.
    pub refs: u32,
    /// File offset (shm objects are files: `read`/`write` move it).
    pub offset: u64,
}

pub use crate::abi::flags::{O_ACCMODE as ACCMODE, O_NONBLOCK as NONBLOCK};

pub use crate::abi::limits::MAX_FDS;

impl Machine {
    /// A new open file with no descriptors yet... counted once referenced.
    pub(super) fn open_file(&mut self, kind: FileKind, flags: i32) -> u32 {
        self.files.push(Some(OpenFile { kind, flags, refs: 0, offset: 0 }));
        let f = (self.files.len() - 1) as u32;
        self.ref_file(f);
        f
    }

    /// `open`'s descriptor in process `i` for a new open file of `kind`:
    /// the access mode and status flags kept, close-on-exec as asked.
    pub(super) fn open_fd(&mut self, i: usize, kind: FileKind, flags: i32) -> i64 {
        let f = self.open_file(kind, flags & (ACCMODE | NONBLOCK | crate::abi::flags::O_APPEND));
        let fd = self.install(i, f, 0);
        if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
            d.cloexec = flags & crate::abi::flags::O_CLOEXEC != 0;
        }
        fd
    }

    /// One more descriptor refers to `f`.
    pub(super) fn ref_file(&mut self, f: u32) {
        let Some(file) = self.files[f as usize].as_mut() else {
            return;
        };
        file.refs += 1;
        match file.kind {
            FileKind::PipeRead(p) => self.pipes[p as usize].readers += 1,
            FileKind::PipeWrite(p) => self.pipes[p as usize].writers += 1,
            FileKind::PipeBoth(p) => {
                self.pipes[p as usize].readers += 1;
                self.pipes[p as usize].writers += 1;
            }
            _ => {}
        }
    }

    /// One descriptor less refers to `f`; the last one closes it.
    pub(super) fn unref_file(&mut self, f: u32) {
        let Some(file) = self.files[f as usize].as_mut() else {
            return;
        };
        file.refs -= 1;
        let kind = file.kind;
        let last = file.refs == 0;
        if last {
            self.files[f as usize] = None;
            // Its last descriptor closed: its flock lock goes (Linux's
            // locks_remove_file, at the description's final fput).
            self.locks.release_flock(f);
        }
        match kind {
            FileKind::PipeRead(p) => self.pipes[p as usize].readers -= 1,
            FileKind::PipeWrite(p) => self.pipes[p as usize].writers -= 1,
            FileKind::PipeBoth(p) => {
                self.pipes[p as usize].readers -= 1;
                self.pipes[p as usize].writers -= 1;
            }
            FileKind::Shm(_) if last => self.collect_shared(),
            FileKind::Mq(_) if last => self.collect_queues(),
            FileKind::Socket(s) if last => self.release_socket(s, false),
            _ => {}
        }
    }

    /// The open file behind descriptor `fd` of process `i`.
    pub(crate) fn file_of(&self, i: usize, fd: i64) -> Option<(u32, &OpenFile)> {
        let fd = usize::try_from(fd).ok()?;
        let f = self.procs[i].fds.get(fd)?.as_ref()?.file;
        Some((f, self.files[f as usize].as_ref()?))
    }

    /// Installs `file` at the lowest free descriptor (at least `min`).
    pub(super) fn install(&mut self, i: usize, file: u32, min: usize) -> i64 {
        let fds = &mut self.procs[i].fds;
        let slot = (min..).find(|&k| fds.get(k).is_none_or(|s| s.is_none())).expect("an unbounded range has a free slot");
        if slot >= fds.len() {
            fds.resize(slot + 1, None);
        }
        fds[slot] = Some(Fd { file, cloexec: false });
        slot as i64
    }

    /// Removes descriptor `fd` of process `i`; false if it was not open.
    pub(super) fn close_fd(&mut self, i: usize, fd: i64) -> bool {
        let Some(slot) = usize::try_from(fd).ok().and_then(|k| self.procs[i].fds.get_mut(k)) else {
            return false;
        };
        match slot.take() {
            Some(d) => {
                self.release_records_on_close(i, d.file);
                self.mq_flush(i, d.file);
                self.unref_file(d.file);
                true
            }
            None => false,
        }
    }
}

impl Machine {
    pub(super) fn fd_call(&mut self, i: usize, c: FdCall, cx: &mut StepCtx) -> Sys {
        match c {
            FdCall::Close { fd } => {
                if self.close_fd(i, fd as i64) {
                    Sys::Ret(0)
                } else {
                    Sys::err(EBADF)
                }
            }
            FdCall::Dup { fd } => match self.file_of(i, fd as i64) {
                Some((f, _)) => Sys::Ret(self.dup_to(i, f, 0)),
                None => Sys::err(EBADF),
            },
            FdCall::Dup2 { old, new } => self.dup2(i, old as i64, new as i64),
            FdCall::Fcntl { fd, cmd, arg } => self.fcntl(i, fd as i64, cmd, arg),
            FdCall::Lock { fd, cmd, lock } => self.record_call(i, fd, cmd, lock),
            FdCall::Flock { fd, op } => self.flock_call(i, fd, op),
            FdCall::Read { fd, buf, len, at: None } => self.read(i, fd as i64, buf, len, cx),
            FdCall::Read { fd, buf, len, at: Some(off) } => self.at_offset(i, fd as i64, off, |m| m.read(i, fd as i64, buf, len, cx)),
            FdCall::Fill { fd, len } => self.fill(i, fd as i64, len, cx),
            FdCall::Poll { fds, nfds, .. } => Sys::from(self.poll(i, fds, nfds)),
            FdCall::Select { nfds, sets, timeout } => {
                let checked = if timeout != 0 { self.timeval(i, timeout).map(|_| ()) } else { Ok(()) };
                Sys::from(checked.and_then(|_| self.select(i, nfds, sets)).and_then(|n| self.timeval_left(i, timeout).map(|_| n)))
            }
            FdCall::Fsync { fd } => match self.file_of(i, fd as i64).map(|(_, f)| f.kind) {
                None => Sys::err(EBADF),
                Some(FileKind::PipeRead(_) | FileKind::PipeWrite(_) | FileKind::PipeBoth(_) | FileKind::Socket(_)) => Sys::err(EINVAL),
                Some(_) => Sys::Ret(0),
            },
            FdCall::Isatty { fd } => match self.file_of(i, fd as i64) {
                None => Sys::err(EBADF),
                Some((_, f)) if matches!(f.kind, FileKind::Out(_)) && cx.config.process.stdout == crate::interp::StdoutMode::Tty => {
                    Sys::Ret(1)
                }
                Some(_) => Sys::err(crate::abi::errno::ENOTTY),
            },
            FdCall::Write { fd, src, len, at: None } => self.write(i, fd as i64, src, len, cx),
            FdCall::Write { fd, src, len, at: Some(off) } => self.at_offset(i, fd as i64, off, |m| m.write(i, fd as i64, src, len, cx)),
        }
    }

    pub(super) fn pipe_call(&mut self, i: usize, c: PipeCall) -> Sys {
        let PipeCall::Pipe { fds, flags } = c;
        if flags & !(NONBLOCK | O_CLOEXEC) != 0 {
            return Sys::err(EINVAL);
        }
        if self.open_fds(i) + 2 > MAX_FDS {
            return Sys::err(EMFILE);
        }
        self.pipes.push(Pipe::default());
        let p = (self.pipes.len() - 1) as u32;
        let r = self.open_file(FileKind::PipeRead(p), flags & NONBLOCK);
        let rfd = self.install(i, r, 0);
        let w = self.open_file(FileKind::PipeWrite(p), 1 | (flags & NONBLOCK));
        let wfd = self.install(i, w, 0);
        for fd in [rfd, wfd] {
            if let Some(Some(f)) = self.procs[i].fds.get_mut(fd as usize) {
                f.cloexec = flags & O_CLOEXEC != 0;
            }
        }
        if self.store(i, fds, MemTy::I32, rfd as u64).is_err() || self.store(i, fds.wrapping_add(4), MemTy::I32, wfd as u64).is_err() {
            self.close_fd(i, rfd);
            self.close_fd(i, wfd);
            return Sys::err(EFAULT);
        }
        Sys::Ret(0)
    }

    /// Descriptors process `i` has open.
    pub(super) fn open_fds(&self, i: usize) -> usize {
        self.procs[i].fds.iter().filter(|d| d.is_some()).count()
    }

    /// A new descriptor for open file `f` (at least `min`), or `-EMFILE`.
    pub(super) fn dup_to(&mut self, i: usize, f: u32, min: usize) -> i64 {
        if self.open_fds(i) >= MAX_FDS {
            return -(EMFILE as i64);
        }
        self.ref_file(f);
        self.install(i, f, min)
    }

    /// A read would not block.
    pub(super) fn read_ready(&self, i: usize, fd: i32, len: u64) -> bool {
        match self.file_of(i, fd as i64) {
            Some((_, f)) => match f.kind {
                FileKind::PipeRead(p) | FileKind::PipeBoth(p) => f.flags & NONBLOCK != 0 || len == 0 || self.pipes[p as usize].readable(),
                // read(2) of 0 bytes returns at once; recv(2) waits.
                FileKind::Socket(_) => len == 0 || self.recv_ready(i, fd, 0),
                _ => true,
            },
            None => true,
        }
    }

    /// A write would make progress now.
    pub(super) fn write_ready(&self, i: usize, fd: i32, len: u64) -> bool {
        match self.file_of(i, fd as i64) {
            Some((_, f)) => match f.kind {
                FileKind::PipeWrite(p) | FileKind::PipeBoth(p) => {
                    f.flags & NONBLOCK != 0 || len == 0 || self.pipes[p as usize].writable(len as usize, self.procs[i].io_done)
                }
                FileKind::Socket(_) => self.send_ready(i, fd, super::socket::Io::plain(Src::Stdio, len)),
                _ => true,
            },
            None => true,
        }
    }

    fn dup2(&mut self, i: usize, old: i64, new: i64) -> Sys {
        let Some((f, _)) = self.file_of(i, old) else {
            return Sys::err(EBADF);
        };
        if !(0..MAX_FDS as i64).contains(&new) {
            return Sys::err(EBADF);
        }
        if old == new {
            return Sys::Ret(new);
        }
        self.close_fd(i, new);
        self.ref_file(f);
        let fds = &mut self.procs[i].fds;
        if fds.len() <= new as usize {
            fds.resize(new as usize + 1, None);
        }
        fds[new as usize] = Some(Fd { file: f, cloexec: false });
        Sys::Ret(new)
    }

    fn fcntl(&mut self, i: usize, fd: i64, cmd: i32, arg: i64) -> Sys {
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::err(EBADF);
        };
        let (kind, flags) = (file.kind, file.flags);
        match cmd {
            F_GETFD => Sys::Ret(self.procs[i].fds[fd as usize].map_or(0, |d| d.cloexec as i64)),
            F_SETFD => {
                if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
                    d.cloexec = arg & 1 != 0;
                }
                Sys::Ret(0)
            }
            F_GETFL => Sys::Ret(flags as i64),
            F_SETFL => {
                let file = self.files[f as usize].as_mut().expect("open");
                file.flags = (file.flags & !(NONBLOCK | O_APPEND)) | (arg as i32 & (NONBLOCK | O_APPEND));
                Sys::Ret(0)
            }
            F_SETPIPE_SZ | F_GETPIPE_SZ => {
                let p = match kind {
                    FileKind::PipeRead(p) | FileKind::PipeWrite(p) | FileKind::PipeBoth(p) => p as usize,
                    _ => return Sys::err(EBADF),
                };
                if cmd == F_GETPIPE_SZ {
                    Sys::Ret((self.pipes[p].max_slots * PIPE_PAGE) as i64)
                } else {
                    Sys::Ret(self.pipes[p].set_size(arg))
                }
            }
            _ => Sys::err(EINVAL),
        }
    }

    fn read(&mut self, i: usize, fd: i64, buf: u64, n: u64, cx: &mut StepCtx) -> Sys {
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::err(EBADF);
        };
        if file.flags & ACCMODE == O_WRONLY {
            return Sys::err(EBADF);
        }
        let (kind, nonblock, offset) = (file.kind, file.flags & NONBLOCK != 0, file.offset);
        match kind {
            FileKind::DevNull => Sys::Ret(0),
            FileKind::Dir(_) => Sys::err(crate::abi::errno::EISDIR),
            FileKind::DevZero => match self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, n as usize) {
                Ok(dst) => {
                    dst.fill(0);
                    self.wake_if_shared(i, buf);
                    Sys::Ret(n as i64)
                }
                Err(_) => Sys::err(EFAULT),
            },
            FileKind::Stdin => {
                let src = stdin_bytes(offset, n, cx);
                let k = src.len();
                match self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, k) {
                    Ok(dst) => dst.copy_from_slice(src),
                    Err(_) => return Sys::err(EFAULT),
                }
                self.wake_if_shared(i, buf);
                self.advance_offset(f, k);
                Sys::Ret(k as i64)
            }
            FileKind::Socket(_) if n == 0 => Sys::Ret(0),
            FileKind::Socket(s) => Sys::from(self.sock_recv(i, s, file.flags, super::socket::Io::plain(Src::Mem(buf), n))),
            FileKind::PipeRead(p) | FileKind::PipeBoth(p) => {
                let pipe = &mut self.pipes[p as usize];
                let k = (n.min(pipe.available() as u64)) as usize;
                if k == 0 && n > 0 && pipe.writers == 0 {
                    // End of file: every write end's close happens before.
                    cx.history.pipe_read(p, 0);
                }
                if k == 0 {
                    return Sys::Ret(if n == 0 || pipe.writers == 0 {
                        0
                    } else if nonblock {
                        -(EAGAIN as i64)
                    } else {
                        unreachable!("a blocked read is never stepped")
                    });
                }
                let Ok(dst) = self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, k) else {
                    return Sys::err(EFAULT);
                };
                let got = pipe.read(dst);
                cx.history.pipe_read(p, got as u64);
                self.wake_if_shared(i, buf);
                Sys::Ret(got as i64)
            }
            FileKind::Shm(obj) => {
                let src = self.shared.read_at(obj, offset, n).to_vec();
                let k = src.len();
                match self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, k) {
                    Ok(dst) => dst.copy_from_slice(&src),
                    Err(_) => return Sys::err(EFAULT),
                }
                self.wake_if_shared(i, buf);
                if let Some(file) = self.files[f as usize].as_mut() {
                    file.offset = offset + k as u64;
                }
                Sys::Ret(k as i64)
            }
            _ => Sys::err(EINVAL),
        }
    }

    /// `pread`/`pwrite`: the call at offset `off` of a seekable file,
    /// the file's own offset left as it was (`ESPIPE` on a pipe, a
    /// socket or the captured output; `EINVAL` for a negative offset,
    /// before anything else).
    fn at_offset(&mut self, i: usize, fd: i64, off: i64, call: impl FnOnce(&mut Self) -> Sys) -> Sys {
        // Linux looks at the offset before the descriptor.
        if off < 0 {
            return Sys::err(EINVAL);
        }
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::err(EBADF);
        };
        match file.kind {
            FileKind::Shm(_) | FileKind::DevNull | FileKind::DevZero | FileKind::Stdin | FileKind::Dir(_) => {}
            _ => return Sys::err(crate::abi::errno::ESPIPE),
        }
        let saved = file.offset;
        if let Some(file) = self.files[f as usize].as_mut() {
            file.offset = off as u64;
        }
        let r = call(self);
        if let Some(file) = self.files[f as usize].as_mut() {
            file.offset = saved;
        }
        r
    }

    fn advance_offset(&mut self, f: u32, k: usize) {
        if let Some(file) = self.files[f as usize].as_mut() {
            file.offset += k as u64;
        }
    }

    /// glibc filling `stdin`'s buffer: a read whose bytes go to the
    /// process's stdio (the trace shows it as the `read` it is).
    fn fill(&mut self, i: usize, fd: i64, n: u64, cx: &mut StepCtx) -> Sys {
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::err(EBADF);
        };
        if file.flags & ACCMODE == O_WRONLY {
            return Sys::err(EBADF);
        }
        let (kind, nonblock, offset) = (file.kind, file.flags & NONBLOCK != 0, file.offset);
        let bytes = match kind {
            FileKind::DevNull => Vec::new(),
            FileKind::DevZero => vec![0; n as usize],
            FileKind::Stdin => {
                let b = stdin_bytes(offset, n, cx).to_vec();
                self.advance_offset(f, b.len());
                b
            }
            FileKind::PipeRead(p) | FileKind::PipeBoth(p) => {
                let pipe = &mut self.pipes[p as usize];
                let k = (n.min(pipe.available() as u64)) as usize;
                if k == 0 && nonblock && pipe.writers > 0 {
                    return Sys::err(EAGAIN);
                }
                let mut b = vec![0; k];
                pipe.read(&mut b);
                cx.history.pipe_read(p, k as u64);
                b
            }
            FileKind::Shm(obj) => {
                let b = self.shared.read_at(obj, offset, n).to_vec();
                self.advance_offset(f, b.len());
                b
            }
            _ => return Sys::err(EINVAL),
        };
        self.procs[i].proc.stdio.filled(&bytes);
        Sys::Ret(bytes.len() as i64)
    }

    /// A kernel store into the caller's buffer wakes those spinning on it.
    pub(super) fn wake_if_shared(&mut self, i: usize, addr: u64) {
        if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(addr) {
            self.unpark_object(obj);
        }
    }

    fn write(&mut self, i: usize, fd: i64, src: Src, n: u64, cx: &mut StepCtx) -> Sys {
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::err(EBADF);
        };
        if file.flags & ACCMODE == crate::abi::flags::O_RDONLY {
            return Sys::err(EBADF);
        }
        let (kind, flags, offset) = (file.kind, file.flags, file.offset);
        if let FileKind::Socket(s) = kind {
            return self.sock_send(i, s, flags, super::socket::Io::plain(src, n), cx);
        }
        if n == 0 {
            return Sys::Ret(0);
        }
        let data = match self.procs[i].proc.write_bytes(&self.shared, src, n) {
            Ok(d) => d.to_vec(),
            Err(_) => return Sys::err(EFAULT),
        };
        match kind {
            FileKind::Out(k) => {
                cx.history.outcome.record(self.procs[i].pid, k, data);
                Sys::Ret(n as i64)
            }
            FileKind::DevNull | FileKind::DevZero => Sys::Ret(n as i64),
            FileKind::PipeWrite(p) | FileKind::PipeBoth(p) => self.pipe_write(i, p, &data, flags & NONBLOCK != 0, cx),
            FileKind::Shm(obj) => {
                let start = if flags & O_APPEND != 0 { self.shared.sizes[obj as usize] } else { offset };
                if !self.may_grow(obj, start.saturating_add(data.len() as u64)) {
                    return Sys::err(crate::abi::errno::ENOSPC);
                }
                match self.shared.write_at(obj, start, &data) {
                    Ok(end) => {
                        if let Some(file) = self.files[f as usize].as_mut() {
                            file.offset = end;
                        }
                        self.unpark_object(obj);
                        Sys::Ret(n as i64)
                    }
                    Err(e) => Sys::err(e),
                }
            }
            _ => Sys::err(EINVAL),
        }
    }

    fn pipe_write(&mut self, i: usize, p: u32, data: &[u8], nonblock: bool, cx: &mut StepCtx) -> Sys {
        let done = self.procs[i].io_done;
        if self.pipes[p as usize].readers == 0 {
            // SIGPIPE whether or not part of the write went in; only with
            // SIGPIPE ignored, caught or blocked does the caller see a result.
            if self.survives_sigpipe(i) {
                return Sys::Ret(if done > 0 { done as i64 } else { -(EPIPE as i64) });
            }
            self.die_of_sigpipe(i, Cause::BrokenPipe, cx);
            return Sys::Dead;
        }
        let mut now = done;
        let one_page = !nonblock && data.len() > PIPE_PAGE;
        let r = self.pipes[p as usize].write(data, &mut now, one_page);
        cx.history.pipe_wrote(p, (now - done) as u64);
        self.procs[i].io_done = now;
        match r {
            WriteStep::Done => Sys::Ret(data.len() as i64),
            WriteStep::Progress => Sys::Progress,
            WriteStep::Full if nonblock => Sys::Ret(if now > 0 { now as i64 } else { -(EAGAIN as i64) }),
            WriteStep::Full => Sys::Progress,
        }
    }
}

/// The run's standard input from `offset`, at most `n` bytes.
fn stdin_bytes<'a>(offset: u64, n: u64, cx: &'a StepCtx) -> &'a [u8] {
    let data = &cx.config.stdin;
    let start = (offset as usize).min(data.len());
    &data[start..start + (n as usize).min(data.len() - start)]
}
