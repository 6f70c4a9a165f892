//! Named pipes (`mkfifo`), as Linux's `fifo_open` makes them: a name in
//! the run's file system whose opens meet at one pipe while any end is
//! open (a new pipe once every end has closed, so unread bytes are lost).
//! A blocking open waits for the other side: a reader until a writer has
//! opened since it began to wait (even one that closed again), a writer
//! likewise for a reader. The waiting end is open all along, so a writer
//! that arrives finds its reader and does not wait. Non-blocking: a
//! reader opens at once, a writer without a reader fails with `ENXIO`.

use super::calls::Sys;
use super::fd::{FileKind, ACCMODE, MAX_FDS, NONBLOCK};
use super::Machine;
use crate::abi::errno::{EINVAL, EMFILE, ENXIO};
use crate::abi::flags::{O_RDONLY, O_RDWR, O_WRONLY};
use crate::ipc::pipe::Pipe;

/// A named pipe.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Fifo {
    /// The pipe its open ends share, while one is open.
    pub pipe: Option<u32>,
    /// Opens of the read end so far (Linux's `r_counter`).
    pub reads: u64,
    /// Opens of the write end so far (`w_counter`).
    pub writes: u64,
    /// Permission bits (`mkfifo`'s mode less the umask).
    pub mode: u32,
}

/// A process whose `open` of a named pipe waits for the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FifoWait {
    /// The named pipe.
    pub fifo: u32,
    /// The descriptor already installed for the waiting end.
    pub fd: i64,
    /// The other side's open count when the wait began.
    pub seen: u64,
    /// Waiting as a reader (for a writer), else as a writer.
    pub reader: bool,
}

impl Machine {
    /// `mkfifo(path)`: a new named pipe under that name.
    pub(super) fn mkfifo(&mut self, raw: &[u8], mode: u32) -> Result<i64, i32> {
        let id = self.fifos.len() as u32;
        self.socks.names.mkfifo(raw, id)?;
        self.fifos.push(Fifo { mode, ..Fifo::default() });
        Ok(0)
    }

    /// `open` of named pipe `fifo`: the descriptor, or a wait for the
    /// other side (finished by the call's next step).
    pub(super) fn open_fifo(&mut self, i: usize, fifo: u32, flags: i32) -> Sys {
        if let Some(w) = self.procs[i].fifo_wait.take() {
            return Sys::Ret(w.fd);
        }
        let reader = match flags & ACCMODE {
            O_RDONLY => true,
            O_WRONLY => false,
            O_RDWR => return self.open_fifo_both(i, fifo, flags),
            _ => return Sys::err(EINVAL),
        };
        let nonblock = flags & NONBLOCK != 0;
        let pipe = self.fifo_pipe(fifo);
        let p = &self.pipes[pipe as usize];
        if !reader && nonblock && p.readers == 0 {
            return Sys::err(ENXIO);
        }
        if self.open_fds(i) >= MAX_FDS {
            return Sys::err(EMFILE);
        }
        let kind = if reader { FileKind::PipeRead(pipe) } else { FileKind::PipeWrite(pipe) };
        let fd = self.open_fd(i, kind, flags);
        let node = &mut self.fifos[fifo as usize];
        let p = &self.pipes[pipe as usize];
        let (partner, seen) = if reader {
            node.reads += 1;
            (p.writers > 0, node.writes)
        } else {
            node.writes += 1;
            (p.readers > 0, node.reads)
        };
        if partner || nonblock {
            return Sys::Ret(fd);
        }
        self.procs[i].fifo_wait = Some(FifoWait { fifo, fd, seen, reader });
        Sys::Progress
    }

    /// `O_RDWR`: both ends at once, never waiting (Linux's extension).
    fn open_fifo_both(&mut self, i: usize, fifo: u32, flags: i32) -> Sys {
        if self.open_fds(i) >= MAX_FDS {
            return Sys::err(EMFILE);
        }
        let pipe = self.fifo_pipe(fifo);
        let fd = self.open_fd(i, FileKind::PipeBoth(pipe), flags);
        let node = &mut self.fifos[fifo as usize];
        node.reads += 1;
        node.writes += 1;
        Sys::Ret(fd)
    }

    /// The pipe of `fifo`'s open ends: the current one, or a new one when
    /// every end has closed.
    fn fifo_pipe(&mut self, fifo: u32) -> u32 {
        if let Some(p) = self.fifos[fifo as usize].pipe {
            let pipe = &self.pipes[p as usize];
            if pipe.readers + pipe.writers > 0 {
                return p;
            }
        }
        self.pipes.push(Pipe::default());
        let p = (self.pipes.len() - 1) as u32;
        self.fifos[fifo as usize].pipe = Some(p);
        p
    }

    /// Whether process `i`'s open of a named pipe can finish: the other
    /// side has opened since it began to wait.
    pub(super) fn fifo_ready(&self, i: usize) -> bool {
        let Some(w) = self.procs[i].fifo_wait else { return true };
        let node = &self.fifos[w.fifo as usize];
        let now = if w.reader { node.writes } else { node.reads };
        now != w.seen
    }

    /// A signal ends process `i`'s wait in `open` (or restarts it): its
    /// end closes again.
    pub(super) fn abandon_fifo_open(&mut self, i: usize) {
        if let Some(w) = self.procs[i].fifo_wait.take() {
            self.close_fd(i, w.fd);
        }
    }
}
