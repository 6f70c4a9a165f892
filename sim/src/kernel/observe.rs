//! What a trace shows of a system call beyond its arguments, copied out
//! of the machine when the event is made (so rendering never reads it):
//! the bytes written or read, the descriptors `pipe` made, the status
//! `wait` stored, the name passed to `shm_open`, what `mmap` mapped.

use super::Machine;
use crate::abi::call::{Call, FdCall, MqCall, ProcCall, SemCall, ShmCall, Src};
use crate::ir::MemTy;
use crate::trace::Data;

impl Machine {
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
            (Call::Fd(FdCall::Read { buf, .. }) | Call::Mq(MqCall::Receive { buf, .. }), Some(n)) if n > 0 => {
                p.mem.slice(&self.shared, buf, n as usize).map_or(Data::None, |b| Data::Bytes(b.to_vec()))
            }
            (Call::Pipe(crate::abi::call::PipeCall::Pipe { fds }), Some(0)) => {
                Data::Fds(load(fds, MemTy::I32).unwrap_or(0) as i32, load(fds.wrapping_add(4), MemTy::I32).unwrap_or(0) as i32)
            }
            (Call::Proc(ProcCall::Wait { status } | ProcCall::Waitpid { status, .. }), Some(r)) if r > 0 && status != 0 => {
                load(status, MemTy::I32).map_or(Data::None, |s| Data::Status(s as i32))
            }
            (Call::Shm(ShmCall::Mmap { .. }), Some(r)) if r >= 0 => Data::Mapping(p.mem.shared_location(r as u64).map(|(o, _)| o)),
            (Call::Sem(SemCall::Open { .. }), Some(r)) if r > 0 => Data::Mapping(p.mem.shared_location(r as u64).map(|(o, _)| o)),
            (Call::Sem(c), _) if c.sem().is_some() => {
                let sem = c.sem().unwrap_or(0);
                Data::Sem { at: p.mem.shared_location(sem), value: load(sem, MemTy::U32).map(|v| v as u32) }
            }
            _ => Data::None,
        }
    }
}
