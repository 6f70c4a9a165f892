//! Turns the end of a run into diagnostics, so a fault is reported like
//! a compile error: code, message, the source line and a caret.

use crate::diag::{Code, Diagnostic, Severity};
use crate::interp::fault::Cause;
use crate::ir::Program;
use crate::kernel::{End, Report};
use crate::outcome::ExitStatus;

/// True if the run is a failure by DESIGN.md's definition.
pub fn failed(r: &Report) -> bool {
    !matches!(r.end, End::AllExited)
        || r.outcome
            .main_status()
            .is_some_and(|s| s != ExitStatus::Code(0))
        || r.outcome
            .exits
            .iter()
            .any(|(_, s)| matches!(s, ExitStatus::Signal(_)))
}

/// The diagnostics describing how the run ended (empty for a clean end).
pub fn diagnostics(prog: &Program, r: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    match &r.end {
        End::AllExited => {
            if let Some((pid, ExitStatus::Code(c))) = r
                .outcome
                .exits
                .first()
                .filter(|(_, s)| *s != ExitStatus::Code(0))
            {
                out.push(Diagnostic {
                    severity: Severity::Error,
                    code: Code::NonZeroExit,
                    message: format!("process {pid} exited with status {c}"),
                    labels: Vec::new(),
                    notes: Vec::new(),
                });
            }
        }
        End::Fault { pid, fault } => {
            let mem = &r
                .machine
                .procs
                .iter()
                .find(|p| p.pid == *pid)
                .expect("faulting process is in the table")
                .proc
                .mem;
            let code = if fault.cause == Cause::Assertion {
                Code::AssertionFailed
            } else {
                Code::ProcessFault
            };
            let d = Diagnostic::error(
                code,
                fault.span,
                format!(
                    "process {pid} killed by {}: {}",
                    fault.signal.name(),
                    fault.describe(prog, mem)
                ),
            );
            out.push(d);
        }
        End::EndlessLoop { pid, span } => {
            let d = Diagnostic::error(Code::EndlessLoop, *span, format!("process {pid} ran its whole fuel without a visible operation: an endless loop?"))
                .note("raise the limit with --fuel if the computation is just long");
            out.push(d);
        }
        End::StepBudget => {
            out.push(Diagnostic {
                severity: Severity::Error,
                code: Code::StepBudget,
                message: format!("the run reached its budget of {} steps", r.steps),
                labels: Vec::new(),
                notes: vec!["raise it with --max-steps".into()],
            });
        }
    }
    out
}
