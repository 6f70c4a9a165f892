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
    let (args, envp) = match f {
        // The list ends at the first null pointer; execle's environment
        // follows it.
        LibFn::Execl | LibFn::Execlp | LibFn::Execle => {
            let n = a.iter().skip(1).take_while(|&&ptr| ptr != 0).count();
            let mut args = Vec::with_capacity(n);
            for &ptr in &a[1..1 + n] {
                args.push(p.mem.cstr(sh, ptr).map_err(Stop::Memory)?.to_vec());
            }
            let envp = if f == LibFn::Execle { a.get(n + 2).copied().unwrap_or(0) } else { p.environ(sh) };
            (args, envp)
        }
        _ => {
            let args = strings(p, sh, a.get(1).copied().unwrap_or(0))?;
            (args, if f == LibFn::Execve { a.get(2).copied().unwrap_or(0) } else { p.environ(sh) })
        }
    };
    let mut args = args;
    p.exec_env = strings(p, sh, envp)?;
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

/// The strings of a null-terminated array of pointers at `at` (none if
/// `at` is null, as Linux takes a null `argv` or `envp`).
fn strings(p: &Process, sh: &dyn Shared, mut at: u64) -> Result<Vec<Vec<u8>>, Stop> {
    let mut out = Vec::new();
    while at != 0 && out.len() < MAX_ARGV {
        let ptr = p.mem.load(sh, at, MemTy::I64).map_err(Stop::Memory)?;
        if ptr == 0 {
            break;
        }
        out.push(p.mem.cstr(sh, ptr).map_err(Stop::Memory)?.to_vec());
        at = at.wrapping_add(8);
    }
    Ok(out)
}
