//! Regular files and devices of the run's file system: `open`, `creat`,
//! `lseek`, `unlink`. A regular file's bytes are a shared object (as a
//! POSIX shm object's are), so reading, writing, `ftruncate` and `mmap`
//! of a file are those of shm; its name is a path in the run's file
//! system (`ipc/sockname.rs`), beside socket files. `/dev/null` and
//! `/dev/zero` are devices.

use super::calls::Sys;
use super::fd::{FileKind, ACCMODE, MAX_FDS};
use super::Machine;
use crate::abi::call::FsCall;
use crate::abi::errno::*;
use crate::abi::flags::{O_CREAT, O_EXCL, O_RDONLY};
use crate::ipc::sockname::Node;

const O_TRUNC: i32 = 0o1000;

/// What `stat` reports.
#[derive(Clone, Copy)]
enum Stat {
    /// A regular file: its size and permission bits.
    File(u64, u32),
    /// A directory: its permission bits and link count.
    Dir(u32, u64),
    Socket,
    /// A pipe: its permission bits (anonymous ones are 0600).
    Fifo(u32),
    Device,
}
const SEEK_SET: i32 = 0;
const SEEK_CUR: i32 = 1;
const SEEK_END: i32 = 2;

impl Machine {
    /// The path at `addr` as process `i` means it: a relative one from
    /// its working directory.
    pub(super) fn path_arg(&self, i: usize, addr: u64) -> Result<Vec<u8>, i32> {
        let raw = self.procs[i].proc.mem.cstr(&self.shared, addr).map_err(|_| EFAULT)?;
        Ok(crate::ipc::sockname::from_cwd(self.procs[i].cwd.as_deref(), raw))
    }

    /// `chdir`: to a directory of the run's file system.
    fn chdir(&mut self, i: usize, path: u64) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        match self.socks.names.lookup_file(&raw)? {
            (dir, Node::Dir) => {
                self.procs[i].cwd = (dir != crate::ipc::sockname::CWD.as_bytes()).then_some(dir);
                Ok(0)
            }
            (_, Node::Missing) => Err(ENOENT),
            _ => Err(crate::abi::errno::ENOTDIR),
        }
    }

    /// `chmod`: a file's or directory's new permission bits (others keep
    /// theirs: a socket file's, a named pipe's, a device's).
    fn chmod(&mut self, i: usize, path: u64, mode: u32) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        match self.socks.names.lookup_file(&raw)? {
            (_, Node::Missing) => Err(ENOENT),
            (p, Node::File(_) | Node::Dir) => {
                self.socks.names.modes.insert(p, mode & 0o7777);
                Ok(0)
            }
            _ => Ok(0),
        }
    }

    /// `fchmod`: as `chmod`, for the file a descriptor has open.
    fn fchmod(&mut self, i: usize, fd: i32, mode: u32) -> Result<i64, i32> {
        let (_, file) = self.file_of(i, fd as i64).ok_or(EBADF)?;
        if let FileKind::Shm(obj) = file.kind {
            let names = &mut self.socks.names;
            if let Some(p) = names.files.iter().find(|(_, &o)| o == obj).map(|(p, _)| p.clone()) {
                names.modes.insert(p, mode & 0o7777);
            }
        }
        Ok(0)
    }

    /// `getcwd`: the working directory and its NUL into `buf` (`ERANGE`
    /// if `size` cannot hold them); its length with the NUL.
    fn getcwd(&mut self, i: usize, buf: u64, size: u64) -> Result<i64, i32> {
        let mut dir = self.procs[i].cwd.clone().unwrap_or_else(|| crate::ipc::sockname::CWD.as_bytes().to_vec());
        dir.push(0);
        if (size as usize) < dir.len() {
            return Err(crate::abi::errno::ERANGE);
        }
        let p = &mut self.procs[i].proc;
        p.mem.slice_mut(&mut self.shared, buf, dir.len()).map_err(|_| EFAULT)?.copy_from_slice(&dir);
        Ok(dir.len() as i64)
    }

    pub(super) fn fs_call(&mut self, i: usize, c: FsCall) -> Sys {
        Sys::from(match c {
            FsCall::Unlink { path } => self.unlink(i, path),
            FsCall::Open { path, flags, mode } => return self.open_call(i, path, flags, mode),
            FsCall::Mkfifo { path, mode } => match self.path_arg(i, path) {
                Ok(raw) => {
                    let mode = mode & 0o7777 & !self.procs[i].umask;
                    self.mkfifo(&raw, mode)
                }
                Err(e) => Err(e),
            },
            FsCall::Umask { mask } => Ok(std::mem::replace(&mut self.procs[i].umask, mask & 0o777) as i64),
            FsCall::Lseek { fd, off, whence } => self.lseek(i, fd, off, whence),
            FsCall::Stat { path, buf } => self.stat(i, path, buf),
            FsCall::Access { path, mode } => self.access(i, path, mode),
            FsCall::Mkdir { path, mode } => {
                let perm = mode & 0o7777 & !self.procs[i].umask;
                self.path_op(i, path, |n, p| n.mkdir(p, perm))
            }
            FsCall::Rename { old, new } => self.rename(i, old, new),
            FsCall::Rmdir { path } => self.path_op(i, path, crate::ipc::sockname::Names::rmdir),
            FsCall::Opendir { path } => self.opendir(i, path),
            FsCall::Chdir { path } => self.chdir(i, path),
            FsCall::Chmod { path, mode } => self.chmod(i, path, mode),
            FsCall::Fchmod { fd, mode } => self.fchmod(i, fd, mode),
            FsCall::Getcwd { buf, size } => self.getcwd(i, buf, size),
            FsCall::Fstat { fd, buf } => self.fstat(i, fd, buf),
        })
    }

    /// `stat`: what a path is (a regular file, a directory, a socket
    /// file, a device).
    fn stat(&mut self, i: usize, path: u64, buf: u64) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        let what = match raw.as_slice() {
            b"/dev/null" | b"/dev/zero" => Stat::Device,
            _ => match self.socks.names.lookup_file(&raw)? {
                (path, Node::File(obj)) => Stat::File(self.shared.sizes[obj as usize], self.socks.names.perm(&path, false)),
                (path, Node::Dir) => Stat::Dir(self.socks.names.perm(&path, true), self.socks.names.links(&path)),
                (_, Node::Socket) => Stat::Socket,
                (_, Node::Fifo(id)) => return self.store_stat(i, buf, Stat::Fifo(self.fifos[id as usize].mode), &fifo_ident(id)),
                (_, Node::Missing) => return Err(ENOENT),
            },
        };
        self.store_stat(i, buf, what, &raw)
    }

    /// `access`: whether the path names something; the run's user may
    /// read and write every file it made, and execute none.
    fn access(&mut self, i: usize, path: u64, mode: i32) -> Result<i64, i32> {
        if mode & !7 != 0 {
            return Err(EINVAL);
        }
        let raw = self.path_arg(i, path)?;
        let node = match raw.as_slice() {
            b"/dev/null" | b"/dev/zero" => Node::Socket,
            _ => self.socks.names.lookup_file(&raw)?.1,
        };
        match node {
            Node::Missing => Err(ENOENT),
            Node::Dir => Ok(0),
            _ if mode & 1 != 0 => Err(crate::abi::errno::EACCES),
            _ => Ok(0),
        }
    }

    /// `mkdir`, `rmdir`: an operation of the file system on a path.
    fn path_op(
        &mut self,
        i: usize,
        path: u64,
        op: impl FnOnce(&mut crate::ipc::sockname::Names, &[u8]) -> Result<i64, i32>,
    ) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        op(&mut self.socks.names, &raw)
    }

    /// A file the run starts with (`--file`): a path whose directory
    /// does not exist is left out (the command line checks it first).
    pub(super) fn seed_file(&mut self, path: &[u8], bytes: &[u8]) {
        let Ok((resolved, crate::ipc::sockname::Node::Missing | crate::ipc::sockname::Node::File(_))) = self.socks.names.lookup_file(path)
        else {
            return;
        };
        let obj = match self.socks.names.files.get(&resolved) {
            Some(&o) => o,
            None => {
                let o = self.shared.create(0);
                self.socks.names.files.insert(resolved, o);
                o
            }
        };
        self.shared.resize(obj, bytes.len() as u64);
        // The command line bounds a file (256 MiB), as the store does.
        let _ = self.shared.write_at(obj, 0, bytes);
    }

    /// `rename`: a file, a socket file or an empty directory takes the
    /// new name (replacing a file there).
    fn rename(&mut self, i: usize, old: u64, new: u64) -> Result<i64, i32> {
        let (from, to) = (self.path_arg(i, old)?, self.path_arg(i, new)?);
        self.socks.names.rename(&from, &to)
    }

    /// `opendir`: the directory's entries become a stream of the caller.
    fn opendir(&mut self, i: usize, path: u64) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        let entries = self.socks.names.list(&raw)?;
        if !self.reserve(280) {
            return Err(crate::abi::errno::ENOMEM);
        }
        Ok(self.procs[i].proc.open_dir(entries) as i64)
    }

    fn fstat(&mut self, i: usize, fd: i32, buf: u64) -> Result<i64, i32> {
        let (f, file) = self.file_of(i, fd as i64).ok_or(EBADF)?;
        let what = match file.kind {
            FileKind::Shm(obj) => {
                let names = &self.socks.names;
                let perm = names.files.iter().find(|(_, &o)| o == obj).map_or(0o644, |(p, _)| names.perm(p, false));
                Stat::File(self.shared.sizes[obj as usize], perm)
            }
            FileKind::PipeRead(p) | FileKind::PipeWrite(p) | FileKind::PipeBoth(p) => {
                // A named pipe's end is the named pipe (its inode, its mode).
                if let Some(id) = self.fifos.iter().position(|n| n.pipe == Some(p)) {
                    return self.store_stat(i, buf, Stat::Fifo(self.fifos[id].mode), &fifo_ident(id as u32));
                }
                Stat::Fifo(0o600)
            }
            FileKind::Dir(_) => Stat::Dir(0o755, 2),
            FileKind::Socket(_) => Stat::Socket,
            _ => Stat::Device,
        };
        self.store_stat(i, buf, what, &f.to_le_bytes())
    }

    /// Writes a `struct stat` (glibc's x86_64 layout, 144 bytes): the
    /// type and size a program looks at; the inode is a hash of `id`,
    /// owners and times are 0.
    fn store_stat(&mut self, i: usize, buf: u64, what: Stat, id: &[u8]) -> Result<i64, i32> {
        let (mode, size) = match what {
            Stat::File(n, perm) => (0o100000 | perm, n),
            Stat::Dir(perm, _) => (0o40000 | perm, 4096),
            Stat::Socket => (0o140755, 0),
            Stat::Fifo(perm) => (0o10000 | perm, 0),
            Stat::Device => (0o20666, 0),
        };
        let ino = id.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3)) & 0xffff_ffff;
        let mut st = [0u8; 144];
        st[8..16].copy_from_slice(&ino.to_le_bytes());
        let links = if let Stat::Dir(_, n) = what { n } else { 1 };
        st[16..24].copy_from_slice(&links.to_le_bytes());
        st[24..28].copy_from_slice(&mode.to_le_bytes());
        st[48..56].copy_from_slice(&size.to_le_bytes());
        st[56..64].copy_from_slice(&4096u64.to_le_bytes());
        st[64..72].copy_from_slice(&(size.div_ceil(4096) * 8).to_le_bytes());
        let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, st.len()).map_err(|_| EFAULT)?;
        dst.copy_from_slice(&st);
        self.wake_if_shared(i, buf);
        Ok(0)
    }

    /// `open`: a named pipe's (which may wait), or any other file's.
    fn open_call(&mut self, i: usize, path: u64, flags: i32, mode: u32) -> Sys {
        if self.procs[i].fifo_wait.is_some() {
            return self.open_fifo(i, 0, flags);
        }
        let fifo = match self.path_arg(i, path) {
            Ok(raw) => match self.socks.names.lookup_file(&raw) {
                Ok((_, Node::Fifo(id))) => Some(id),
                _ => None,
            },
            Err(_) => None,
        };
        match fifo {
            Some(_) if flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => Sys::err(EEXIST),
            Some(id) => self.open_fifo(i, id, flags),
            None => Sys::from(self.open(i, path, flags, mode)),
        }
    }

    fn open(&mut self, i: usize, path: u64, flags: i32, mode: u32) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        let dir = matches!(self.socks.names.lookup_file(&raw), Ok((_, Node::Dir)));
        let kind = match raw.as_slice() {
            b"/dev/null" => FileKind::DevNull,
            b"/dev/zero" => FileKind::DevZero,
            // A directory opens read-only (what opendir does natively).
            _ if dir && flags & ACCMODE == O_RDONLY && flags & O_CREAT == 0 => FileKind::Dir(dir_ident(&self.socks.names, &raw)),
            _ => FileKind::Shm(self.open_regular(&raw, flags, mode & 0o7777 & !self.procs[i].umask)?),
        };
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        Ok(self.open_fd(i, kind, flags))
    }

    /// The object of the regular file `path` names, created (with
    /// permission bits `perm`) or truncated as `flags` say.
    fn open_regular(&mut self, path: &[u8], flags: i32, perm: u32) -> Result<u32, i32> {
        let (resolved, node) = self.socks.names.lookup_file(path)?;
        let writing = flags & ACCMODE != O_RDONLY;
        let obj = match node {
            // An existing name is EEXIST for O_CREAT | O_EXCL first.
            Node::Dir if flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            Node::Dir if writing || flags & O_CREAT != 0 => return Err(EISDIR),
            Node::Dir => return Err(EISDIR),
            Node::Socket if flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            Node::Socket => return Err(ENXIO),
            Node::File(_) if flags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            Node::File(obj) => obj,
            // Opened by `open_call` before.
            Node::Fifo(_) => return Err(ENXIO),
            Node::Missing if flags & O_CREAT == 0 => return Err(ENOENT),
            Node::Missing => {
                let obj = self.shared.create(0);
                self.socks.names.modes.insert(resolved.clone(), perm);
                self.socks.names.files.insert(resolved, obj);
                obj
            }
        };
        if flags & O_TRUNC != 0 && writing {
            self.shared.resize(obj, 0);
            self.unpark_object(obj);
        }
        Ok(obj)
    }

    fn lseek(&mut self, i: usize, fd: i32, off: i64, whence: i32) -> Result<i64, i32> {
        let (f, file) = self.file_of(i, fd as i64).ok_or(EBADF)?;
        let size = match file.kind {
            FileKind::Shm(obj) => self.shared.sizes[obj as usize] as i64,
            FileKind::DevNull | FileKind::DevZero | FileKind::Stdin | FileKind::Dir(_) => 0,
            _ => return Err(ESPIPE),
        };
        let base = match whence {
            SEEK_SET => 0,
            SEEK_CUR => file.offset as i64,
            SEEK_END => size,
            _ => return Err(EINVAL),
        };
        let to = base.checked_add(off).filter(|&t| t >= 0).ok_or(EINVAL)?;
        if let Some(file) = self.files[f as usize].as_mut() {
            file.offset = to as u64;
        }
        Ok(to)
    }
}

/// A directory's identity for locks: a hash of its resolved path (every
/// path naming it resolves alike).
fn dir_ident(names: &crate::ipc::sockname::Names, raw: &[u8]) -> u32 {
    let resolved = names.lookup_file(raw).map(|(r, _)| r).unwrap_or_else(|_| raw.to_vec());
    resolved.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// What a named pipe's inode number is made from: the pipe, not a name
/// (`stat` by any path and `fstat` of an end agree).
fn fifo_ident(id: u32) -> Vec<u8> {
    [b"fifo".as_slice(), &id.to_le_bytes()].concat()
}
