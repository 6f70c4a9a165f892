//! Sockets on the real kernel. Socket paths live in the run's own
//! directory (`Env::rundir`), laid out as the simulator's file system:
//! a relative path is passed as it is (the program's working directory
//! is the run's `home/ipcsim`), an absolute or `..` path is resolved as
//! the simulator resolves it and placed under the run's directory;
//! abstract names get the run's tag. Addresses the kernel reports back
//! (`accept`, `recvfrom`) are mapped back, so the program sees its own.

use crate::process::RealProc;
use sim::abi::call::{SockCall, Src};
use sim::ir::MemTy;

const AF_UNIX: u16 = 1;
/// `sizeof(struct sockaddr_storage)`: the kernel's limit on an address.
const ADDR_STORAGE: u32 = 128;

fn err(e: i32) -> i64 {
    -(e as i64)
}

fn ret(r: isize) -> i64 {
    if r < 0 {
        -(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO) as i64)
    } else {
        r as i64
    }
}

/// The abstract-name tag of a run.
fn tag(rundir: &str) -> Vec<u8> {
    let mut t = rundir.rsplit('/').next().unwrap_or(rundir).as_bytes().to_vec();
    t.push(b'.');
    t
}

impl RealProc<'_> {
    pub(crate) fn sock_call(&mut self, c: SockCall) -> i64 {
        match c {
            SockCall::Socketpair { domain, ty, protocol, sv } => self.socketpair(domain, ty, protocol, sv),
            // SAFETY: plain integer arguments.
            SockCall::Socket { domain, .. } if domain != AF_UNIX as i32 && !self.env.net => {
                crate::log::send(self.env.log, &crate::log::Record::NoNetwork { pid: self.pid });
                err(libc::EAFNOSUPPORT)
            }
            // SAFETY: plain integer arguments.
            SockCall::Socket { domain, ty, protocol } => ret(unsafe { libc::socket(domain, ty, protocol) } as isize),
            SockCall::Bind { fd, addr, len } => self.with_addr(addr, len, |a, l| unsafe { libc::bind(fd, a, l) } as isize),
            SockCall::Connect { fd, addr, len } => self.with_addr(addr, len, |a, l| unsafe { libc::connect(fd, a, l) } as isize),
            // SAFETY: plain integer arguments.
            SockCall::Listen { fd, backlog } => ret(unsafe { libc::listen(fd, backlog) } as isize),
            SockCall::Shutdown { fd, how } => ret(unsafe { libc::shutdown(fd, how) } as isize),
            SockCall::Accept { fd, addr, len } => self.accept(fd, addr, len),
            SockCall::Send { fd, buf, len, flags, to, tolen, .. } => self.send(fd, Src::Mem(buf), len, flags, to, tolen),
            SockCall::Recv { fd, buf, len, flags, from, fromlen, .. } => self.recv(fd, buf, len, flags, from, fromlen),
            SockCall::Name { fd, addr, len, peer } => self.sock_name(fd, addr, len, peer),
            SockCall::SetOpt { fd, level, name, val, len } => self.setsockopt(fd, level, name, val, len),
            SockCall::GetOpt { fd, level, name, val, len } => self.getsockopt(fd, level, name, val, len),
        }
    }

    fn socketpair(&mut self, domain: i32, ty: i32, protocol: i32, sv: u64) -> i64 {
        let mut fds = [0i32; 2];
        // SAFETY: socketpair into a local array.
        let r = unsafe { libc::socketpair(domain, ty, protocol, fds.as_mut_ptr()) };
        if r < 0 {
            return ret(r as isize);
        }
        let ok = self.proc.mem.store(&mut self.shared, sv, MemTy::I32, fds[0] as u64).is_ok()
            && self.proc.mem.store(&mut self.shared, sv.wrapping_add(4), MemTy::I32, fds[1] as u64).is_ok();
        if !ok {
            // SAFETY: closing the two descriptors just made.
            unsafe {
                libc::close(fds[0]);
                libc::close(fds[1]);
            }
            return err(libc::EFAULT);
        }
        0
    }

    /// The real path of a program's socket path, or its errno.
    pub(crate) fn real_path(&self, path: &[u8]) -> Result<Vec<u8>, i32> {
        let plain = !path.starts_with(b"/") && !path.split(|&b| b == b'/').any(|c| c == b"..");
        let real = match &self.cwd {
            None if plain => path.to_vec(),
            None => [self.env.rundir.as_bytes(), &sim::ipc::sockname::resolve(path)?].concat(),
            Some(dir) => {
                [self.env.rundir.as_bytes(), &sim::ipc::sockname::absolute(&sim::ipc::sockname::from_cwd(Some(dir), path))?].concat()
            }
        };
        if real.len() >= 108 {
            return Err(libc::ENAMETOOLONG);
        }
        Ok(real)
    }

    /// The program's address at `addr` as the real one (the kernel's own
    /// checks of length and family are left to it), then `f` on it.
    fn with_addr(&mut self, addr: u64, len: u32, f: impl FnOnce(*const libc::sockaddr, u32) -> isize) -> i64 {
        if len > ADDR_STORAGE {
            return err(libc::EINVAL);
        }
        let Ok(raw) = self.proc.mem.slice(&self.shared, addr, len as usize).map(|b| b.to_vec()) else {
            return err(libc::EFAULT);
        };
        let mut real = raw.clone();
        if raw.len() > 2 && u16::from_le_bytes([raw[0], raw[1]]) == AF_UNIX {
            let path = &raw[2..];
            let mapped = match path.split_first() {
                Some((0, name)) => [&[0u8][..], &tag(&self.env.rundir), name].concat(),
                _ => match self.real_path(path.split(|&b| b == 0).next().unwrap_or_default()) {
                    Ok(mut p) => {
                        p.push(0);
                        p
                    }
                    Err(e) => return err(e),
                },
            };
            if mapped.len() > 108 {
                return err(libc::ENAMETOOLONG);
            }
            real = [&raw[..2], &mapped].concat();
        }
        let mut storage = [0u8; 128];
        storage[..real.len()].copy_from_slice(&real);
        ret(f(storage.as_ptr().cast(), real.len() as u32))
    }

    /// A real address as the program's: the run's directory or tag taken
    /// off.
    fn program_address(&self, real: &[u8]) -> Vec<u8> {
        if real.len() <= 2 {
            return real.to_vec();
        }
        let (fam, path) = real.split_at(2);
        let tag = tag(&self.env.rundir);
        let inner = match path.split_first() {
            Some((0, name)) => match name.strip_prefix(tag.as_slice()) {
                Some(rest) => [&[0u8][..], rest].concat(),
                None => path.to_vec(),
            },
            _ => path.strip_prefix(self.env.rundir.as_bytes()).unwrap_or(path).to_vec(),
        };
        [fam, &inner].concat()
    }

    /// Writes an address the kernel reported at `at` (at most `*len`
    /// bytes) and its length to `*len`.
    fn address_out(&mut self, at: u64, len: u64, real: &[u8]) -> i64 {
        let Ok(room) = self.proc.mem.load(&self.shared, len, MemTy::I32) else { return err(libc::EFAULT) };
        let room = room as i32;
        if room < 0 {
            return err(libc::EINVAL);
        }
        let addr = self.program_address(real);
        let k = addr.len().min(room as usize);
        if k > 0 {
            match self.proc.mem.slice_mut(&mut self.shared, at, k) {
                Ok(dst) => dst.copy_from_slice(&addr[..k]),
                Err(_) => return err(libc::EFAULT),
            }
        }
        if self.proc.mem.store(&mut self.shared, len, MemTy::I32, addr.len() as u64).is_err() {
            return err(libc::EFAULT);
        }
        0
    }

    /// `getsockname` or `getpeername`.
    fn sock_name(&mut self, fd: i32, addr: u64, len: u64, peer: bool) -> i64 {
        let mut storage = [0u8; 128];
        let mut l: libc::socklen_t = 128;
        let (p, lp) = (storage.as_mut_ptr().cast(), &mut l as *mut libc::socklen_t);
        // SAFETY: into a local address buffer of that length.
        let r = unsafe {
            if peer {
                libc::getpeername(fd, p, lp)
            } else {
                libc::getsockname(fd, p, lp)
            }
        };
        if r < 0 {
            return ret(r as isize);
        }
        self.address_out(addr, len, &storage[..(l as usize).min(128)])
    }

    fn setsockopt(&mut self, fd: i32, level: i32, name: i32, val: u64, len: u32) -> i64 {
        let Ok(v) = self.proc.mem.slice(&self.shared, val, len.min(256) as usize).map(|b| b.to_vec()) else { return err(libc::EFAULT) };
        // SAFETY: the option's bytes in a local buffer of that length.
        ret(unsafe { libc::setsockopt(fd, level, name, v.as_ptr().cast(), v.len() as u32) } as isize)
    }

    fn getsockopt(&mut self, fd: i32, level: i32, name: i32, val: u64, len: u64) -> i64 {
        let Ok(room) = self.proc.mem.load(&self.shared, len, MemTy::I32) else { return err(libc::EFAULT) };
        let mut buf = [0u8; 256];
        let mut l = (room as i32).clamp(-1, 256) as libc::socklen_t;
        // SAFETY: into a local buffer of at most its length.
        let r = unsafe { libc::getsockopt(fd, level, name, buf.as_mut_ptr().cast(), &mut l) };
        if r < 0 {
            return ret(r as isize);
        }
        let k = (l as usize).min(256);
        if k > 0 {
            match self.proc.mem.slice_mut(&mut self.shared, val, k) {
                Ok(dst) => dst.copy_from_slice(&buf[..k]),
                Err(_) => return err(libc::EFAULT),
            }
        }
        match self.proc.mem.store(&mut self.shared, len, MemTy::I32, l as u64) {
            Ok(()) => 0,
            Err(_) => err(libc::EFAULT),
        }
    }

    fn accept(&mut self, fd: i32, addr: u64, len: u64) -> i64 {
        let mut storage = [0u8; 128];
        let mut l: libc::socklen_t = 128;
        // SAFETY: accept into a local address buffer of that length.
        let r = unsafe { libc::accept(fd, storage.as_mut_ptr().cast(), &mut l) };
        if r < 0 || addr == 0 {
            return ret(r as isize);
        }
        let e = self.address_out(addr, len, &storage[..(l as usize).min(128)]);
        if e < 0 {
            // SAFETY: the descriptor just accepted.
            unsafe { libc::close(r) };
            return e;
        }
        r as i64
    }

    fn send(&mut self, fd: i32, src: Src, len: u64, flags: i32, to: u64, tolen: u32) -> i64 {
        let Ok(data) = self.proc.write_bytes(&self.shared, src, len).map(|b| b.to_vec()) else { return err(libc::EFAULT) };
        if to == 0 || tolen == 0 {
            // SAFETY: sending from a local buffer of that length.
            return ret(unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, std::ptr::null(), 0) });
        }
        self.with_addr(to, tolen, |a, l| unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, a, l) })
    }

    fn recv(&mut self, fd: i32, at: u64, n: u64, flags: i32, from: u64, fromlen: u64) -> i64 {
        let mut buf = vec![0u8; n.min(1 << 20) as usize];
        let mut storage = [0u8; 128];
        let mut l: libc::socklen_t = 128;
        // SAFETY: receiving into local buffers of those lengths.
        let got = unsafe { libc::recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, storage.as_mut_ptr().cast(), &mut l) };
        if got < 0 {
            return ret(got);
        }
        let copied = (got as usize).min(buf.len());
        match self.proc.mem.slice_mut(&mut self.shared, at, copied) {
            Ok(dst) => dst.copy_from_slice(&buf[..copied]),
            Err(_) => return err(libc::EFAULT),
        }
        if from != 0 {
            let e = self.address_out(from, fromlen, &storage[..(l as usize).min(128)]);
            if e < 0 {
                return e;
            }
        }
        got as i64
    }

    /// The real path of the program's C string at `path`: a device
    /// (`/dev/null`, `/dev/zero`) as it is, anything else in the run's
    /// directory.
    pub(crate) fn file_name(&self, path: u64) -> Result<std::ffi::CString, i32> {
        let raw = self.proc.mem.cstr(&self.shared, path).map_err(|_| libc::EFAULT)?.to_vec();
        let real = match raw.as_slice() {
            b"/dev/null" | b"/dev/zero" => raw,
            _ => self.real_path(&raw)?,
        };
        std::ffi::CString::new(real).map_err(|_| libc::EINVAL)
    }

    /// `open(path, flags, mode)` of a file of the run's directory (or a
    /// device).
    pub(crate) fn open(&mut self, path: u64, flags: i32, mode: u32) -> i64 {
        match self.file_name(path) {
            // SAFETY: a C string we made.
            Ok(c) => ret(unsafe { libc::open(c.as_ptr(), flags, mode) } as isize),
            Err(e) => err(e),
        }
    }

    /// `stat(path, buf)` (a file of the run's directory) or `fstat(fd,
    /// buf)`: the real `struct stat`, copied out.
    /// `opendir`: the real directory's entries, `.` and `..` first, then
    /// by name (as the simulator lists them), as a stream of the process.
    pub(crate) fn opendir(&mut self, path: u64) -> i64 {
        use std::os::unix::ffi::OsStrExt;
        let c = match self.file_name(path) {
            Ok(c) => c,
            Err(e) => return err(e),
        };
        let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(c.as_bytes()));
        let list = match std::fs::read_dir(dir) {
            Ok(l) => l,
            Err(e) => return err(e.raw_os_error().unwrap_or(libc::EIO)),
        };
        let mut entries: Vec<(Vec<u8>, u8)> = list
            .filter_map(|e| e.ok())
            .map(|e| {
                let ty = match e.file_type() {
                    Ok(t) if t.is_dir() => libc::DT_DIR,
                    Ok(t) if t.is_file() => libc::DT_REG,
                    Ok(t) if t.is_symlink() => libc::DT_LNK,
                    Ok(_) => libc::DT_SOCK,
                    Err(_) => libc::DT_UNKNOWN,
                };
                (e.file_name().as_bytes().to_vec(), ty)
            })
            .collect();
        entries.sort();
        let mut all = vec![(b".".to_vec(), libc::DT_DIR), (b"..".to_vec(), libc::DT_DIR)];
        all.extend(entries);
        self.proc.open_dir(all) as i64
    }

    pub(crate) fn stat(&mut self, path: Option<u64>, fd: i32, buf: u64) -> i64 {
        // SAFETY: a zeroed local struct stat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let r = match path {
            Some(path) => match self.file_name(path) {
                // SAFETY: a C string we made, a local struct.
                Ok(c) => unsafe { libc::stat(c.as_ptr(), &mut st) },
                Err(e) => return err(e),
            },
            // SAFETY: a local struct.
            None => unsafe { libc::fstat(fd, &mut st) },
        };
        if r != 0 {
            return ret(-1);
        }
        // SAFETY: struct stat is plain bytes.
        let bytes = unsafe { std::slice::from_raw_parts((&st as *const libc::stat).cast::<u8>(), std::mem::size_of::<libc::stat>()) };
        match self.proc.mem.slice_mut(&mut self.shared, buf, bytes.len()) {
            Ok(dst) => dst.copy_from_slice(bytes),
            Err(_) => return err(libc::EFAULT),
        }
        0
    }

    /// `unlink(path)` of a file of the run's directory.
    pub(crate) fn unlink(&mut self, path: u64) -> i64 {
        match self.file_name(path) {
            // SAFETY: a C string we made.
            Ok(c) => ret(unsafe { libc::unlink(c.as_ptr()) } as isize),
            Err(e) => err(e),
        }
    }
}
