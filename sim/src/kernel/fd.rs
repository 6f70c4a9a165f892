//! Open file descriptions and descriptor tables. A pipe counts its
//! readers and writers as descriptors, in every process: end of file
//! comes only when the last write-end descriptor anywhere is closed.

use super::{Fd, Machine};

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
    /// A shared-memory object.
    Shm(u32),
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

/// `O_ACCMODE`.
pub const ACCMODE: i32 = 3;
/// `O_NONBLOCK`.
pub const NONBLOCK: i32 = 0o4000;

impl Machine {
    /// A new open file with no descriptors yet... counted once referenced.
    pub(super) fn open_file(&mut self, kind: FileKind, flags: i32) -> u32 {
        self.files.push(Some(OpenFile { kind, flags, refs: 0, offset: 0 }));
        let f = (self.files.len() - 1) as u32;
        self.ref_file(f);
        f
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
        if file.refs == 0 {
            self.files[f as usize] = None;
        }
        match kind {
            FileKind::PipeRead(p) => self.pipes[p as usize].readers -= 1,
            FileKind::PipeWrite(p) => self.pipes[p as usize].writers -= 1,
            _ => {}
        }
    }

    /// The open file behind descriptor `fd` of process `i`.
    pub(super) fn file_of(&self, i: usize, fd: i64) -> Option<(u32, &OpenFile)> {
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
                self.unref_file(d.file);
                true
            }
            None => false,
        }
    }
}
