//! System calls: processes, time, descriptors, pipes, shared memory.
//! Results follow the kernel's convention: a negative value is `-errno`.

use super::fd::{FileKind, ACCMODE, NONBLOCK};
use super::{Machine, StepCtx};
use crate::interp::memory::{RegionKind, PAGE};
use crate::interp::{LibFn, Syscall};
use crate::ipc::pipe::{Pipe, WriteStep, PAGE as PIPE_PAGE};
use crate::ir::MemTy;
use crate::outcome::{ExitStatus, Write};
use crate::trace::{Edge, EdgeKind};

const ENOENT: i64 = 2;
const ESRCH: i64 = 3;
const EBADF: i64 = 9;
const ECHILD: i64 = 10;
const EAGAIN: i64 = 11;
const EFAULT: i64 = 14;
const EACCES: i64 = 13;
const EEXIST: i64 = 17;
const ENODEV: i64 = 19;
const EINVAL: i64 = 22;
const EMFILE: i64 = 24;
const EPIPE: i64 = 32;
const ENOMEM: i64 = 12;
const EFBIG: i64 = 27;

/// Largest shared object the simulator holds (its bytes are real memory
/// here, where Linux's tmpfs would be sparse): larger is EFBIG/ENOMEM.
const MAX_SHARED: u64 = 256 << 20;

const O_CREAT: u64 = 0o100;
const O_EXCL: u64 = 0o200;
const O_TRUNC: u64 = 0o1000;
const O_APPEND: i32 = 0o2000;
const O_LARGEFILE: i32 = 0o100000;
const O_NOFOLLOW: i32 = 0o400000;
const WNOHANG: u64 = 1;
const SIGPIPE: i32 = 13;
const SIGKILL: i32 = 9;
const MAX_FDS: usize = 1024;

/// What a system call did.
enum Sys {
    /// Returned this value (negative: `-errno`).
    Ret(i64),
    /// Made progress and continues at the next step (a big pipe write).
    Progress,
    /// The caller died during the call (SIGPIPE, `kill` of itself).
    Dead,
}

/// Who a `wait` would collect.
enum WaitFor {
    NoChild,
    Zombie(usize),
    Running,
}

/// Nanoseconds a sleep call waits, if `call` is one (and valid).
pub(super) fn sleep_duration(m: &Machine, i: usize, call: &Syscall) -> Option<u64> {
    match call.func {
        LibFn::Sleep => Some(call.args[0] as u32 as u64 * 1_000_000_000),
        LibFn::Usleep => Some(call.args[0] as u32 as u64 * 1_000),
        LibFn::Nanosleep => {
            let p = &m.procs[i].proc;
            let sec = p.mem.load(&m.shared, call.args[0], MemTy::I64).ok()? as i64;
            let nsec = p.mem.load(&m.shared, call.args[0].wrapping_add(8), MemTy::I64).ok()? as i64;
            if sec < 0 || !(0..1_000_000_000).contains(&nsec) {
                return None;
            }
            Some((sec as u64).saturating_mul(1_000_000_000).saturating_add(nsec as u64))
        }
        _ => None,
    }
}

impl Machine {
    /// Whether the call can proceed now (else the caller is blocked).
    pub(super) fn syscall_ready(&self, i: usize, call: &Syscall) -> bool {
        let a = &call.args;
        match call.func {
            LibFn::Read => match self.file_of(i, a[0] as i32 as i64) {
                Some((_, f)) => match f.kind {
                    FileKind::PipeRead(p) => f.flags & NONBLOCK != 0 || a[2] == 0 || self.pipes[p as usize].readable(),
                    _ => true,
                },
                None => true,
            },
            LibFn::Write => match self.file_of(i, a[0] as i32 as i64) {
                Some((_, f)) => match f.kind {
                    FileKind::PipeWrite(p) => {
                        f.flags & NONBLOCK != 0 || a[2] == 0 || self.pipes[p as usize].writable(a[2] as usize, self.procs[i].io_done)
                    }
                    _ => true,
                },
                None => true,
            },
            LibFn::Wait => !matches!(self.wait_for(i, -1), WaitFor::Running),
            LibFn::Waitpid => a[2] & WNOHANG != 0 || !matches!(self.wait_for(i, a[0] as i32), WaitFor::Running),
            _ => true,
        }
    }

    fn wait_for(&self, i: usize, pid: i32) -> WaitFor {
        let me = self.procs[i].pid;
        let mut any = false;
        for (j, c) in self.procs.iter().enumerate() {
            if c.ppid != me || c.reaped || (pid > 0 && c.pid != pid) {
                continue;
            }
            any = true;
            if c.status.is_some() {
                return WaitFor::Zombie(j);
            }
        }
        if any {
            WaitFor::Running
        } else {
            WaitFor::NoChild
        }
    }

    /// Performs process `i`'s pending system call; returns the trace text.
    pub(super) fn step_syscall(&mut self, i: usize, call: Syscall, cx: &mut StepCtx) -> Option<String> {
        let is_spin_neutral = matches!(call.func, LibFn::SchedYield);
        if !is_spin_neutral {
            self.procs[i].spin.clear();
        }
        let r = self.syscall(i, &call, cx);
        let text = cx.trace.is_some().then(|| crate::trace::describe_syscall(&call, &r_value(&r), self, i));
        match r {
            Sys::Ret(v) => {
                self.procs[i].io_done = 0;
                if v < 0 {
                    let prog = cx.prog;
                    self.procs[i].proc.set_errno(prog, (-v) as i32);
                    self.procs[i].proc.resume(-1);
                } else {
                    self.procs[i].proc.resume(v);
                }
                self.advance(i, false, cx);
            }
            Sys::Progress | Sys::Dead => {}
        }
        text
    }

    fn syscall(&mut self, i: usize, call: &Syscall, cx: &mut StepCtx) -> Sys {
        let a = call.args;
        let fd = a[0] as i32 as i64;
        match call.func {
            LibFn::Getpid => Sys::Ret(self.procs[i].pid as i64),
            LibFn::Getppid => Sys::Ret(self.procs[i].ppid as i64),
            LibFn::SchedYield => Sys::Ret(0),
            LibFn::Fork => self.fork(i, cx),
            LibFn::Wait => self.wait(i, -1, a[0], 0, cx),
            LibFn::Waitpid => self.wait(i, a[0] as i32, a[1], a[2], cx),
            LibFn::Kill => self.kill(i, a[0] as i32, a[1] as i32),
            LibFn::Signal => self.signal(i, a[0] as i32, a[1]),
            // An invalid timespec: a sleep with a valid one never gets here.
            LibFn::Sleep | LibFn::Usleep | LibFn::Nanosleep => Sys::Ret(-EINVAL),
            LibFn::Time => {
                let t = EPOCH_NS.saturating_add(self.clock) / 1_000_000_000;
                if a[0] != 0 && self.store(i, a[0], MemTy::I64, t).is_err() {
                    return Sys::Ret(-EFAULT);
                }
                Sys::Ret(t as i64)
            }
            LibFn::ClockGettime => {
                let t = match a[0] {
                    0 => EPOCH_NS.saturating_add(self.clock),
                    1 => self.clock,
                    _ => return Sys::Ret(-EINVAL),
                };
                if self.store(i, a[1], MemTy::I64, t / 1_000_000_000).is_err()
                    || self.store(i, a[1].wrapping_add(8), MemTy::I64, t % 1_000_000_000).is_err()
                {
                    return Sys::Ret(-EFAULT);
                }
                Sys::Ret(0)
            }
            LibFn::Pipe => self.pipe(i, a[0]),
            LibFn::Close => Sys::Ret(if self.close_fd(i, fd) { 0 } else { -EBADF }),
            LibFn::Dup => match self.file_of(i, fd) {
                Some((f, _)) => Sys::Ret(self.dup_to(i, f, 0)),
                None => Sys::Ret(-EBADF),
            },
            LibFn::Dup2 => self.dup2(i, fd, a[1] as i32 as i64),
            LibFn::Fcntl => self.fcntl(i, fd, a[1] as i32, a[2] as i64),
            LibFn::Read => self.read(i, fd, a[1], a[2] as usize, cx),
            LibFn::Write => self.write(i, call, cx),
            LibFn::Mmap => self.mmap(i, a),
            LibFn::Munmap => self.munmap(i, a[0], a[1]),
            LibFn::ShmOpen => self.shm_open(i, a[0], a[1]),
            LibFn::ShmUnlink => self.shm_unlink(i, a[0]),
            LibFn::Ftruncate => self.ftruncate(i, fd, a[1] as i64),
            other => unreachable!("{} is not a system call", other.name()),
        }
    }

    /// Stores into the caller's memory; a store into shared memory wakes
    /// the processes spinning on that object.
    fn store(&mut self, i: usize, addr: u64, m: MemTy, v: u64) -> Result<(), ()> {
        self.procs[i].proc.mem.store(&mut self.shared, addr, m, v).map_err(|_| ())?;
        if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(addr) {
            self.unpark_object(obj);
        }
        Ok(())
    }

    fn dup_to(&mut self, i: usize, f: u32, min: usize) -> i64 {
        if self.procs[i].fds.iter().filter(|d| d.is_some()).count() >= MAX_FDS {
            return -EMFILE;
        }
        self.ref_file(f);
        self.install(i, f, min)
    }

    fn fork(&mut self, i: usize, cx: &mut StepCtx) -> Sys {
        let pid = self.next_pid;
        self.next_pid += 1;
        let mut child = self.procs[i].clone();
        child.pid = pid;
        child.ppid = self.procs[i].pid;
        child.spin.clear();
        child.born_at = Some(self.steps);
        child.dying = None;
        child.io_done = 0;
        child.since = self.clock;
        for fd in child.fds.iter().flatten() {
            self.ref_file(fd.file);
        }
        child.proc.resume(0);
        self.procs.push(child);
        let c = self.procs.len() - 1;
        self.advance(c, false, cx);
        Sys::Ret(pid as i64)
    }

    fn wait(&mut self, i: usize, pid: i32, status: u64, options: u64, cx: &mut StepCtx) -> Sys {
        match self.wait_for(i, pid) {
            _ if pid < -1 && pid != -super::FIRST_PID => Sys::Ret(-ECHILD),
            WaitFor::NoChild => Sys::Ret(-ECHILD),
            WaitFor::Running if options & WNOHANG != 0 => Sys::Ret(0),
            WaitFor::Running => unreachable!("a blocked wait is never stepped"),
            WaitFor::Zombie(j) => {
                let st = self.procs[j].status.expect("zombie has a status");
                if status != 0 && self.store(i, status, MemTy::I32, st.wait_status() as u32 as u64).is_err() {
                    return Sys::Ret(-EFAULT);
                }
                self.procs[j].reaped = true;
                cx.edges.push(Edge { from: self.procs[j].exit_step, to: self.steps, kind: EdgeKind::ExitWait });
                Sys::Ret(self.procs[j].pid as i64)
            }
        }
    }

    fn kill(&mut self, i: usize, pid: i32, sig: i32) -> Sys {
        if !(0..=64).contains(&sig) {
            return Sys::Ret(-EINVAL);
        }
        if pid == 0 || pid == -1 || pid == -super::FIRST_PID {
            // Every process of the run is in one process group (the first
            // process's), so these all mean "everyone", the caller too.
            let me = self.procs[i].pid;
            let targets: Vec<i32> = self.procs.iter().filter(|p| p.status.is_none() && p.pid != me).map(|p| p.pid).collect();
            for t in targets {
                let _ = self.kill(i, t, sig);
            }
            return self.kill(i, me, sig);
        }
        if pid < 0 {
            return Sys::Ret(-ESRCH);
        }
        let Some(j) = self.index(pid) else {
            return Sys::Ret(-ESRCH);
        };
        if self.procs[j].reaped {
            return Sys::Ret(-ESRCH);
        }
        if sig == 0 || self.procs[j].status.is_some() {
            return Sys::Ret(0);
        }
        if sig != SIGKILL && sig < 64 && self.procs[j].ignored & (1u64 << sig) != 0 {
            return Sys::Ret(0);
        }
        // SIGCHLD, SIGCONT, SIGURG, SIGWINCH are ignored by default; stop
        // signals would stop the target, which is not modelled: no effect.
        if matches!(sig, 17 | 18 | 19 | 20 | 21 | 22 | 23 | 28) {
            return Sys::Ret(0);
        }
        if j == i {
            let step = self.steps;
            self.terminate(j, ExitStatus::Signal(sig), step);
            return Sys::Dead;
        }
        // Delivered asynchronously: the target dies at its next step.
        self.procs[j].dying.get_or_insert(sig);
        self.procs[j].parked = None;
        Sys::Ret(0)
    }

    fn signal(&mut self, i: usize, sig: i32, handler: u64) -> Sys {
        // glibc reserves 32 and 33 for itself; 64 (SIGRTMAX) is valid.
        if !(1..=64).contains(&sig) || matches!(sig, SIGKILL | 19 | 32 | 33) || handler > 1 {
            return Sys::Ret(-EINVAL);
        }
        let p = &mut self.procs[i];
        let bit = 1u64.checked_shl(sig as u32).unwrap_or(0);
        let old = (p.ignored & bit != 0) as u64;
        if handler == 1 {
            p.ignored |= bit;
        } else {
            p.ignored &= !bit;
        }
        Sys::Ret(old as i64)
    }

    fn pipe(&mut self, i: usize, fds_at: u64) -> Sys {
        if self.procs[i].fds.iter().filter(|d| d.is_some()).count() + 2 > MAX_FDS {
            return Sys::Ret(-EMFILE);
        }
        self.pipes.push(Pipe::default());
        let p = (self.pipes.len() - 1) as u32;
        let r = self.open_file(FileKind::PipeRead(p), 0);
        let rfd = self.install(i, r, 0);
        let w = self.open_file(FileKind::PipeWrite(p), 1);
        let wfd = self.install(i, w, 0);
        if self.store(i, fds_at, MemTy::I32, rfd as u64).is_err() || self.store(i, fds_at.wrapping_add(4), MemTy::I32, wfd as u64).is_err()
        {
            self.close_fd(i, rfd);
            self.close_fd(i, wfd);
            return Sys::Ret(-EFAULT);
        }
        Sys::Ret(0)
    }

    fn dup2(&mut self, i: usize, old: i64, new: i64) -> Sys {
        let Some((f, _)) = self.file_of(i, old) else {
            return Sys::Ret(-EBADF);
        };
        if !(0..MAX_FDS as i64).contains(&new) {
            return Sys::Ret(-EBADF);
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
        fds[new as usize] = Some(super::Fd { file: f, cloexec: false });
        Sys::Ret(new)
    }

    fn fcntl(&mut self, i: usize, fd: i64, cmd: i32, arg: i64) -> Sys {
        let Some((f, file)) = self.file_of(i, fd) else {
            return Sys::Ret(-EBADF);
        };
        let kind = file.kind;
        match cmd {
            1 => Sys::Ret(self.procs[i].fds[fd as usize].map_or(0, |d| d.cloexec as i64)),
            2 => {
                if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
                    d.cloexec = arg & 1 != 0;
                }
                Sys::Ret(0)
            }
            3 => Sys::Ret(file.flags as i64),
            4 => {
                let file = self.files[f as usize].as_mut().expect("open");
                file.flags = (file.flags & !(NONBLOCK | O_APPEND)) | (arg as i32 & (NONBLOCK | O_APPEND));
                Sys::Ret(0)
            }
            1031 | 1032 => {
                let p = match kind {
                    FileKind::PipeRead(p) | FileKind::PipeWrite(p) => p as usize,
                    _ => return Sys::Ret(-EBADF),
                };
                if cmd == 1032 {
                    Sys::Ret((self.pipes[p].max_slots * PIPE_PAGE) as i64)
                } else {
                    Sys::Ret(self.pipes[p].set_size(arg))
                }
            }
            _ => Sys::Ret(-EINVAL),
        }
    }

    fn read(&mut self, i: usize, fd: i64, buf: u64, n: usize, cx: &mut StepCtx) -> Sys {
        let Some((_, file)) = self.file_of(i, fd) else {
            return Sys::Ret(-EBADF);
        };
        if file.flags & ACCMODE == 1 {
            return Sys::Ret(-EBADF);
        }
        let (kind, nonblock) = (file.kind, file.flags & NONBLOCK != 0);
        match kind {
            FileKind::Stdin => Sys::Ret(0),
            FileKind::PipeRead(p) => {
                let pipe = &mut self.pipes[p as usize];
                let k = n.min(pipe.available());
                if k == 0 {
                    return Sys::Ret(if n == 0 || pipe.writers == 0 {
                        0
                    } else if nonblock {
                        -EAGAIN
                    } else {
                        unreachable!("a blocked read is never stepped")
                    });
                }
                let dst = match self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, k) {
                    Ok(d) => d,
                    Err(_) => return Sys::Ret(-EFAULT),
                };
                let mut sources = Vec::new();
                let got = pipe.read(dst, &mut sources);
                for s in sources {
                    cx.edges.push(Edge { from: s, to: self.steps, kind: EdgeKind::Pipe });
                }
                if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(buf) {
                    self.unpark_object(obj);
                }
                Sys::Ret(got as i64)
            }
            FileKind::Shm(obj) => {
                let f = self.procs[i].fds[fd as usize].expect("open").file;
                let off = self.files[f as usize].as_ref().map_or(0, |x| x.offset);
                let size = self.shared.sizes[obj as usize];
                let k = (n as u64).min(size.saturating_sub(off)) as usize;
                let src = self.shared.objects[obj as usize][off as usize..off as usize + k].to_vec();
                match self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, k) {
                    Ok(dst) => dst.copy_from_slice(&src),
                    Err(_) => return Sys::Ret(-EFAULT),
                }
                if let Some(file) = self.files[f as usize].as_mut() {
                    file.offset = off + k as u64;
                }
                Sys::Ret(k as i64)
            }
            _ => Sys::Ret(-EINVAL),
        }
    }

    fn write(&mut self, i: usize, call: &Syscall, cx: &mut StepCtx) -> Sys {
        let fd = call.args[0] as i32 as i64;
        let n = call.args[2] as usize;
        let Some((_, file)) = self.file_of(i, fd) else {
            return Sys::Ret(-EBADF);
        };
        if file.flags & ACCMODE == 0 {
            return Sys::Ret(-EBADF);
        }
        let (kind, nonblock) = (file.kind, file.flags & NONBLOCK != 0);
        if n == 0 {
            return Sys::Ret(0);
        }
        let data = match self.procs[i].proc.write_bytes(&self.shared, call) {
            Ok(d) => d.to_vec(),
            Err(_) => return Sys::Ret(-EFAULT),
        };
        match kind {
            FileKind::Out(k) => {
                self.outcome.writes.push(Write { pid: self.procs[i].pid, fd: k, bytes: data });
                Sys::Ret(n as i64)
            }
            FileKind::PipeWrite(p) => {
                let done = self.procs[i].io_done;
                if self.pipes[p as usize].readers == 0 {
                    // SIGPIPE whether or not part of the write went in; only
                    // with SIGPIPE ignored does the caller see a result.
                    if self.procs[i].ignored & (1 << SIGPIPE) != 0 {
                        return Sys::Ret(if done > 0 { done as i64 } else { -EPIPE });
                    }
                    let step = self.steps;
                    let pid = self.procs[i].pid;
                    let span = self.procs[i].proc.span(cx.prog);
                    self.faults.push((
                        pid,
                        crate::interp::Fault { signal: crate::interp::Signal::Pipe, cause: crate::interp::fault::Cause::BrokenPipe, span },
                    ));
                    self.terminate(i, ExitStatus::Signal(SIGPIPE), step);
                    return Sys::Dead;
                }
                let mut done = done;
                let one_page = !nonblock && n > PIPE_PAGE;
                let r = self.pipes[p as usize].write(&data, &mut done, one_page, self.steps);
                self.procs[i].io_done = done;
                match r {
                    WriteStep::Done => Sys::Ret(n as i64),
                    WriteStep::Progress => Sys::Progress,
                    WriteStep::Full if nonblock => Sys::Ret(if done > 0 { done as i64 } else { -EAGAIN }),
                    WriteStep::Full => Sys::Progress,
                }
            }
            FileKind::Shm(obj) => {
                let f = self.procs[i].fds[fd as usize].expect("open").file;
                let file = self.files[f as usize].as_ref().expect("open");
                let start = if file.flags & O_APPEND != 0 { self.shared.sizes[obj as usize] } else { file.offset };
                let end = start + n as u64;
                if end > MAX_SHARED {
                    return Sys::Ret(-EFBIG);
                }
                if end > self.shared.sizes[obj as usize] {
                    self.shared.resize(obj, end);
                }
                self.shared.objects[obj as usize][start as usize..end as usize].copy_from_slice(&data);
                if let Some(file) = self.files[f as usize].as_mut() {
                    file.offset = end;
                }
                self.unpark_object(obj);
                Sys::Ret(n as i64)
            }
            _ => Sys::Ret(-EINVAL),
        }
    }

    fn mmap(&mut self, i: usize, a: [u64; 6]) -> Sys {
        let (len, prot, flags, fd, off) = (a[1], a[2] as i32, a[3] as i32, a[4] as i32 as i64, a[5]);
        const SHARED: i32 = 1;
        const PRIVATE: i32 = 2;
        const ANON: i32 = 0x20;
        let kind = flags & 3;
        if len == 0 || (kind != SHARED && kind != PRIVATE) || off % PAGE != 0 || len > 1 << 31 {
            return Sys::Ret(-EINVAL);
        }
        let size = len.div_ceil(PAGE) * PAGE;
        let writable = prot & 2 != 0;
        let mem = &mut self.procs[i].proc.mem;
        if size > MAX_SHARED {
            return Sys::Ret(-ENOMEM);
        }
        if flags & ANON != 0 {
            if kind == SHARED {
                let obj = self.shared.create(size);
                let base = mem.add(Vec::new(), RegionKind::Shared { obj, base: 0, writable });
                mem.regions.last_mut().expect("just added").size = size as u32;
                return Sys::Ret(base as i64);
            }
            return Sys::Ret(mem.add(vec![0; size as usize], RegionKind::Mapping) as i64);
        }
        let Some((_, file)) = self.file_of(i, fd) else {
            return Sys::Ret(-EBADF);
        };
        let FileKind::Shm(obj) = file.kind else {
            return Sys::Ret(-ENODEV);
        };
        let mode = file.flags & ACCMODE;
        if mode == 1 || (kind == SHARED && writable && mode != 2) {
            return Sys::Ret(-EACCES);
        }
        let mem = &mut self.procs[i].proc.mem;
        // A read-only private view sees the object's bytes as they change
        // (Linux shares the pages until the first write, which PROT_READ
        // rules out); a writable one is a snapshot (see the README).
        if kind == SHARED || !writable {
            let base = mem.add(Vec::new(), RegionKind::Shared { obj, base: off as u32, writable });
            mem.regions.last_mut().expect("just added").size = size as u32;
            return Sys::Ret(base as i64);
        }
        // MAP_PRIVATE of an object: a snapshot (Linux shares pages until
        // the first write; see the README).
        let bytes = &self.shared.objects[obj as usize];
        let mut copy = vec![0; size as usize];
        let from = (off as usize).min(bytes.len());
        let n = (bytes.len() - from).min(copy.len());
        copy[..n].copy_from_slice(&bytes[from..from + n]);
        Sys::Ret(mem.add(copy, RegionKind::Mapping) as i64)
    }

    fn munmap(&mut self, i: usize, addr: u64, len: u64) -> Sys {
        if addr & 0xfff != 0 || len == 0 {
            return Sys::Ret(-EINVAL);
        }
        let r = (addr >> 32) as usize;
        let mem = &mut self.procs[i].proc.mem;
        if let Some(reg) = mem.regions.get_mut(r) {
            if addr & 0xffff_ffff == 0 && matches!(reg.kind, RegionKind::Shared { .. } | RegionKind::Mapping) {
                reg.kind = RegionKind::Unmapped;
                reg.bytes = Vec::new();
            }
        }
        Sys::Ret(0)
    }

    fn name_arg(&self, i: usize, addr: u64) -> Result<Vec<u8>, i64> {
        self.procs[i].proc.mem.cstr(&self.shared, addr).map(|s| s.to_vec()).map_err(|_| -EFAULT)
    }

    fn shm_open(&mut self, i: usize, name: u64, oflag: u64) -> Sys {
        let raw = match self.name_arg(i, name) {
            Ok(n) => n,
            Err(e) => return Sys::Ret(e),
        };
        let name = match crate::ipc::shm::check_name(&raw) {
            Ok(n) => n,
            Err(e) => return Sys::Ret(e),
        };
        let obj = match self.shm.names.get(&name) {
            Some(_) if oflag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Sys::Ret(-EEXIST),
            Some(&obj) => obj,
            None if oflag & O_CREAT == 0 => return Sys::Ret(-ENOENT),
            None => {
                let obj = self.shared.create(0);
                self.shm.names.insert(name, obj);
                obj
            }
        };
        if oflag & O_TRUNC != 0 {
            self.shared.resize(obj, 0);
            self.unpark_object(obj);
        }
        // glibc opens with O_NOFOLLOW and the kernel adds O_LARGEFILE:
        // F_GETFL shows both.
        let f = self.open_file(FileKind::Shm(obj), (oflag & 3) as i32 | O_LARGEFILE | O_NOFOLLOW);
        let fd = self.install(i, f, 0);
        // glibc's shm_open adds O_CLOEXEC.
        if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
            d.cloexec = true;
        }
        Sys::Ret(fd)
    }

    fn shm_unlink(&mut self, i: usize, name: u64) -> Sys {
        let raw = match self.name_arg(i, name) {
            Ok(n) => n,
            Err(e) => return Sys::Ret(e),
        };
        match crate::ipc::shm::check_name(&raw) {
            Ok(n) => Sys::Ret(if self.shm.names.remove(&n).is_some() { 0 } else { -ENOENT }),
            Err(e) => Sys::Ret(e),
        }
    }

    fn ftruncate(&mut self, i: usize, fd: i64, len: i64) -> Sys {
        let Some((_, file)) = self.file_of(i, fd) else {
            return Sys::Ret(-EBADF);
        };
        let FileKind::Shm(obj) = file.kind else {
            return Sys::Ret(-EINVAL);
        };
        if file.flags & ACCMODE == 0 || len < 0 {
            return Sys::Ret(-EINVAL);
        }
        if len as u64 > MAX_SHARED {
            return Sys::Ret(-EFBIG);
        }
        self.shared.resize(obj, len as u64);
        self.unpark_object(obj);
        Sys::Ret(0)
    }
}

/// `CLOCK_REALTIME` at virtual time 0, in ns.
const EPOCH_NS: u64 = super::EPOCH_SECS * 1_000_000_000;

fn r_value(r: &Sys) -> Option<i64> {
    match r {
        Sys::Ret(v) => Some(*v),
        _ => None,
    }
}
