//! What a trace shows of a system call beyond its arguments, copied out
//! of the machine when the event is made (so rendering never reads it):
//! the bytes written or read, the descriptors `pipe` made, the status
//! `wait` stored, the name passed to `shm_open`, what `mmap` mapped.

use super::{Machine, Pending};
use crate::abi::call::{Call, FdCall, FsCall, MqCall, MsgCall, ProcCall, SemCall, ShmCall, SockCall, Src};
use crate::ir::MemTy;
use crate::trace::Data;

impl Machine {
    /// Each process's state as step `step` is taken by process `i`
    /// (`ready`: the processes that could have taken it); reaped
    /// processes are left out.
    pub fn lanes(&self, step: u64, i: usize, ready: &[usize]) -> crate::trace::Lanes {
        use crate::trace::LaneState;
        let mut states: Vec<(i32, LaneState)> = self
            .procs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.reaped)
            .map(|(j, p)| {
                let state = if j == i {
                    LaneState::Running
                } else if p.status.is_some() {
                    LaneState::Zombie
                } else if p.parked.is_some() {
                    LaneState::Spinning
                } else if ready.contains(&j) {
                    LaneState::Ready
                } else {
                    match p.pending {
                        Pending::Sleep(..) => LaneState::Sleeping,
                        Pending::Call(c) => LaneState::Blocked(c.name()),
                        _ => LaneState::Blocked("its next step"),
                    }
                };
                (p.pid, state)
            })
            .collect();
        states.sort_by_key(|s| s.0);
        crate::trace::Lanes { step, states }
    }

    /// Values that must be read before the call changes them.
    pub(super) fn call_data_before(&self, i: usize, call: &Call) -> Data {
        let p = &self.procs[i].proc;
        match *call {
            Call::Fd(FdCall::Write { src, len, .. }) => {
                let len = if matches!(src, Src::Mem(_)) { len.min(64) } else { len };
                p.write_bytes(&self.shared, src, len).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            Call::Shm(ShmCall::Open { name, .. } | ShmCall::Unlink { name })
            | Call::Sem(SemCall::Open { name, .. } | SemCall::Unlink { name })
            | Call::Mq(MqCall::Open { name, .. } | MqCall::Unlink { name }) => {
                p.mem.cstr_max(&self.shared, name, 256).map_or(Data::None, |b| Data::Name(b.to_vec()))
            }
            Call::Msg(MsgCall::MboxOpen { name, .. })
            | Call::Fs(
                FsCall::Unlink { path: name }
                | FsCall::Open { path: name, .. }
                | FsCall::Stat { path: name, .. }
                | FsCall::Access { path: name, .. }
                | FsCall::Mkdir { path: name, .. }
                | FsCall::Mkfifo { path: name, .. }
                | FsCall::Rename { old: name, .. }
                | FsCall::Rmdir { path: name }
                | FsCall::Opendir { path: name },
            )
            | Call::Proc(crate::abi::call::ProcCall::Exec { path: name, .. })
            | Call::Op(crate::abi::call::OpCall::Begin { name, .. })
            | Call::Sysv(crate::abi::call::SysvCall::Ftok { path: name, .. }) => {
                p.mem.cstr_max(&self.shared, name, 256).map_or(Data::None, |b| Data::Name(b.to_vec()))
            }
            Call::Sock(SockCall::Bind { addr, len, .. } | SockCall::Connect { addr, len, .. })
                if len >= crate::ipc::inet::SOCKADDR_IN && p.mem.slice(&self.shared, addr, 2).is_ok_and(|f| f == [2, 0]) =>
            {
                // An IPv4 address reads as itself: 127.0.0.1:5555.
                p.mem
                    .slice(&self.shared, addr, 8)
                    .map_or(Data::None, |b| Data::Name(crate::ipc::inet::InetAddr::parse(b).to_string().into_bytes()))
            }
            Call::Sock(SockCall::Bind { addr, len, .. } | SockCall::Connect { addr, len, .. }) if len > 2 => {
                let len = len.min(110) as usize;
                p.mem.slice(&self.shared, addr.wrapping_add(2), len - 2).map_or(Data::None, |b| {
                    let name = match b.split_first() {
                        Some((0, _)) => b.to_vec(),
                        _ => b.split(|&c| c == 0).next().unwrap_or_default().to_vec(),
                    };
                    Data::Name(name)
                })
            }
            Call::Sock(SockCall::Send { buf, len, .. })
            | Call::Msg(MsgCall::MboxSend { msg: buf, len, .. } | MsgCall::SendTo { msg: buf, len, .. }) => {
                p.mem.slice(&self.shared, buf, len.min(64) as usize).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            Call::Fd(FdCall::Lock { cmd, lock, .. }) if cmd != crate::abi::flags::F_GETLK => self.flock_data(i, lock),
            Call::Mq(MqCall::Send { msg, len, .. }) => {
                p.mem.slice(&self.shared, msg, len.min(64) as usize).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            _ => Data::None,
        }
    }

    /// Values the call produced.
    pub(super) fn call_data_after(&self, i: usize, call: &Call, ret: Option<i64>) -> Data {
        let p = &self.procs[i].proc;
        let load = |at: u64, m: MemTy| p.mem.load(&self.shared, at, m).ok();
        match (*call, ret) {
            (
                Call::Sock(SockCall::Recv { buf, len, .. })
                | Call::Msg(MsgCall::MboxReceive { buf, cap: len, .. } | MsgCall::ReceiveFrom { buf, cap: len, .. }),
                Some(n),
            ) if n > 0 => {
                p.mem.slice(&self.shared, buf, (n as u64).min(len).min(64) as usize).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            (Call::Sock(SockCall::Socketpair { sv: fds, .. }), Some(0)) => {
                Data::Fds(load(fds, MemTy::I32).unwrap_or(0) as i32, load(fds.wrapping_add(4), MemTy::I32).unwrap_or(0) as i32)
            }
            (Call::Fd(FdCall::Read { buf, .. }) | Call::Mq(MqCall::Receive { buf, .. }), Some(n)) if n > 0 => {
                p.mem.slice(&self.shared, buf, n as usize).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            (Call::Pipe(crate::abi::call::PipeCall::Pipe { fds, .. }), Some(0)) => {
                Data::Fds(load(fds, MemTy::I32).unwrap_or(0) as i32, load(fds.wrapping_add(4), MemTy::I32).unwrap_or(0) as i32)
            }
            (Call::Proc(ProcCall::Wait { status } | ProcCall::Waitpid { status, .. }), Some(r)) if r > 0 && status != 0 => {
                load(status, MemTy::I32).map_or(Data::None, |s| Data::Status(s as i32))
            }
            (Call::Fd(FdCall::Lock { lock, .. }), Some(0)) => self.flock_data(i, lock),
            (Call::Shm(ShmCall::Mmap { .. }), Some(r)) if r >= 0 => Data::Mapping(p.mem.shared_location(r as u64).map(|(o, _)| o)),
            (Call::Sem(SemCall::Open { .. }), Some(r)) if r > 0 => Data::Mapping(p.mem.shared_location(r as u64).map(|(o, _)| o)),
            (Call::Sem(c), _) if c.sem().is_some() => {
                let sem = c.sem().unwrap_or(0);
                Data::Sem { at: p.mem.shared_location(sem), value: load(sem, MemTy::U32).map(|v| v as u32) }
            }
            _ => Data::None,
        }
    }

    /// The `struct flock` at `at` in process `i`'s memory, if readable.
    fn flock_data(&self, i: usize, at: u64) -> Data {
        let p = &self.procs[i].proc;
        match p.mem.slice(&self.shared, at, crate::abi::lock::FLOCK_SIZE).ok().and_then(|b| b.try_into().ok()) {
            Some(b) => Data::Lock(crate::abi::lock::Flock::from_bytes(b)),
            None => Data::None,
        }
    }
}
