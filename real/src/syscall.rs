//! The program's system calls, made for real. Arguments that are
//! pointers are interpreter addresses: buffers are copied between the
//! interpreter's memory and the kernel. Pids are translated between
//! virtual and real. Results are `-errno` on failure, as in the simulator.

use crate::log::{self, Record};
use crate::process::RealProc;
use sim::abi::call::{Call, FdCall, MqCall, PipeCall, ProcCall, SemCall, ShmCall, SleepFn, Src, TimeCall};
use sim::abi::flags::ClockKind;
use sim::interp::memory::{RegionKind, PAGE};
use sim::ir::MemTy;
use std::ffi::CString;

/// Descriptors at or above this are ipcsim's own (the log): the program
/// cannot see or touch them. It is the descriptor limit, so the program
/// has every descriptor below it, as in the simulator.
pub const PRIVATE_FD: i32 = sim::abi::limits::MAX_FDS as i32;

/// `CLOCK_REALTIME` at the run's start, in ns: the simulator's epoch
/// ([`sim::abi::EPOCH_SECS`]), so outcomes that print or seed with the
/// time compare.
const EPOCH_NS: u64 = sim::abi::EPOCH_SECS * 1_000_000_000;

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

/// Longest file name in `/dev/shm` (`NAME_MAX`).
const NAME_MAX: usize = 255;

/// A program's (already checked) shm name under the run's prefix. A name
/// the prefix would make longer than `NAME_MAX` becomes the prefix and a
/// 128-bit hash of it instead, the same for `shm_open` and `shm_unlink`,
/// so every name valid natively stays valid (and distinct) in the run.
pub fn prefixed(prefix: &str, name: &str) -> String {
    if prefix.len() + name.len() <= NAME_MAX {
        return format!("{prefix}{name}");
    }
    // Only this run's processes (one binary) see the prefix, so a hash
    // that is stable within one build is enough.
    let hash = |salt: u8| {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        (salt, name).hash(&mut h);
        h.finish()
    };
    format!("{prefix}#{:016x}{:016x}", hash(1), hash(2))
}

impl RealProc<'_> {
    pub(crate) fn store(&mut self, addr: u64, m: MemTy, v: u64) -> bool {
        self.proc.mem.store(&mut self.shared, addr, m, v).is_ok()
    }

    fn own_fd(fd: i64) -> bool {
        fd >= PRIVATE_FD as i64
    }

    /// True if `fd` is the captured stdout (1) or stderr (2) of the run.
    pub(crate) fn captured(&self, fd: i32) -> Option<i32> {
        // SAFETY: fstat into a local struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return None;
        }
        let id = (st.st_dev, st.st_ino);
        self.env.capture.iter().position(|&c| c == id).map(|i| i as i32 + 1)
    }

    fn name(&self, addr: u64) -> Result<CString, i64> {
        self.checked_name(addr, sim::ipc::shm::check_name)
    }

    /// The name of an unlink (glibc reports a refused name as absent).
    fn unlink_name(&self, addr: u64) -> Result<CString, i64> {
        self.checked_name(addr, |raw| sim::ipc::shm::check_name(raw).map_err(sim::ipc::shm::unlink_errno))
    }

    /// The name at `addr` checked by `check` (glibc's and the kernel's
    /// rules first, so a prefix never changes the verdict), under the
    /// run's prefix when it has no namespace of its own.
    fn checked_name(&self, addr: u64, check: fn(&[u8]) -> Result<String, i32>) -> Result<CString, i64> {
        let raw = self.proc.mem.cstr(&self.shared, addr).map_err(|_| -(libc::EFAULT as i64))?.to_vec();
        let checked = check(&raw).map_err(|e| -(e as i64))?;
        let name = match &self.env.prefix {
            Some(p) => format!("/{}", prefixed(p, &checked)),
            None => format!("/{checked}"),
        };
        CString::new(name).map_err(|_| -(libc::EINVAL as i64))
    }

    /// A deadline of the program's `CLOCK_REALTIME` (which starts at the
    /// simulator's epoch when the run starts) as the real clock's.
    fn real_abstime(&self, deadline: u64) -> libc::timespec {
        let now_virtual = (sim::abi::EPOCH_SECS * 1_000_000_000).saturating_add(self.env.clock.elapsed_ns());
        let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime into a local.
        unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
        let real = (now.tv_sec as i128 * 1_000_000_000 + now.tv_nsec as i128) + deadline as i128 - now_virtual as i128;
        let real = real.max(0);
        libc::timespec { tv_sec: (real / 1_000_000_000) as libc::time_t, tv_nsec: (real % 1_000_000_000) as libc::c_long }
    }

    /// Performs one system call: the real backend's one match over the
    /// typed call.
    pub fn syscall(&mut self, call: &Call) -> i64 {
        if call.fd().is_some_and(|fd| Self::own_fd(fd as i64)) {
            return -(libc::EBADF as i64);
        }
        match *call {
            Call::Proc(c) => self.proc_call(c),
            Call::Time(c) => self.time_call(c),
            Call::Fd(c) => self.fd_call(c),
            Call::Pipe(PipeCall::Pipe { fds, flags }) => self.pipe(fds, flags),
            Call::Shm(c) => self.shm_call(c),
            Call::Sem(c) => self.sem_call(c),
            Call::Mq(c) => self.mq_call(c),
            Call::Sock(c) => self.sock_call(c),
            Call::Fs(sim::abi::call::FsCall::Unlink { path }) => self.unlink(path),
            Call::Fs(sim::abi::call::FsCall::Open { path, flags, mode }) => self.open(path, flags, mode),
            Call::Fs(sim::abi::call::FsCall::Stat { path, buf }) => self.stat(Some(path), 0, buf),
            Call::Fs(sim::abi::call::FsCall::Mkdir { path, mode }) => match self.file_name(path) {
                // SAFETY: a C string we made.
                Ok(c) => ret(unsafe { libc::mkdir(c.as_ptr(), mode & 0o7777) } as i64),
                Err(e) => -(e as i64),
            },
            Call::Fs(sim::abi::call::FsCall::Mkfifo { path, mode }) => match self.file_name(path) {
                // SAFETY: a C string we made.
                Ok(c) => ret(unsafe { libc::mkfifo(c.as_ptr(), mode) } as i64),
                Err(e) => -(e as i64),
            },
            // SAFETY: a plain integer argument.
            Call::Fs(sim::abi::call::FsCall::Umask { mask }) => (unsafe { libc::umask(mask) }) as i64,
            Call::Fs(sim::abi::call::FsCall::Chmod { path, mode }) => match self.file_name(path) {
                // SAFETY: a C string we made.
                Ok(c) => ret(unsafe { libc::chmod(c.as_ptr(), mode & 0o7777) } as i64),
                Err(e) => -(e as i64),
            },
            // SAFETY: a plain descriptor call.
            Call::Fs(sim::abi::call::FsCall::Fchmod { fd, mode }) => ret(unsafe { libc::fchmod(fd, mode & 0o7777) } as i64),
            Call::Fs(sim::abi::call::FsCall::Rmdir { path }) => match self.file_name(path) {
                // SAFETY: a C string we made.
                Ok(c) => ret(unsafe { libc::rmdir(c.as_ptr()) } as i64),
                Err(e) => -(e as i64),
            },
            Call::Fs(sim::abi::call::FsCall::Opendir { path }) => self.opendir(path),
            Call::Fs(sim::abi::call::FsCall::Chdir { path }) => self.chdir(path),
            Call::Fs(sim::abi::call::FsCall::Getcwd { buf, size }) => self.getcwd(buf, size),
            Call::Fs(sim::abi::call::FsCall::Rename { old, new }) => match (self.file_name(old), self.file_name(new)) {
                // SAFETY: C strings we made.
                (Ok(a), Ok(b)) => ret(unsafe { libc::rename(a.as_ptr(), b.as_ptr()) } as i64),
                (Err(e), _) | (_, Err(e)) => -(e as i64),
            },
            Call::Fs(sim::abi::call::FsCall::Access { path, mode }) => match self.file_name(path) {
                // SAFETY: a C string we made.
                Ok(c) => ret(unsafe { libc::access(c.as_ptr(), mode) } as i64),
                Err(e) => -(e as i64),
            },
            Call::Fs(sim::abi::call::FsCall::Fstat { fd, buf }) => self.stat(None, fd, buf),
            // SAFETY: plain integer arguments.
            Call::Fs(sim::abi::call::FsCall::Lseek { fd, off, whence }) => ret(unsafe { libc::lseek(fd, off, whence) }),
            Call::Msg(c) => self.msg_call(c),
            Call::Sysv(c) => self.sysv_call(c),
            // Marks for specification mode, which judges simulated runs:
            // natively (include/ipcsim.h) they do nothing.
            Call::Op(_) => 0,
        }
    }

    fn mq_name(&self, addr: u64) -> Result<CString, i64> {
        self.checked_name(addr, sim::ipc::mq::check_name)
    }

    /// Reads the program's `struct mq_attr` (eight `long`s).
    fn mq_attr_in(&self, at: u64) -> Option<libc::mq_attr> {
        let word = |k: u64| self.proc.mem.load(&self.shared, at + 8 * k, MemTy::I64).ok().map(|v| v as i64);
        // SAFETY: mq_attr is plain integers.
        let mut a: libc::mq_attr = unsafe { std::mem::zeroed() };
        a.mq_flags = word(0)?;
        a.mq_maxmsg = word(1)?;
        a.mq_msgsize = word(2)?;
        a.mq_curmsgs = word(3)?;
        Some(a)
    }

    fn mq_attr_out(&mut self, at: u64, a: &libc::mq_attr) -> bool {
        [a.mq_flags, a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs]
            .iter()
            .enumerate()
            .all(|(k, &w)| self.store(at + 8 * k as u64, MemTy::I64, w as u64))
    }

    fn mq_call(&mut self, c: MqCall) -> i64 {
        let efault = -(libc::EFAULT as i64);
        // SAFETY (for the libc calls below): names are C strings we made,
        // buffers are ours and as long as said.
        unsafe {
            match c {
                MqCall::Open { name, oflag, mode, attr } => {
                    let n = match self.mq_name(name) {
                        Ok(n) => n,
                        Err(e) => return e,
                    };
                    let a = match attr {
                        0 => None,
                        at => match self.mq_attr_in(at) {
                            Some(a) => Some(a),
                            None => return efault,
                        },
                    };
                    let ptr = a.as_ref().map_or(std::ptr::null(), |a| a as *const libc::mq_attr);
                    let r = ret(libc::mq_open(n.as_ptr(), oflag, mode as libc::mode_t, ptr) as i64);
                    if r >= 0 && self.env.prefix.is_some() {
                        log::send(self.env.log, &Record::Queue { name: n.as_bytes().to_vec() });
                    }
                    r
                }
                MqCall::Close { mqd } => ret(libc::mq_close(mqd) as i64),
                MqCall::Unlink { name } => match self.mq_name(name) {
                    Ok(n) => ret(libc::mq_unlink(n.as_ptr()) as i64),
                    Err(e) => e,
                },
                MqCall::Send { timeout: Some(Err(e)), .. } | MqCall::Receive { timeout: Some(Err(e)), .. } => -(e as i64),
                MqCall::Send { mqd, msg, len, prio, timeout } => {
                    let ts = timeout.map(|t| self.real_abstime(t.unwrap_or(0)));
                    let tp = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
                    match self.proc.mem.slice(&self.shared, msg, len as usize).map(|b| b.to_vec()) {
                        Ok(bytes) => ret(libc::mq_timedsend(mqd, bytes.as_ptr().cast(), bytes.len(), prio, tp) as i64),
                        // An unreadable message: the kernel's own checks come
                        // first (EINVAL, EBADF, EMSGSIZE), then its EFAULT.
                        Err(_) => ret(libc::mq_timedsend(mqd, std::ptr::null(), len as usize, prio, tp) as i64),
                    }
                }
                MqCall::Receive { mqd, buf, len, prio, timeout } => {
                    let ts = timeout.map(|t| self.real_abstime(t.unwrap_or(0)));
                    let tp = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
                    let mut tmp = vec![0u8; len.min(1 << 24) as usize];
                    let mut p: libc::c_uint = 0;
                    let n = libc::mq_timedreceive(mqd, tmp.as_mut_ptr().cast(), len.min(1 << 24) as usize, &mut p, tp);
                    if n < 0 {
                        return errno();
                    }
                    let Ok(dst) = self.proc.mem.slice_mut(&mut self.shared, buf, n as usize) else { return efault };
                    dst.copy_from_slice(&tmp[..n as usize]);
                    if prio != 0 && !self.store(prio, MemTy::U32, p as u64) {
                        return efault;
                    }
                    n as i64
                }
                MqCall::GetAttr { mqd, attr } => {
                    let mut a: libc::mq_attr = std::mem::zeroed();
                    if libc::mq_getattr(mqd, &mut a) != 0 {
                        return errno();
                    }
                    if self.mq_attr_out(attr, &a) {
                        0
                    } else {
                        efault
                    }
                }
                MqCall::Notify { mqd, sev: 0 } => ret(libc::mq_notify(mqd, std::ptr::null()) as i64),
                MqCall::Notify { mqd, sev } => {
                    let load = |off: u64, ty| self.proc.mem.load(&self.shared, sev.wrapping_add(off), ty);
                    let (Ok(value), Ok(signo), Ok(notify)) = (load(0, MemTy::I64), load(8, MemTy::I32), load(12, MemTy::I32)) else {
                        return efault;
                    };
                    // SIGEV_THREAD (refused by the front-end) would start
                    // a thread in the worker: EINVAL, as the simulator says.
                    if notify as i32 == libc::SIGEV_THREAD {
                        return -(libc::EINVAL as i64);
                    }
                    let mut s: libc::sigevent = std::mem::zeroed();
                    s.sigev_value = libc::sigval { sival_ptr: value as usize as *mut libc::c_void };
                    s.sigev_signo = signo as i32;
                    s.sigev_notify = notify as i32;
                    ret(libc::mq_notify(mqd, &s) as i64)
                }
                MqCall::SetAttr { mqd, new, old } => {
                    let Some(a) = self.mq_attr_in(new) else { return efault };
                    let mut was: libc::mq_attr = std::mem::zeroed();
                    if libc::mq_setattr(mqd, &a, &mut was) != 0 {
                        return errno();
                    }
                    if old != 0 && !self.mq_attr_out(old, &was) {
                        return efault;
                    }
                    0
                }
            }
        }
    }

    /// The real `sem_t` behind an address of the program: in a real
    /// shared mapping, or in the interpreter's copy of private memory
    /// (this process is single-threaded: nothing moves it during a call).
    fn sem_ptr(&mut self, sem: u64) -> Option<*mut libc::sem_t> {
        self.proc.mem.slice_mut(&mut self.shared, sem, 32).ok().map(|s| s.as_mut_ptr().cast())
    }

    fn sem_call(&mut self, c: SemCall) -> i64 {
        match c {
            SemCall::Open { name, oflag, mode, value } => return self.sem_open(name, oflag, mode, value),
            SemCall::Close { sem } => return self.sem_close(sem),
            SemCall::Unlink { name } => {
                return match self.unlink_name(name) {
                    // SAFETY: a C string we made.
                    Ok(n) => ret(unsafe { libc::sem_unlink(n.as_ptr()) } as i64),
                    Err(e) => e,
                };
            }
            _ => {}
        }
        // glibc dereferences the pointer: a bad one is SIGSEGV.
        let Some(p) = self.sem_ptr(c.sem().unwrap_or(0)) else { crate::process::die(libc::SIGSEGV) };
        // SAFETY: `p` points at 32 bytes of this process's memory.
        unsafe {
            match c {
                SemCall::Init { pshared, value, .. } => ret(libc::sem_init(p, pshared, value) as i64),
                SemCall::Destroy { .. } => ret(libc::sem_destroy(p) as i64),
                SemCall::Wait { .. } => ret(libc::sem_wait(p) as i64),
                SemCall::TimedWait { abstime: Err(e), .. } => -(e as i64),
                SemCall::TimedWait { abstime: Ok(t), .. } => {
                    let ts = self.real_abstime(t);
                    ret(libc::sem_timedwait(p, &ts) as i64)
                }
                SemCall::TryWait { .. } => ret(libc::sem_trywait(p) as i64),
                SemCall::Post { .. } => ret(libc::sem_post(p) as i64),
                SemCall::GetValue { out, .. } => {
                    let mut v = 0;
                    match libc::sem_getvalue(p, &mut v) {
                        0 if self.store(out, MemTy::I32, v as u64) => 0,
                        // glibc stores through `out` itself.
                        0 => crate::process::die(libc::SIGSEGV),
                        _ => errno(),
                    }
                }
                SemCall::Open { .. } | SemCall::Close { .. } | SemCall::Unlink { .. } => unreachable!("handled above"),
            }
        }
    }

    /// `sem_open` by glibc (under the run's name prefix), its mapping
    /// shown to the interpreter as a shared region; a second open of one
    /// name gets the same pointer, as glibc gives.
    fn sem_open(&mut self, name: u64, oflag: i32, mode: u32, value: u32) -> i64 {
        let n = match self.name(name) {
            Ok(n) => n,
            Err(e) => return e,
        };
        // SAFETY: a C string we made; glibc maps the semaphore.
        let p = unsafe { libc::sem_open(n.as_ptr(), oflag, mode as libc::c_uint, value) };
        if p == libc::SEM_FAILED {
            return errno();
        }
        let obj = match self.shared.find(p.cast()) {
            Some(obj) => obj,
            None => self.shared.add(p.cast(), 32),
        };
        let mem = &mut self.proc.mem;
        match mem.mapping_of(obj) {
            Some(at) => at as i64,
            None => mem.map_shared(obj, 0, 32, true) as i64,
        }
    }

    fn sem_close(&mut self, sem: u64) -> i64 {
        let Some((obj, 0)) = self.proc.mem.shared_location(sem) else { return -(libc::EINVAL as i64) };
        let Some((p, _)) = self.shared.get(obj) else { return -(libc::EINVAL as i64) };
        // SAFETY: a pointer sem_open returned in this process.
        let r = unsafe { libc::sem_close(p as *mut libc::sem_t) };
        if r == 0 {
            let _ = self.proc.mem.unmap(sem, 32);
            self.shared.remove(obj);
        }
        ret(r as i64)
    }

    fn proc_call(&mut self, c: ProcCall) -> i64 {
        // SAFETY (for the libc calls below): arguments are plain values.
        unsafe {
            match c {
                ProcCall::Getpid => self.pid as i64,
                ProcCall::Getpgrp => self.group_call(ProcCall::Getpgid { pid: 0 }),
                ProcCall::Getpgid { .. } | ProcCall::Getsid { .. } | ProcCall::Setpgid { .. } | ProcCall::Setsid => self.group_call(c),
                ProcCall::Getppid => {
                    if libc::getppid() == self.parent_real {
                        self.ppid as i64
                    } else {
                        sim::abi::INIT_PID as i64
                    }
                }
                ProcCall::Yield => ret(libc::sched_yield() as i64),
                ProcCall::Fork => self.fork(),
                ProcCall::Wait { status } => self.wait(-1, status, 0),
                ProcCall::Waitpid { pid, status, options } => self.wait(pid, status, options),
                ProcCall::Kill { pid, sig } => self.kill(pid, sig),
                ProcCall::Signal { sig, handler } => self.signal(sig, handler),
                ProcCall::Sigaction { sig, act, old } => self.sigaction(sig, act, old),
                ProcCall::Sigprocmask { how, set, old } => self.sigprocmask(how, set, old),
                ProcCall::Sigpending { set } => self.sigpending(set),
                ProcCall::Sigsuspend { mask } => self.sigsuspend(mask),
                ProcCall::Pause => {
                    libc::pause();
                    -(libc::EINTR as i64)
                }
                ProcCall::Alarm { secs } => {
                    if secs > 0 {
                        // Its SIGALRM is the program's doing, and the run
                        // is not stuck while it is to come.
                        log::send(self.env.log, &Record::Sent { pid: self.pid, sig: libc::SIGALRM });
                        log::send(self.env.log, &Record::Alarm { pid: self.pid, secs: secs.min(i32::MAX as u32) as i32 });
                    }
                    libc::alarm(secs) as i64
                }
                ProcCall::Setitimer { which, value, old } => self.setitimer(which, value, old),
                ProcCall::Sigqueue { pid, sig, value } => self.sigqueue(pid, sig, value),
                ProcCall::Longjmp { handlers, mask, val } => self.longjmp(handlers, mask, val),
                ProcCall::Sigtimedwait { set, info, timeout } => self.sigtimedwait(set, info, timeout),
                ProcCall::Getitimer { which, out } => self.getitimer(which, out),
                ProcCall::Exec { path, search } => self.exec(path, search),
                ProcCall::Raise { sig } => {
                    if !sim::abi::signal::can_send(sig) {
                        return -(libc::EINVAL as i64);
                    }
                    if sig != 0 {
                        log::send(self.env.log, &Record::Sent { pid: self.pid, sig });
                    }
                    ret(libc::raise(sig) as i64)
                }
            }
        }
    }

    /// The virtual process groups and sessions (the control page's), by
    /// the rules both backends share.
    fn group_call(&mut self, c: ProcCall) -> i64 {
        use sim::abi::groups;
        let (all, me) = (self.env.ctl.members(), self.pid);
        let r = match c {
            ProcCall::Getpgid { pid } => groups::target(&all, me, pid).map(|m| m.pgid as i64),
            ProcCall::Getsid { pid } => groups::target(&all, me, pid).map(|m| m.sid as i64),
            ProcCall::Setpgid { pid, pgid } => groups::setpgid(&all, me, pid, pgid).map(|(p, g)| {
                let sid = all.iter().find(|m| m.pid == p).map_or(0, |m| m.sid);
                self.env.ctl.regroup(p, g, sid);
                0
            }),
            _ => groups::setsid(&all, me).map(|s| {
                self.env.ctl.regroup(me, s, s);
                s as i64
            }),
        };
        r.unwrap_or_else(|e| -(e as i64))
    }

    /// `kill`: virtual pids to real ones; a group is a virtual one (every
    /// real process stays in the run's own real group), the caller last.
    /// Every signal sent is logged, so that a death by it counts as the
    /// program's doing, not a failure.
    fn kill(&mut self, pid: i32, sig: i32) -> i64 {
        if !sim::abi::signal::can_send(sig) {
            return -(libc::EINVAL as i64);
        }
        if pid <= 0 {
            let me = self.pid;
            let targets: Vec<i32> = if pid == -1 {
                self.env.ctl.pids().into_iter().filter(|&v| v != me).collect()
            } else {
                match sim::abi::groups::group_members(&self.env.ctl.members(), me, pid) {
                    Ok(v) => v,
                    Err(e) => return -(e as i64),
                }
            };
            if sig != 0 {
                for &t in &targets {
                    log::send(self.env.log, &Record::Sent { pid: t, sig });
                }
            }
            // SAFETY: signalling the run's own processes, the caller last.
            unsafe {
                for &t in targets.iter().filter(|&&t| t != me) {
                    if let Some(r) = self.env.ctl.real(t) {
                        libc::kill(r, sig);
                    }
                }
                if targets.contains(&me) {
                    return ret(libc::kill(libc::getpid(), sig) as i64);
                }
            }
            return 0;
        }
        match self.env.ctl.real(pid) {
            Some(r) => {
                if sig != 0 {
                    log::send(self.env.log, &Record::Sent { pid, sig });
                }
                // SAFETY: signalling a process of the run.
                ret(unsafe { libc::kill(r, sig) } as i64)
            }
            None => -(libc::ESRCH as i64),
        }
    }

    /// `sigqueue` to one process of the run.
    fn sigqueue(&mut self, pid: i32, sig: i32, value: u64) -> i64 {
        if !sim::abi::signal::can_send(sig) || pid == 0 {
            return -(libc::EINVAL as i64);
        }
        let Some(r) = (pid > 0).then(|| self.env.ctl.real(pid)).flatten() else { return -(libc::ESRCH as i64) };
        if sig != 0 {
            log::send(self.env.log, &Record::Sent { pid, sig });
        }
        let v = libc::sigval { sival_ptr: value as usize as *mut libc::c_void };
        // SAFETY: signalling a process of the run.
        ret(unsafe { libc::sigqueue(r, sig, v) } as i64)
    }

    fn time_call(&mut self, c: TimeCall) -> i64 {
        // SAFETY (for the libc calls below): plain values and locals.
        unsafe {
            match c {
                TimeCall::Sleep { how: SleepFn::Sleep, ns } => libc::sleep((ns.unwrap_or(0) / 1_000_000_000) as u32) as i64,
                TimeCall::Sleep { how: SleepFn::Usleep, ns } => ret(libc::usleep((ns.unwrap_or(0) / 1000) as u32) as i64),
                TimeCall::Sleep { how: SleepFn::Nanosleep { rem }, ns } => match ns {
                    Ok(ns) => {
                        let ts = libc::timespec { tv_sec: (ns / 1_000_000_000) as i64, tv_nsec: (ns % 1_000_000_000) as i64 };
                        let mut left = libc::timespec { tv_sec: 0, tv_nsec: 0 };
                        let r = ret(libc::nanosleep(&ts, &mut left) as i64);
                        if r == -(libc::EINTR as i64)
                            && rem != 0
                            && !(self.store(rem, MemTy::I64, left.tv_sec as u64) && self.store(rem + 8, MemTy::I64, left.tv_nsec as u64))
                        {
                            return -(libc::EFAULT as i64);
                        }
                        r
                    }
                    Err(e) => -(e as i64),
                },
                TimeCall::Time { out } => {
                    let t = (EPOCH_NS + self.env.clock.elapsed_ns()) / 1_000_000_000;
                    if out != 0 && !self.store(out, MemTy::I64, t) {
                        return -(libc::EFAULT as i64);
                    }
                    t as i64
                }
                TimeCall::ClockGettime { clock, out, micro } => {
                    let t = match sim::abi::flags::clock_kind(clock) {
                        Some(ClockKind::Realtime) => EPOCH_NS + self.env.clock.elapsed_ns(),
                        Some(ClockKind::Monotonic) => self.env.clock.elapsed_ns(),
                        // The worker's own: the interpreter's CPU time.
                        Some(ClockKind::Cpu) => cpu_time_ns(),
                        None => return -(libc::EINVAL as i64),
                    };
                    if micro && out == 0 {
                        return 0;
                    }
                    let frac = if micro { t % 1_000_000_000 / 1000 } else { t % 1_000_000_000 };
                    if !self.store(out, MemTy::I64, t / 1_000_000_000) || !self.store(out.wrapping_add(8), MemTy::I64, frac) {
                        return -(libc::EFAULT as i64);
                    }
                    0
                }
            }
        }
    }

    fn pipe(&mut self, at: u64, flags: i32) -> i64 {
        let mut fds = [0i32; 2];
        // SAFETY: pipe into a local array; closing what it made.
        unsafe {
            if libc::pipe2(fds.as_mut_ptr(), flags) != 0 {
                return errno();
            }
            if !self.store(at, MemTy::I32, fds[0] as u64) || !self.store(at.wrapping_add(4), MemTy::I32, fds[1] as u64) {
                libc::close(fds[0]);
                libc::close(fds[1]);
                return -(libc::EFAULT as i64);
            }
        }
        0
    }

    /// `poll` on a copy of the program's `struct pollfd` array.
    fn poll(&mut self, fds: u64, nfds: u64, timeout_ms: i32) -> i64 {
        if nfds > sim::abi::limits::MAX_FDS as u64 {
            return -(libc::EINVAL as i64);
        }
        let n = nfds as usize;
        let Ok(bytes) = self.proc.mem.slice(&self.shared, fds, 8 * n).map(|b| b.to_vec()) else { return -(libc::EFAULT as i64) };
        let mut v: Vec<libc::pollfd> = bytes
            .chunks(8)
            .map(|c| libc::pollfd {
                fd: i32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                events: i16::from_le_bytes([c[4], c[5]]),
                revents: 0,
            })
            .collect();
        // SAFETY: poll on a local array of that length.
        let r = unsafe { libc::poll(v.as_mut_ptr(), n as libc::nfds_t, timeout_ms) };
        if r < 0 {
            return ret(r as i64);
        }
        for (k, p) in v.iter().enumerate() {
            if self.proc.mem.store(&mut self.shared, fds + 8 * k as u64 + 6, MemTy::I16, p.revents as u16 as u64).is_err() {
                return -(libc::EFAULT as i64);
            }
        }
        r as i64
    }

    /// `select` on copies of the program's sets and timeout, written back.
    fn select(&mut self, nfds: i32, sets: [u64; 3], timeout: u64) -> i64 {
        if nfds < 0 {
            return -(libc::EINVAL as i64);
        }
        // The sets copied are FD_SETSIZE bits: no further.
        let nfds = nfds.min(1024);
        // SAFETY: zeroed fd_sets and timeval are valid.
        let mut local: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
        for (k, &at) in sets.iter().enumerate() {
            if at != 0 {
                match self.proc.mem.slice(&self.shared, at, 128) {
                    // SAFETY: an fd_set is 128 bytes of bits.
                    Ok(b) => unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), (&mut local[k] as *mut libc::fd_set).cast::<u8>(), 128) },
                    Err(_) => return -(libc::EFAULT as i64),
                }
            }
        }
        let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
        if timeout != 0 {
            let (Ok(s), Ok(u)) =
                (self.proc.mem.load(&self.shared, timeout, MemTy::I64), self.proc.mem.load(&self.shared, timeout + 8, MemTy::I64))
            else {
                return -(libc::EFAULT as i64);
            };
            tv = libc::timeval { tv_sec: s as i64, tv_usec: u as i64 };
        }
        let ptr = |k: usize, l: &mut [libc::fd_set; 3]| if sets[k] != 0 { &mut l[k] as *mut libc::fd_set } else { std::ptr::null_mut() };
        let (r0, r1, r2) = (ptr(0, &mut local), ptr(1, &mut local), ptr(2, &mut local));
        // SAFETY: select on local sets and a local timeval.
        let r = unsafe { libc::select(nfds, r0, r1, r2, if timeout != 0 { &mut tv } else { std::ptr::null_mut() }) };
        if r < 0 {
            return ret(r as i64);
        }
        for (k, &at) in sets.iter().enumerate() {
            if at != 0 {
                // SAFETY: reading the 128 bytes of a local fd_set.
                let b = unsafe { std::slice::from_raw_parts((&local[k] as *const libc::fd_set).cast::<u8>(), 128) };
                match self.proc.mem.slice_mut(&mut self.shared, at, 128) {
                    Ok(dst) => dst.copy_from_slice(b),
                    Err(_) => return -(libc::EFAULT as i64),
                }
            }
        }
        if timeout != 0
            && (self.proc.mem.store(&mut self.shared, timeout, MemTy::I64, tv.tv_sec as u64).is_err()
                || self.proc.mem.store(&mut self.shared, timeout + 8, MemTy::I64, tv.tv_usec as u64).is_err())
        {
            return -(libc::EFAULT as i64);
        }
        r as i64
    }

    fn fd_call(&mut self, c: FdCall) -> i64 {
        // SAFETY (for the libc calls below): plain values.
        unsafe {
            match c {
                FdCall::Close { fd } => ret(libc::close(fd) as i64),
                FdCall::Dup { fd } => ret(libc::dup(fd) as i64),
                FdCall::Dup2 { old, new } => {
                    if Self::own_fd(new as i64) {
                        return -(libc::EBADF as i64);
                    }
                    ret(libc::dup2(old, new) as i64)
                }
                FdCall::Fcntl { fd, cmd, arg } => ret(libc::fcntl(fd, cmd, arg) as i64),
                FdCall::Flock { fd, op } => ret(libc::flock(fd, op) as i64),
                FdCall::Lock { fd, cmd, lock } => self.record_lock(fd, cmd, lock),
                FdCall::Read { fd, buf, len, at } => self.read(fd, buf, len, at),
                FdCall::Fsync { fd } => ret(libc::fsync(fd) as i64),
                FdCall::Poll { fds, nfds, timeout_ms } => self.poll(fds, nfds, timeout_ms),
                FdCall::Select { nfds, sets, timeout } => self.select(nfds, sets, timeout),
                FdCall::Isatty { fd } => {
                    let mut st: libc::stat = std::mem::zeroed();
                    if libc::fstat(fd, &mut st) != 0 {
                        return -(libc::EBADF as i64);
                    }
                    // The captured stdout and stderr are terminals when the
                    // run says so (`--stdout tty`), as in the simulator.
                    if self.env.tty && self.captured(fd).is_some() {
                        1
                    } else {
                        -(libc::ENOTTY as i64)
                    }
                }
                FdCall::Fill { fd, len } => {
                    let mut tmp = vec![0u8; len.min(1 << 20) as usize];
                    // SAFETY: reading into a local buffer of that length.
                    let got = libc::read(fd, tmp.as_mut_ptr().cast(), tmp.len());
                    if got < 0 {
                        return errno();
                    }
                    self.proc.stdio.filled(&tmp[..got as usize]);
                    got as i64
                }
                FdCall::Write { fd, src, len, at } => self.write(fd, src, len, at),
            }
        }
    }

    /// `fcntl`'s record locks (`F_GETLK`, `F_SETLK`, `F_SETLKW`) on a
    /// copy of the program's `struct flock`; `F_GETLK`'s answer goes back
    /// into it (padding left as the program wrote it, as the kernel's
    /// whole-struct copy leaves it), the holder's pid made virtual.
    fn record_lock(&mut self, fd: i32, cmd: i32, at: u64) -> i64 {
        use sim::abi::lock::{Flock, FLOCK_SIZE};
        let read = self.proc.mem.slice(&self.shared, at, FLOCK_SIZE).ok().and_then(|b| <[u8; FLOCK_SIZE]>::try_from(b).ok());
        let Some(mut bytes) = read else {
            // The kernel's own checks come first (EBADF), then its EFAULT.
            // SAFETY: a null pointer the kernel refuses.
            return ret(unsafe { libc::fcntl(fd, cmd, std::ptr::null_mut::<libc::flock>()) } as i64);
        };
        let mine = Flock::from_bytes(&bytes);
        // SAFETY: struct flock is plain integers.
        let mut fl: libc::flock = unsafe { std::mem::zeroed() };
        fl.l_type = mine.ty;
        fl.l_whence = mine.whence;
        fl.l_start = mine.start;
        fl.l_len = mine.len;
        fl.l_pid = mine.pid;
        // SAFETY: fcntl with a pointer to a local struct flock.
        let r = unsafe { libc::fcntl(fd, cmd, &mut fl as *mut libc::flock) };
        if r < 0 {
            return errno();
        }
        if cmd == sim::abi::flags::F_GETLK {
            // With no conflict the kernel changes only l_type.
            let pid = if fl.l_type == sim::abi::flags::F_UNLCK { fl.l_pid } else { self.env.ctl.virt(fl.l_pid).unwrap_or(fl.l_pid) };
            let answer = Flock { ty: fl.l_type, whence: fl.l_whence, start: fl.l_start, len: fl.l_len, pid };
            answer.write_to(&mut bytes);
            match self.proc.mem.slice_mut(&mut self.shared, at, FLOCK_SIZE) {
                Ok(dst) => dst.copy_from_slice(&bytes),
                Err(_) => return -(libc::EFAULT as i64),
            }
        }
        r as i64
    }

    fn read(&mut self, fd: i32, at: u64, n: u64, off: Option<i64>) -> i64 {
        let mut buf = vec![0u8; n.min(1 << 20) as usize];
        // SAFETY: reading into a local buffer of that length.
        let got = unsafe {
            match off {
                Some(o) => libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), o),
                None => libc::read(fd, buf.as_mut_ptr().cast(), buf.len()),
            }
        };
        if got < 0 {
            return errno();
        }
        // Only the bytes returned must fit (as in the kernel).
        match self.proc.mem.slice_mut(&mut self.shared, at, got as usize) {
            Ok(dst) => dst.copy_from_slice(&buf[..got as usize]),
            Err(_) => return -(libc::EFAULT as i64),
        }
        got as i64
    }

    fn shm_call(&mut self, c: ShmCall) -> i64 {
        // SAFETY (for the libc calls below): names are C strings we made.
        unsafe {
            match c {
                ShmCall::Open { name, oflag, mode } => match self.name(name) {
                    Ok(n) => ret(libc::shm_open(n.as_ptr(), oflag, mode as libc::mode_t) as i64),
                    Err(e) => e,
                },
                ShmCall::Unlink { name } => match self.unlink_name(name) {
                    Ok(n) => ret(libc::shm_unlink(n.as_ptr()) as i64),
                    Err(e) => e,
                },
                ShmCall::Ftruncate { fd, len } => ret(libc::ftruncate(fd, len) as i64),
                ShmCall::Mmap { len, prot, flags, fd, off } => self.mmap(len, prot, flags, fd, off),
                ShmCall::Munmap { addr, len } => self.munmap(addr, len),
                // The hardware fenced already ([`Shared::fence`]).
                ShmCall::Fence { .. } => 0,
            }
        }
    }

    fn write(&mut self, fd: i32, src: Src, n: u64, off: Option<i64>) -> i64 {
        if let Some(o) = off {
            return self.pwrite(fd, src, n, o);
        }
        if n == 0 {
            // SAFETY: a zero-length write never reads the buffer.
            return ret(unsafe { libc::write(fd, std::ptr::null(), 0) } as i64);
        }
        let data = match self.proc.write_bytes(&self.shared, src, n) {
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

    /// `pwrite`: the captured output is a pipe (`ESPIPE`), as natively.
    fn pwrite(&mut self, fd: i32, src: Src, n: u64, off: i64) -> i64 {
        if self.captured(fd).is_some() {
            return -(libc::ESPIPE as i64);
        }
        let data = match self.proc.write_bytes(&self.shared, src, n) {
            Ok(d) => d.to_vec(),
            Err(_) => return -(libc::EFAULT as i64),
        };
        // SAFETY: writing a local buffer.
        ret(unsafe { libc::pwrite(fd, data.as_ptr().cast(), data.len(), off) } as i64)
    }

    fn fork(&mut self) -> i64 {
        let Some(vpid) = self.env.ctl.reserve(self.env.max_procs) else { return -(libc::EAGAIN as i64) };
        self.env.ctl.inherit(vpid, self.pid);
        // The child's real parent is this process, whatever getppid says
        // in the child: if this process exits at once, the child may be
        // adopted before it asks (and would never see itself orphaned).
        // SAFETY: a plain call.
        let me_real = unsafe { libc::getpid() };
        // SAFETY: this process is single-threaded (the worker never starts
        // threads), so fork is safe.
        let r = unsafe { libc::fork() };
        if r < 0 {
            let e = errno();
            self.env.ctl.unreserve();
            return e;
        }
        if r == 0 {
            // SAFETY: plain calls in the new child.
            let me = unsafe { libc::getpid() };
            self.env.ctl.set(vpid, me);
            self.parent_real = me_real;
            self.ppid = self.pid;
            self.pid = vpid;
            crate::signal::forget_pending();
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
        let r = loop {
            // SAFETY: waitpid into a local.
            let r = unsafe { libc::waitpid(target, &mut st, options) };
            if r <= 0 || !self.no_zombies() {
                break r;
            }
            // A child the kernel would have reaped itself: its status is
            // logged, and the wait goes on (ending in ECHILD, as natively).
            let vpid = self.env.ctl.reaped(r).unwrap_or(r);
            log::send(self.env.log, &Record::Exit { pid: vpid, status: st });
            if target > 0 {
                return -(libc::ECHILD as i64);
            }
        };
        if r < 0 {
            return errno();
        }
        if r == 0 {
            return 0;
        }
        // A child that stopped or continued (`WUNTRACED`, `WCONTINUED`)
        // is still there: reported, not reaped.
        let changed = libc::WIFSTOPPED(st) || libc::WIFCONTINUED(st);
        let vpid = if changed { self.env.ctl.virt(r) } else { self.env.ctl.reaped(r) }.unwrap_or(r);
        if !changed {
            log::send(self.env.log, &Record::Exit { pid: vpid, status: st });
        }
        if status_at != 0 && !self.store(status_at, MemTy::I32, st as u32 as u64) {
            return -(libc::EFAULT as i64);
        }
        vpid as i64
    }

    fn mmap(&mut self, len: u64, prot: i32, flags: i32, fd: i32, off: i64) -> i64 {
        let len = len as usize;
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
            return mem.map_shared(obj, 0, size, prot & libc::PROT_WRITE != 0) as i64;
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
        mem.map_private(copy) as i64
    }

    fn munmap(&mut self, addr: u64, len: u64) -> i64 {
        match self.proc.mem.unmap(addr, len) {
            Err(_) => -(libc::EINVAL as i64),
            Ok(Some(RegionKind::Shared { obj, .. })) => {
                if let Some((p, n)) = self.shared.get(obj) {
                    // SAFETY: unmapping a mapping this process made or inherited.
                    unsafe { libc::munmap(p as *mut libc::c_void, n) };
                }
                self.shared.remove(obj);
                0
            }
            Ok(_) => 0,
        }
    }
}

/// The worker process's CPU time, in ns.
fn cpu_time_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a plain clock read into a local.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

impl RealProc<'_> {
    /// `setitimer(ITIMER_REAL, ...)` on the real kernel; the CPU-time
    /// timers are refused, as in the simulator. The old timer goes to
    /// `old`.
    fn setitimer(&mut self, which: i32, value: Result<sim::abi::call::Itimer, i32>, old: u64) -> i64 {
        if which != 0 {
            return -(libc::EINVAL as i64);
        }
        let mut was = libc::itimerval { it_interval: timeval(0), it_value: timeval(0) };
        match value {
            Ok(v) => {
                if v.value > 0 {
                    // Its SIGALRMs are the program's doing, and the run is
                    // not stuck while one is to come (for good, if periodic).
                    let secs = if v.interval > 0 { i32::MAX } else { v.value.div_ceil(1_000_000_000).min(i32::MAX as u64) as i32 };
                    log::send(self.env.log, &Record::Sent { pid: self.pid, sig: libc::SIGALRM });
                    log::send(self.env.log, &Record::Alarm { pid: self.pid, secs });
                }
                let new = libc::itimerval { it_interval: timeval(v.interval), it_value: timeval(v.value) };
                // SAFETY: plain timer calls with locals.
                unsafe { libc::setitimer(libc::ITIMER_REAL, &new, &mut was) };
            }
            Err(e) => return -(e as i64),
        }
        if old == 0 {
            return 0;
        }
        self.store_itimer(old, &was)
    }

    /// `getitimer(ITIMER_REAL, out)` on the real kernel.
    fn getitimer(&mut self, which: i32, out: u64) -> i64 {
        if which != 0 {
            return -(libc::EINVAL as i64);
        }
        let mut now = libc::itimerval { it_interval: timeval(0), it_value: timeval(0) };
        // SAFETY: a timer read into a local.
        unsafe { libc::getitimer(libc::ITIMER_REAL, &mut now) };
        self.store_itimer(out, &now)
    }

    /// A `struct itimerval` into the program's memory at `at`.
    fn store_itimer(&mut self, at: u64, t: &libc::itimerval) -> i64 {
        let fields = [t.it_interval.tv_sec, t.it_interval.tv_usec, t.it_value.tv_sec, t.it_value.tv_usec];
        for (k, v) in fields.into_iter().enumerate() {
            if !self.store(at.wrapping_add(8 * k as u64), MemTy::I64, v as u64) {
                return -(libc::EFAULT as i64);
            }
        }
        0
    }
}

/// `ns` as a `struct timeval`.
fn timeval(ns: u64) -> libc::timeval {
    libc::timeval { tv_sec: (ns / 1_000_000_000) as i64, tv_usec: (ns % 1_000_000_000 / 1000) as i64 }
}

impl RealProc<'_> {
    /// `chdir`: to a directory of the run's directory, as the program
    /// names it (the real working directory does not move).
    fn chdir(&mut self, path: u64) -> i64 {
        let Ok(raw) = self.proc.mem.cstr(&self.shared, path).map(|b| b.to_vec()) else { return -(libc::EFAULT as i64) };
        let dir = match sim::ipc::sockname::absolute(&sim::ipc::sockname::from_cwd(self.cwd.as_deref(), &raw)) {
            Ok(d) => d,
            Err(e) => return -(e as i64),
        };
        let Ok(real) = std::ffi::CString::new([self.env.rundir.as_bytes(), &dir].concat()) else { return -(libc::EINVAL as i64) };
        // SAFETY: stat of a C string we made into a local.
        let st = unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::stat(real.as_ptr(), &mut st) != 0 {
                return errno();
            }
            st
        };
        if st.st_mode & libc::S_IFMT != libc::S_IFDIR {
            return -(libc::ENOTDIR as i64);
        }
        self.cwd = (dir != sim::ipc::sockname::CWD.as_bytes()).then_some(dir);
        0
    }

    /// `getcwd`: the working directory as the program sees it.
    fn getcwd(&mut self, buf: u64, size: u64) -> i64 {
        let mut dir = self.cwd.clone().unwrap_or_else(|| sim::ipc::sockname::CWD.as_bytes().to_vec());
        dir.push(0);
        if (size as usize) < dir.len() {
            return -(libc::ERANGE as i64);
        }
        match self.proc.mem.slice_mut(&mut self.shared, buf, dir.len()) {
            Ok(b) => {
                b.copy_from_slice(&dir);
                dir.len() as i64
            }
            Err(_) => -(libc::EFAULT as i64),
        }
    }
}
