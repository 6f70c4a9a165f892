//! Calls on processes: `fork`, `wait`/`waitpid`, `kill`, `signal`,
//! `getpid`, `getppid`, `sched_yield`.

use super::calls::Sys;
use super::{Machine, StepCtx};
use crate::abi::call::ProcCall;
use crate::abi::errno::{EAGAIN, ECHILD, EINVAL, ENOMEM, ESRCH};
use crate::abi::flags::{WCONTINUED, WNOHANG, WUNTRACED};
use crate::abi::limits::MAX_PROCS;
use crate::abi::signal;
use crate::abi::{groups, FIRST_PID};
use crate::interp::Process;
use crate::ir::MemTy;
use crate::outcome::ExitStatus;

/// Who a `wait` would collect.
pub(super) enum WaitFor {
    NoChild,
    Zombie(usize),
    /// A child that stopped or continued, which the options ask to see.
    Changed(usize),
    Running,
}

impl Machine {
    pub(super) fn proc_call(&mut self, i: usize, c: ProcCall, cx: &mut StepCtx) -> Sys {
        match c {
            ProcCall::Getpid => Sys::Ret(self.procs[i].pid as i64),
            ProcCall::Getppid => Sys::Ret(self.procs[i].ppid as i64),
            ProcCall::Yield => Sys::Ret(0),
            ProcCall::Getpgrp => Sys::Ret(self.procs[i].pgid as i64),
            ProcCall::Getpgid { pid } => Sys::from(self.group_of(i, pid).map(|j| self.procs[j].pgid as i64)),
            ProcCall::Getsid { pid } => Sys::from(self.group_of(i, pid).map(|j| self.procs[j].sid as i64)),
            ProcCall::Setpgid { pid, pgid } => Sys::from(self.setpgid(i, pid, pgid)),
            ProcCall::Setsid => Sys::from(self.setsid(i)),
            ProcCall::Fork => self.fork(i, cx),
            ProcCall::Wait { status } => self.wait(i, -1, status, 0, cx),
            ProcCall::Waitpid { pid, status, options } => self.wait(i, pid, status, options, cx),
            ProcCall::Kill { pid, sig } => self.kill(i, pid, sig, cx),
            ProcCall::Sigqueue { pid, sig, value } => self.sigqueue(i, pid, sig, value, cx),
            ProcCall::Longjmp { handlers, mask, val } => self.longjmp(i, handlers, mask, val),
            ProcCall::Sigtimedwait { set, info, timeout } => self.sigtimedwait(i, set, info, timeout, cx),
            ProcCall::Signal { sig, handler } => self.signal(i, sig, handler),
            ProcCall::Sigaction { sig, act, old } => self.sigaction(i, sig, act, old),
            ProcCall::Sigprocmask { how, set, old } => self.sigprocmask(i, how, set, old),
            ProcCall::Sigpending { set } => self.sigpending(i, set),
            ProcCall::Alarm { secs } => self.alarm(i, secs),
            ProcCall::Setitimer { which, value, old } => self.setitimer(i, which, value, old),
            ProcCall::Getitimer { which, out } => self.getitimer(i, which, out),
            ProcCall::Raise { sig } => {
                let me = self.procs[i].pid;
                // glibc's raise is tgkill: si_code SI_TKILL.
                self.kill_as(i, me, sig, (crate::abi::flags::SI_TKILL, 0), cx)
            }
            // Blocked until a handler interrupts them; a bad mask fails.
            ProcCall::Exec { path, search } => self.exec(i, path, search, cx),
            ProcCall::Pause => Sys::err(crate::abi::errno::EINTR),
            ProcCall::Sigsuspend { mask } => Sys::err(mask.err().unwrap_or(crate::abi::errno::EINTR)),
        }
    }

    /// A `wait` would not block.
    pub(super) fn wait_ready(&self, i: usize, pid: i32, options: i32) -> bool {
        options & WNOHANG != 0 || !matches!(self.wait_for(i, pid, options), WaitFor::Running)
    }

    pub(super) fn wait_for(&self, i: usize, pid: i32, options: i32) -> WaitFor {
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
            let wanted = |st: i32| if st == 0xffff { options & WCONTINUED != 0 } else { options & WUNTRACED != 0 };
            if c.job_news.is_some_and(wanted) {
                return WaitFor::Changed(j);
            }
        }
        if any {
            WaitFor::Running
        } else {
            WaitFor::NoChild
        }
    }

    /// `fork`: `EAGAIN` when the run has [`MAX_PROCS`] processes (alive or
    /// not yet reaped), `ENOMEM` when the child's memory would not fit the
    /// run's budget; else a child sharing its parent's memory until one
    /// of them writes.
    fn fork(&mut self, i: usize, cx: &mut StepCtx) -> Sys {
        if self.procs.iter().filter(|p| !p.reaped).count() >= MAX_PROCS {
            return Sys::err(EAGAIN);
        }
        if !self.reserve(self.procs[i].proc.mem.committed()) {
            return Sys::err(ENOMEM);
        }
        let pid = self.next_pid;
        self.next_pid += 1;
        let mut child = self.copy_of(i);
        child.pid = pid;
        child.ppid = self.procs[i].pid;
        child.spin.clear();
        child.dying = None;
        child.io_done = 0;
        child.signals = child.signals.as_deref().map(|s| Box::new(s.for_child()));
        // semop(2): undo adjustments are not inherited.
        child.sem_undo.clear();
        child.idrm = false;
        child.execd = false;
        for fd in child.fds.iter().flatten() {
            self.ref_file(fd.file);
        }
        child.proc.resume(0);
        child.proc_fp.forget();
        self.procs.push(child);
        let c = self.procs.len() - 1;
        cx.history.forked(pid);
        let site = self.user_site(i, cx);
        cx.history.fork_sites.push((pid, site));
        self.advance(c, false, cx);
        Sys::Ret(pid as i64)
    }

    fn wait(&mut self, i: usize, pid: i32, status: u64, options: i32, cx: &mut StepCtx) -> Sys {
        match self.wait_for(i, pid, options) {
            _ if pid < -1 && pid != -FIRST_PID => Sys::err(ECHILD),
            WaitFor::NoChild => Sys::err(ECHILD),
            WaitFor::Running if options & WNOHANG != 0 => Sys::Ret(0),
            WaitFor::Running => unreachable!("a blocked wait is never stepped"),
            WaitFor::Changed(j) => {
                let st = self.procs[j].job_news.take().expect("a change to report");
                if status != 0 && self.store(i, status, MemTy::I32, st as u32 as u64).is_err() {
                    return Sys::err(crate::abi::errno::EFAULT);
                }
                Sys::Ret(self.procs[j].pid as i64)
            }
            WaitFor::Zombie(j) => {
                let st = self.procs[j].status.expect("zombie has a status");
                if status != 0 && self.store(i, status, MemTy::I32, st.wait_status() as u32 as u64).is_err() {
                    return Sys::err(crate::abi::errno::EFAULT);
                }
                self.reap(j);
                let child = self.procs[j].pid;
                cx.history.reaped(child);
                Sys::Ret(child as i64)
            }
        }
    }

    fn kill(&mut self, i: usize, pid: i32, sig: i32, cx: &mut StepCtx) -> Sys {
        self.kill_as(i, pid, sig, (crate::abi::flags::SI_USER, 0), cx)
    }

    /// `sigqueue`: `kill` of one process, with a value.
    fn sigqueue(&mut self, i: usize, pid: i32, sig: i32, value: u64, cx: &mut StepCtx) -> Sys {
        if pid <= 0 {
            return Sys::err(if pid == 0 { EINVAL } else { ESRCH });
        }
        self.kill_as(i, pid, sig, (crate::abi::flags::SI_QUEUE, value), cx)
    }

    /// `kill`, with the `si_code` and `si_value` the target sees.
    pub(super) fn kill_as(&mut self, i: usize, pid: i32, sig: i32, (code, value): (i32, u64), cx: &mut StepCtx) -> Sys {
        if !signal::can_send(sig) {
            return Sys::err(EINVAL);
        }
        if pid <= 0 {
            return self.kill_group(i, pid, sig, cx);
        }
        if pid < 0 {
            return Sys::err(ESRCH);
        }
        let Some(j) = self.index(pid) else {
            return Sys::err(ESRCH);
        };
        if self.procs[j].reaped {
            return Sys::err(ESRCH);
        }
        // A zombie, or a process already inside its exit, takes no signal.
        if sig == 0 || self.procs[j].status.is_some() || matches!(self.procs[j].pending, super::Pending::Exiting(_)) {
            return Sys::Ret(0);
        }
        if sig == signal::SIGCONT {
            self.resume_stopped(j, cx);
        }
        if self.discards(j, sig) {
            return Sys::Ret(0);
        }
        let me = self.procs[i].pid;
        if self.post(j, sig, super::signal::Info { pid: me, code, status: 0, value }) {
            // Caught or blocked: its handler runs at the target's next
            // step (the caller's own, before kill returns).
            cx.history.signal_sent(pid, sig);
            return Sys::Ret(0);
        }
        if signal::stops(sig) {
            self.stop(j, sig, cx);
            return Sys::Ret(0);
        }
        if signal::default_is_harmless(sig) {
            return Sys::Ret(0);
        }
        cx.history.sent.push((pid, sig));
        if j == i {
            self.terminate(j, ExitStatus::Signal(sig), cx);
            return Sys::Dead;
        }
        // Delivered asynchronously: the target dies at its next step.
        self.procs[j].dying.get_or_insert(sig);
        self.procs[j].parked = None;
        Sys::Ret(0)
    }

    /// `kill(0)`: the caller's process group; `kill(-pgid)`: that group
    /// (`ESRCH` if empty); `kill(-1)`: every process the caller may
    /// signal except itself (Linux spares the caller). The caller, if a
    /// target, last.
    fn kill_group(&mut self, i: usize, pid: i32, sig: i32, cx: &mut StepCtx) -> Sys {
        let me = self.procs[i].pid;
        let targets = if pid == -1 {
            self.procs.iter().filter(|p| p.status.is_none() && p.pid != me).map(|p| p.pid).collect()
        } else {
            match groups::group_members(&self.members(), me, pid) {
                Ok(v) => v,
                Err(e) => return Sys::err(e),
            }
        };
        for &t in targets.iter().filter(|&&t| t != me) {
            let _ = self.kill(i, t, sig, cx);
        }
        if targets.contains(&me) {
            return self.kill(i, me, sig, cx);
        }
        Sys::Ret(0)
    }

    /// The processes that exist, as the group rules see them.
    fn members(&self) -> Vec<groups::Member> {
        let member = |p: &super::Pcb| groups::Member { pid: p.pid, ppid: p.ppid, pgid: p.pgid, sid: p.sid, execd: p.execd };
        self.procs.iter().filter(|p| !p.reaped).map(|p| member(p)).collect()
    }

    /// The process `getpgid(pid)`/`getsid(pid)` asks about.
    fn group_of(&self, i: usize, pid: i32) -> Result<usize, i32> {
        let t = groups::target(&self.members(), self.procs[i].pid, pid)?;
        self.index(t.pid).ok_or(crate::abi::errno::ESRCH)
    }

    fn setpgid(&mut self, i: usize, pid: i32, pgid: i32) -> Result<i64, i32> {
        let (pid, pgid) = groups::setpgid(&self.members(), self.procs[i].pid, pid, pgid)?;
        if let Some(j) = self.index(pid) {
            self.procs[j].pgid = pgid;
        }
        Ok(0)
    }

    fn setsid(&mut self, i: usize) -> Result<i64, i32> {
        let sid = groups::setsid(&self.members(), self.procs[i].pid)?;
        let p = &mut self.procs[i];
        p.sid = sid;
        p.pgid = sid;
        Ok(sid as i64)
    }

    /// Where in the program's own code process `i` is: its innermost
    /// frame of the program's, else (a built-in utility, such as the sh
    /// that `popen` runs) where its first ancestor in the program's code
    /// forked it.
    fn user_site(&self, i: usize, cx: &StepCtx) -> crate::source::Span {
        let p = &self.procs[i];
        if let Some(s) = p.user_span(cx.prog) {
            return s;
        }
        match cx.history.fork_sites.iter().find(|s| s.0 == p.pid) {
            Some(&(_, s)) if !cx.prog.sources.is_library(s.file) => s,
            _ => p.span(cx.prog),
        }
    }

    /// `exec`: the program at `path` (see [`crate::ir::Program::image_for`])
    /// replaces the caller's image. Kept: pid, parent, descriptors but
    /// the close-on-exec ones, ignored signals, the mask, pending signals,
    /// the alarm, `SEM_UNDO` adjustments. Gone: memory (mappings and
    /// attached segments too), unflushed stdio, handlers.
    fn exec(&mut self, i: usize, path: u64, search: bool, cx: &mut StepCtx) -> Sys {
        let args = std::mem::take(&mut self.procs[i].proc.exec_args);
        let env = std::mem::take(&mut self.procs[i].proc.exec_env);
        let Ok(raw) = self.procs[i].proc.mem.cstr(&self.shared, path).map(|b| b.to_vec()) else {
            return Sys::err(crate::abi::errno::EFAULT);
        };
        let argv0 = cx.config.process.argv.first().map_or("", |a| a.as_str());
        let image = match cx.prog.exec_image(&raw, search, argv0) {
            Ok(k) => k,
            Err(e) => {
                let name = String::from_utf8_lossy(&raw).into_owned();
                let span = self.user_site(i, cx);
                if !raw.is_empty() && !cx.history.missing_execs.iter().any(|m| m.0 == name) {
                    cx.history.missing_execs.push((name, span));
                }
                return Sys::err(e);
            }
        };
        // glibc buffers the new image's stdout by what descriptor 1 is:
        // the run's own output as configured, anything else fully.
        let stdout = match self.file_of(i, 1).map(|(_, f)| f.kind) {
            Some(super::fd::FileKind::Out(_)) => cx.config.process.stdout,
            _ => crate::interp::StdoutMode::Pipe,
        };
        let fresh = Process::image(cx.prog, image, &args, &env, stdout);
        let p = &mut self.procs[i];
        self.committed = self.committed.saturating_sub(p.proc.mem.committed()).saturating_add(fresh.mem.committed());
        p.proc = fresh;
        p.named_sems.clear();
        p.execd = true;
        p.spin.clear();
        p.digest = Default::default();
        let cloexec: Vec<usize> = p.fds.iter().enumerate().filter(|(_, f)| f.is_some_and(|f| f.cloexec)).map(|(k, _)| k).collect();
        // Closing them releases the record locks the process holds on
        // their files, as any close does (its other locks stay: exec
        // keeps the pid).
        for k in cloexec {
            self.close_fd(i, k as i64);
        }
        self.exec_signals(i);
        self.collect_shared();
        Sys::Exec
    }
}
