//! `execl`, `execlp`, `execle`, `execv`, `execvp`, `execve`: the
//! arguments are read here, into the process's state; the kernel finds
//! the program and replaces the image (or fails with `ENOENT`).

use super::{LibFn, LibResult, Outcome, Stop};
use crate::abi::call::{Call, ProcCall};
use crate::interp::process::After;
use crate::interp::{Event, Process, Shared};
use crate::ir::MemTy;

/// Most arguments an `argv` may hold here (Linux limits their bytes, to
/// a quarter of the stack limit: 2 MiB).
const MAX_ARGV: usize = 1 << 18;

pub(super) fn call(p: &mut Process, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    let mut args = Vec::new();
    match f {
        // The list ends at the first null pointer (execle's environment
        // follows it).
        LibFn::Execl | LibFn::Execlp | LibFn::Execle => {
            for &ptr in a.iter().skip(1).take_while(|&&ptr| ptr != 0) {
                args.push(p.mem.cstr(sh, ptr).map_err(Stop::Memory)?.to_vec());
            }
        }
        _ => {
            let mut at = a.get(1).copied().unwrap_or(0);
            while at != 0 && args.len() < MAX_ARGV {
                let ptr = p.mem.load(sh, at, MemTy::I64).map_err(Stop::Memory)?;
                if ptr == 0 {
                    break;
                }
                args.push(p.mem.cstr(sh, ptr).map_err(Stop::Memory)?.to_vec());
                at = at.wrapping_add(8);
            }
        }
    }
    // Linux (since 5.18) gives a program started with no arguments one
    // empty argv[0].
    if args.is_empty() {
        args.push(Vec::new());
    }
    p.exec_args = args;
    p.after = After::PushResult;
    let search = matches!(f, LibFn::Execlp | LibFn::Execvp);
    Ok(Outcome::Stop(Event::Syscall(Call::Proc(ProcCall::Exec { path: a[0], search }))))
}
