//! `ipcsim_op_begin` and `ipcsim_op_end`: marks of the history that
//! specification mode judges ([`crate::check::linearizable`]). They change
//! nothing but the history, and are visible operations so that the order
//! of marks in a run is one the scheduler chose.

use super::calls::Sys;
use super::{Machine, StepCtx};
use crate::abi::call::OpCall;
use crate::abi::errno::{EFAULT, ENAMETOOLONG};
use crate::check::linearizable::{MarkKind, OpMark};

/// Longest operation name, in bytes.
const NAME_MAX: usize = 64;

impl Machine {
    pub(super) fn op_call(&mut self, i: usize, c: OpCall, cx: &mut StepCtx) -> Sys {
        let p = &self.procs[i];
        let (kind, value) = match c {
            OpCall::Begin { name, value } => match p.proc.mem.cstr_max(&self.shared, name, NAME_MAX + 1) {
                Ok(b) if b.len() > NAME_MAX => return Sys::from(Err(ENAMETOOLONG)),
                Ok(b) => (MarkKind::Begin(String::from_utf8_lossy(b).into_owned()), value),
                Err(_) => return Sys::from(Err(EFAULT)),
            },
            OpCall::End { value } => (MarkKind::End, value),
        };
        let span = p.span(cx.prog);
        cx.history.ops.push(OpMark { pid: p.pid, kind, value, span });
        Sys::from(Ok(0))
    }
}
