//! System calls: the simulated kernel's one match over a typed [`Call`].
//! Each family goes to the file that owns its rules: processes
//! (`process.rs`), clocks (`time.rs`), descriptors and the objects behind
//! them (`fd.rs`, `ipc/pipe.rs`, `ipc/shm.rs`). Results follow the
//! kernel's convention: a negative value is `-errno`.

use super::{Machine, StepCtx};
use crate::abi::call::{Call, FdCall, ProcCall};
use crate::check::races::SyncKey;
use crate::trace::{Data, What};

/// What a system call did.
pub(super) enum Sys {
    /// Returned this value (negative: `-errno`).
    Ret(i64),
    /// Made progress and continues at the next step (a big pipe write).
    Progress,
    /// The caller died during the call (SIGPIPE, `kill` of itself).
    Dead,
    /// The caller runs another program now (`exec`): nothing returns.
    Exec,
}

impl Sys {
    /// Failed with this errno.
    pub(super) fn err(e: i32) -> Sys {
        Sys::Ret(-(e as i64))
    }

    /// A result from `Ok(value)` or `Err(errno)`.
    pub(super) fn from(r: Result<i64, i32>) -> Sys {
        Sys::Ret(r.unwrap_or_else(|e| -(e as i64)))
    }

    fn value(&self) -> Option<i64> {
        match self {
            Sys::Ret(v) => Some(*v),
            _ => None,
        }
    }
}

impl Machine {
    /// Whether the call can proceed now (else the caller is blocked).
    pub(super) fn call_ready(&self, i: usize, call: &Call) -> bool {
        match *call {
            // pread and pwrite never wait (on a pipe they fail at once).
            Call::Fd(FdCall::Read { at: Some(_), .. } | FdCall::Write { at: Some(_), .. }) => true,
            Call::Fd(FdCall::Read { fd, len, .. } | FdCall::Fill { fd, len }) => self.read_ready(i, fd, len),
            Call::Fd(FdCall::Write { fd, len, .. }) => self.write_ready(i, fd, len),
            Call::Fd(FdCall::Poll { fds, nfds, .. }) => self.poll_ready(i, fds, nfds),
            Call::Fd(ref c @ (FdCall::Lock { .. } | FdCall::Flock { .. })) => self.lock_ready(i, c),
            Call::Fd(FdCall::Select { nfds, sets, timeout }) => {
                self.select_ready(i, nfds, sets) || timeout != 0 && self.timeval(i, timeout).is_err()
            }
            Call::Proc(ProcCall::Wait { .. }) => self.wait_ready(i, -1, 0),
            Call::Proc(ProcCall::Waitpid { pid, options, .. }) => self.wait_ready(i, pid, options),
            Call::Sem(ref c) => self.sem_ready(i, c),
            Call::Mq(ref c) => self.mq_ready(i, c),
            Call::Sock(ref c) => self.sock_ready(i, c),
            Call::Msg(ref c) => self.msg_ready(i, c),
            Call::Sysv(ref c) => self.sysv_ready(i, c),
            Call::Fs(crate::abi::call::FsCall::Open { .. }) => self.fifo_ready(i),
            // Only a handler ends them (a bad mask fails at once).
            Call::Proc(ProcCall::Pause | ProcCall::Sigsuspend { mask: Ok(_) }) => false,
            Call::Proc(ProcCall::Sigtimedwait { set: Ok(set), timeout: Ok(t), .. }) => t == Some(0) || self.pending_in(i, set).is_some(),
            _ => true,
        }
    }

    /// Performs process `i`'s pending system call and runs the process to
    /// its next visible operation; returns the trace event's content.
    pub(super) fn step_call(&mut self, i: usize, call: Call, cx: &mut StepCtx) -> Option<What> {
        if !matches!(call, Call::Proc(ProcCall::Yield)) {
            self.procs[i].spin.clear();
        }
        // The bytes of a write are shown as they were before the call.
        let data_before = match cx.tracing() {
            true => self.call_data_before(i, &call),
            false => Data::None,
        };
        let r = self.perform(i, &call, cx);
        if let Sys::Ret(v @ 0..) = r {
            self.note_created(i, &call, v, cx);
        }
        let what = cx.tracing().then(|| {
            let data = match data_before {
                Data::None => self.call_data_after(i, &call, r.value()),
                d => d,
            };
            What::Call { call, ret: r.value(), data }
        });
        if let Sys::Exec = r {
            self.advance(i, false, cx);
        }
        if let Sys::Ret(v) = r {
            self.procs[i].io_done = 0;
            self.procs[i].idrm = false;
            self.procs[i].asleep = false;
            self.procs[i].lock_wait = None;
            if v < 0 {
                self.procs[i].proc.set_errno(cx.prog, (-v) as i32);
                self.procs[i].proc.resume(call.failure_value());
            } else {
                self.procs[i].proc.resume(v);
            }
            if !self.deliver_now(i, cx) {
                self.advance(i, false, cx);
            }
        }
        what
    }

    fn perform(&mut self, i: usize, call: &Call, cx: &mut StepCtx) -> Sys {
        if cx.history.races.is_some() {
            if let Call::Fd(crate::abi::call::FdCall::Close { fd }) = *call {
                use crate::kernel::fd::FileKind;
                if let Some(FileKind::PipeWrite(p) | FileKind::PipeBoth(p)) = self.file_of(i, fd as i64).map(|(_, o)| o.kind) {
                    cx.history.sync(SyncKey::PipeClosed(p), true);
                }
            }
            if let Some(family) = self.coarse_family(i, call) {
                // Every two calls on such objects are ordered, in the
                // order they are made (see check::races).
                cx.history.sync(SyncKey::Family(family), false);
                cx.history.sync(SyncKey::Family(family), true);
            }
        }
        match *call {
            Call::Proc(c) => self.proc_call(i, c, cx),
            Call::Time(c) => self.time_call(i, c),
            Call::Fd(c) => self.fd_call(i, c, cx),
            Call::Pipe(c) => self.pipe_call(i, c),
            Call::Shm(c) => self.shm_call(i, c),
            Call::Sem(c) => self.sem_call(i, c, cx),
            Call::Mq(c) => self.mq_call(i, c, cx),
            Call::Sock(c) => self.sock_call(i, c, cx),
            Call::Msg(c) => self.msg_call(i, c, cx),
            Call::Sysv(c) => self.sysv_call(i, c, cx),
            Call::Fs(c) => self.fs_call(i, c),
            Call::Op(c) => self.op_call(i, c, cx),
        }
    }

    /// The kind of object a call synchronises through that the race
    /// detector orders coarsely (pipes, semaphores, `fork` and `wait`
    /// have their own edges; the program's output synchronises nothing).
    fn coarse_family(&self, i: usize, call: &Call) -> Option<&'static str> {
        use crate::abi::call::ProcCall;
        use crate::kernel::fd::FileKind;
        match *call {
            Call::Mq(_) => Some("queue"),
            Call::Sock(_) => Some("socket"),
            Call::Msg(_) => Some("mailbox"),
            Call::Sysv(_) => Some("sysv"),
            Call::Fs(_) => Some("file"),
            Call::Proc(ProcCall::Kill { .. }) => Some("signal"),
            // A lock's release happens before the next lock of the file,
            // whatever the file is.
            Call::Fd(FdCall::Lock { .. } | FdCall::Flock { .. }) => Some("file"),
            Call::Fd(_) => match call.fd().and_then(|fd| self.file_of(i, fd as i64)).map(|(_, o)| o.kind) {
                Some(FileKind::Shm(_)) => Some("file"),
                Some(FileKind::Socket(_)) => Some("socket"),
                Some(FileKind::Mq(_)) => Some("queue"),
                Some(FileKind::Mbox(_)) => Some("mailbox"),
                _ => None,
            },
            _ => None,
        }
    }

    /// Records the named object a successful call made (for leak
    /// reports), with its call site, the first time the name appears.
    fn note_created(&mut self, i: usize, call: &Call, ret: i64, cx: &mut StepCtx) {
        let r_id = |r: i64| Some(r).filter(|&r| r >= 0);
        use crate::abi::call::{MqCall, SemCall, ShmCall, SockCall};
        use crate::kernel::Named;
        let mem = &self.procs[i].proc.mem;
        let cstr = |a: u64| mem.cstr(&self.shared, a).ok().map(|b| b.to_vec());
        let named = match *call {
            Call::Shm(ShmCall::Open { name, .. }) => cstr(name).and_then(|n| crate::ipc::shm::check_name(&n).ok()).map(|k| (Named::Shm, k)),
            Call::Sem(SemCall::Open { name, .. }) => {
                cstr(name).and_then(|n| crate::ipc::sem::object_name(&n).ok()).map(|k| (Named::Sem, k))
            }
            Call::Mq(MqCall::Open { name, .. }) => cstr(name).and_then(|n| crate::ipc::mq::check_name(&n).ok()).map(|k| (Named::Queue, k)),
            Call::Sock(SockCall::Bind { addr, len, .. }) if len > 2 => mem
                .slice(&self.shared, addr.wrapping_add(2), (len.min(110) - 2) as usize)
                .ok()
                .and_then(|b| match crate::ipc::sockname::parse(b) {
                    crate::ipc::sockname::Address::Path(p) => crate::ipc::sockname::resolve(&p).ok(),
                    _ => None,
                })
                .map(|k| (Named::SocketPath, String::from_utf8_lossy(&k).into_owned())),
            Call::Sysv(crate::abi::call::SysvCall::Shmget { .. }) => r_id(ret).map(|id| (Named::Sysv, format!("m{id}"))),
            Call::Sysv(crate::abi::call::SysvCall::Msgget { .. }) => r_id(ret).map(|id| (Named::Sysv, format!("q{id}"))),
            Call::Sysv(crate::abi::call::SysvCall::Semget { .. }) => r_id(ret).map(|id| (Named::Sysv, format!("s{id}"))),
            _ => None,
        };
        if let Some((kind, key)) = named {
            if !cx.history.created.iter().any(|c| c.0 == kind && c.1 == key) {
                let span = self.procs[i].span(cx.prog);
                cx.history.created.push((kind, key, span));
            }
        }
    }

    /// Stores into the caller's memory; a store into shared memory wakes
    /// the processes spinning on that object.
    pub(super) fn store(&mut self, i: usize, addr: u64, m: crate::ir::MemTy, v: u64) -> Result<(), ()> {
        self.procs[i].proc.mem.store(&mut self.shared, addr, m, v).map_err(|_| ())?;
        if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(addr) {
            self.unpark_object(obj);
        }
        Ok(())
    }
}
