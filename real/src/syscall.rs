//! The program's system calls, made for real. Arguments that are
//! pointers are interpreter addresses: buffers are copied between the
//! interpreter's memory and the kernel. Pids are translated between
//! virtual and real. Results are `-errno` on failure, as in the simulator.

use crate::log::{self, Record};
use crate::process::RealProc;
use sim::interp::memory::{RegionKind, PAGE};
use sim::interp::{LibFn, Syscall};
use sim::ir::MemTy;
use std::ffi::CString;

/// Descriptors at or above this are ipcsim's own (the log): the program
/// cannot see or touch them.
pub const PRIVATE_FD: i32 = 900;

fn errno() -> i64 {
    -(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO) as i64)
}

fn ret(r: i64) -> i64 {
    if r < 0 {
        errno()
    } else {
        r
    }
}

impl RealProc<'_> {
    fn store(&mut self, addr: u64, m: MemTy, v: u64) -> bool {
        self.proc.mem.store(&mut self.shared, addr, m, v).is_ok()
    }

    fn load(&self, addr: u64, m: MemTy) -> Option<u64> {
        self.proc.mem.load(&self.shared, addr, m).ok()
    }

    fn own_fd(fd: i64) -> bool {
        fd >= PRIVATE_FD as i64
    }

    /// True if `fd` is the captured stdout (1) or stderr (2) of the run.
    fn captured(&self, fd: i32) -> Option<i32> {
        // SAFETY: fstat into a local struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return None;
        }
        let id = (st.st_dev, st.st_ino);
        self.env.capture.iter().position(|&c| c == id).map(|i| i as i32 + 1)
    }

    fn name(&self, addr: u64) -> Result<CString, i64> {
        let raw = self.proc.mem.cstr(&self.shared, addr).map_err(|_| -(libc::EFAULT as i64))?.to_vec();
        // glibc's rules first, so a prefix never changes the verdict.
        let checked = sim::ipc::shm::check_name(&raw)?;
        let name = match &self.env.prefix {
            Some(p) => format!("/{p}{checked}"),
            None => format!("/{checked}"),
        };
        CString::new(name).map_err(|_| -(libc::EINVAL as i64))
    }

    /// Performs one system call.
    pub fn syscall(&mut self, call: &Syscall) -> i64 {
        let a = call.args;
        let fd = a[0] as i32;
        if matches!(call.func, LibFn::Read | LibFn::Write | LibFn::Close | LibFn::Dup | LibFn::Fcntl | LibFn::Ftruncate)
            && Self::own_fd(fd as i64)
        {
            return -(libc::EBADF as i64);
        }
        // SAFETY (for the libc calls below): arguments are plain values or
        // pointers to local buffers sized for the call.
        unsafe {
            match call.func {
                LibFn::Getpid => self.pid as i64,
                LibFn::Getppid => {
                    if libc::getppid() == self.parent_real {
                        self.ppid as i64
                    } else {
                        sim::kernel::INIT_PID as i64
                    }
                }
                LibFn::SchedYield => ret(libc::sched_yield() as i64),
                LibFn::Fork => self.fork(),
                LibFn::Wait => self.wait(-1, a[0], 0),
                LibFn::Waitpid => self.wait(a[0] as i32, a[1], a[2] as i32),
                LibFn::Kill => {
                    let (pid, sig) = (a[0] as i32, a[1] as i32);
                    if pid == 0 || pid == -1 || pid == -sim::kernel::FIRST_PID {
                        // The run is one process group: never the host's.
                        return ret(libc::kill(0, sig) as i64);
                    }
                    if pid < 0 {
                        return -(libc::ESRCH as i64);
                    }
                    match self.env.ctl.real(pid) {
                        Some(r) => ret(libc::kill(r, sig) as i64),
                        None => -(libc::ESRCH as i64),
                    }
                }
                LibFn::Signal => {
                    let (sig, h) = (a[0] as i32, a[1]);
                    if h > 1 || matches!(sig, libc::SIGKILL | libc::SIGSTOP | 32 | 33) || !(1..=64).contains(&sig) {
                        return -(libc::EINVAL as i64);
                    }
                    let old = libc::signal(sig, if h == 1 { libc::SIG_IGN } else { libc::SIG_DFL });
                    (old == libc::SIG_IGN) as i64
                }
                LibFn::Sleep => libc::sleep(a[0] as u32) as i64,
                LibFn::Usleep => ret(libc::usleep(a[0] as u32) as i64),
                LibFn::Nanosleep => {
                    let (Some(s), Some(ns)) = (self.load(a[0], MemTy::I64), self.load(a[0].wrapping_add(8), MemTy::I64)) else {
                        return -(libc::EFAULT as i64);
                    };
                    let ts = libc::timespec { tv_sec: s as i64, tv_nsec: ns as i64 };
                    ret(libc::nanosleep(&ts, std::ptr::null_mut()) as i64)
                }
                LibFn::Time => {
                    let t = libc::time(std::ptr::null_mut()) as u64;
                    if a[0] != 0 && !self.store(a[0], MemTy::I64, t) {
                        return -(libc::EFAULT as i64);
                    }
                    t as i64
                }
                LibFn::ClockGettime => {
                    let mut ts: libc::timespec = std::mem::zeroed();
                    if libc::clock_gettime(a[0] as i32, &mut ts) != 0 {
                        return errno();
                    }
                    if !self.store(a[1], MemTy::I64, ts.tv_sec as u64) || !self.store(a[1] + 8, MemTy::I64, ts.tv_nsec as u64) {
                        return -(libc::EFAULT as i64);
                    }
                    0
                }
                LibFn::Pipe => {
                    let mut fds = [0i32; 2];
                    if libc::pipe(fds.as_mut_ptr()) != 0 {
                        return errno();
                    }
                    if !self.store(a[0], MemTy::I32, fds[0] as u64) || !self.store(a[0] + 4, MemTy::I32, fds[1] as u64) {
                        libc::close(fds[0]);
                        libc::close(fds[1]);
                        return -(libc::EFAULT as i64);
                    }
                    0
                }
                LibFn::Close => ret(libc::close(fd) as i64),
                LibFn::Dup => ret(libc::dup(fd) as i64),
                LibFn::Dup2 => {
                    if Self::own_fd(a[1] as i32 as i64) || Self::own_fd(fd as i64) {
                        return -(libc::EBADF as i64);
                    }
                    ret(libc::dup2(fd, a[1] as i32) as i64)
                }
                LibFn::Fcntl => ret(libc::fcntl(fd, a[1] as i32, a[2] as i64) as i64),
                LibFn::Read => {
                    let n = a[2] as usize;
                    let mut buf = vec![0u8; n.min(1 << 20)];
                    let got = libc::read(fd, buf.as_mut_ptr().cast(), buf.len());
                    if got < 0 {
                        return errno();
                    }
                    // Only the bytes returned must fit (as in the kernel).
                    match self.proc.mem.slice_mut(&mut self.shared, a[1], got as usize) {
                        Ok(dst) => dst.copy_from_slice(&buf[..got as usize]),
                        Err(_) => return -(libc::EFAULT as i64),
                    }
                    got as i64
                }
                LibFn::Write => self.write(call),
                LibFn::Mmap => self.mmap(a),
                LibFn::Munmap => self.munmap(a[0], a[1]),
                LibFn::ShmOpen => match self.name(a[0]) {
                    Ok(n) => ret(libc::shm_open(n.as_ptr(), a[1] as i32, a[2] as libc::mode_t) as i64),
                    Err(e) => e,
                },
                LibFn::ShmUnlink => match self.name(a[0]) {
                    Ok(n) => ret(libc::shm_unlink(n.as_ptr()) as i64),
                    Err(e) => e,
                },
                LibFn::Ftruncate => ret(libc::ftruncate(fd, a[1] as i64) as i64),
                other => {
                    // Every other routine is a library routine, not a call.
                    let _ = other;
                    -(libc::ENOSYS as i64)
                }
            }
        }
    }

    fn write(&mut self, call: &Syscall) -> i64 {
        let fd = call.args[0] as i32;
        let n = call.args[2] as usize;
        if n == 0 {
            // SAFETY: a zero-length write never reads the buffer.
            return ret(unsafe { libc::write(fd, std::ptr::null(), 0) } as i64);
        }
        let data = match self.proc.write_bytes(&self.shared, call) {
            Ok(d) => d.to_vec(),
            Err(_) => return -(libc::EFAULT as i64),
        };
        if let Some(which) = self.captured(fd) {
            log::send(self.env.log, &Record::Write { pid: self.pid, fd: which, bytes: data });
            return n as i64;
        }
        // SAFETY: writing a local buffer.
        ret(unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) } as i64)
    }

    fn fork(&mut self) -> i64 {
        let Some(vpid) = self.env.ctl.next_pid(self.env.max_procs) else { return -(libc::EAGAIN as i64) };
        // SAFETY: this process is single-threaded (the worker never starts
        // threads), so fork is safe.
        let r = unsafe { libc::fork() };
        if r < 0 {
            return errno();
        }
        if r == 0 {
            // SAFETY: plain calls in the new child.
            let me = unsafe { libc::getpid() };
            self.env.ctl.set(vpid, me);
            self.parent_real = unsafe { libc::getppid() };
            self.ppid = self.pid;
            self.pid = vpid;
            if let Some(seed) = self.env.chaos {
                self.chaos = Some(crate::chaos::Chaos::new(seed, vpid));
            }
            return 0;
        }
        self.env.ctl.set(vpid, r);
        vpid as i64
    }

    fn wait(&mut self, pid: i32, status_at: u64, options: i32) -> i64 {
        let target = if pid > 0 {
            match self.env.ctl.real(pid) {
                Some(r) => r,
                None => return -(libc::ECHILD as i64),
            }
        } else {
            -1
        };
        let mut st = 0;
        // SAFETY: waitpid into a local.
        let r = unsafe { libc::waitpid(target, &mut st, options) };
        if r < 0 {
            return errno();
        }
        if r == 0 {
            return 0;
        }
        let vpid = self.env.ctl.virt(r).unwrap_or(r);
        log::send(self.env.log, &Record::Exit { pid: vpid, status: st });
        if status_at != 0 && !self.store(status_at, MemTy::I32, st as u32 as u64) {
            return -(libc::EFAULT as i64);
        }
        vpid as i64
    }

    fn mmap(&mut self, a: [u64; 6]) -> i64 {
        let (len, prot, flags, fd, off) = (a[1] as usize, a[2] as i32, a[3] as i32, a[4] as i32, a[5] as i64);
        if Self::own_fd(fd as i64) && flags & libc::MAP_ANONYMOUS == 0 {
            return -(libc::EBADF as i64);
        }
        // SAFETY: a fresh mapping chosen by the kernel.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot | libc::PROT_READ, flags, fd, off) };
        if p == libc::MAP_FAILED {
            return errno();
        }
        let size = (len as u64).div_ceil(PAGE) * PAGE;
        let mem = &mut self.proc.mem;
        let read_only_view = flags & libc::MAP_PRIVATE != 0 && flags & libc::MAP_ANONYMOUS == 0 && prot & libc::PROT_WRITE == 0;
        if flags & libc::MAP_SHARED != 0 || read_only_view {
            let obj = self.shared.add(p.cast(), size as usize);
            let base = mem.add(Vec::new(), RegionKind::Shared { obj, base: 0, writable: prot & libc::PROT_WRITE != 0 });
            mem.regions.last_mut().expect("just added").size = size as u32;
            return base as i64;
        }
        // Private: the interpreter keeps its own copy (copied by fork).
        let mut copy = vec![0u8; size as usize];
        let mut avail = len;
        if flags & libc::MAP_ANONYMOUS == 0 {
            // Touching past the object's end would be SIGBUS: copy what it has.
            // SAFETY: fstat into a local.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::fstat(fd, &mut st) } == 0 {
                avail = len.min((st.st_size - off).max(0) as usize);
            }
        }
        // SAFETY: the mapping's first `avail` bytes are backed and readable.
        unsafe { std::ptr::copy_nonoverlapping(p as *const u8, copy.as_mut_ptr(), avail) };
        unsafe { libc::munmap(p, len) };
        mem.add(copy, RegionKind::Mapping) as i64
    }

    fn munmap(&mut self, addr: u64, len: u64) -> i64 {
        if addr & 0xfff != 0 || len == 0 {
            return -(libc::EINVAL as i64);
        }
        let r = (addr >> 32) as usize;
        let Some(reg) = self.proc.mem.regions.get_mut(r) else { return 0 };
        if addr & 0xffff_ffff != 0 {
            return 0;
        }
        match reg.kind {
            RegionKind::Shared { obj, .. } => {
                if let Some((p, n)) = self.shared.get(obj) {
                    // SAFETY: unmapping a mapping this process made or inherited.
                    unsafe { libc::munmap(p as *mut libc::c_void, n) };
                }
                self.shared.remove(obj);
                reg.kind = RegionKind::Unmapped;
            }
            RegionKind::Mapping => {
                reg.kind = RegionKind::Unmapped;
                reg.bytes = Vec::new();
            }
            _ => {}
        }
        0
    }
}
