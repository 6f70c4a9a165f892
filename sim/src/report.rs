//! Turns the end of a run into diagnostics, so a fault or a deadlock is
//! reported like a compile error: code, message, the source lines and
//! carets.

use crate::check::{End, Stuck};
use crate::diag::{Code, Diagnostic, Label, Severity};
use crate::explore::RunResult;
use crate::interp::fault::{Cause, Faulted};
use crate::ir::Program;
use crate::outcome::ExitStatus;

fn plain(code: Code, message: String, notes: Vec<String>) -> Diagnostic {
    Diagnostic { severity: Severity::Error, code, message, labels: Vec::new(), notes }
}

fn stuck_diag(prog: &Program, code: Code, message: &str, stuck: &[Stuck]) -> Diagnostic {
    let labels = stuck
        .iter()
        .enumerate()
        .map(|(k, s)| Label { span: s.span, message: format!("process {}: {}", s.pid, s.why(&prog.sources)), primary: k == 0 })
        .collect();
    Diagnostic { severity: Severity::Error, code, message: message.into(), labels, notes: Vec::new() }
}

/// What a race means for the memory model: only a program without data
/// races may be reasoned about as interleavings of its statements.
const DRF_SC: &str = "a program without data races behaves the same under every memory model, as an interleaving of its statements (DRF-SC); a racy one may also show reorderings the hardware makes (x86 store buffers: --memory tso)";

/// A data race as a diagnostic: both accesses, by whom, at which step.
pub fn race_diag(prog: &Program, race: &crate::check::races::Race, fail: bool) -> Diagnostic {
    let (a, b) = (&race.first, &race.second);
    let what = |x: &crate::check::races::Access| {
        let loc = crate::trace::Loc { obj: race.obj, off: race.off, expr: x.expr };
        let verb = if x.write { "store to" } else { "load of" };
        format!("process {}: {verb} {} at step {}", x.pid, crate::trace::describe_loc(&loc, &prog.sources), x.step)
    };
    let message = "data race: two processes access the same shared memory, one writing, and nothing orders them (no fork, wait, pipe, semaphore or other IPC between)";
    let labels = vec![
        Label { span: b.expr.unwrap_or(b.span), message: what(b), primary: true },
        Label { span: a.expr.unwrap_or(a.span), message: what(a), primary: false },
    ];
    let severity = if fail { Severity::Error } else { Severity::Warning };
    let notes = vec![
        "this run did not go wrong by it, but another interleaving may: protect the location with a semaphore, or pass the data through a pipe or queue".into(),
        DRF_SC.into(),
    ];
    Diagnostic { severity, code: Code::DataRace, message: message.into(), labels, notes }
}

/// A fault as a diagnostic: the signal Linux delivers, or the undefined
/// behaviour ipcsim stopped at (with a note that natively the program
/// may run on: no signal is claimed).
fn fault_diag(f: &Faulted) -> Diagnostic {
    let (pid, fault, what) = (f.pid, &f.fault, &f.what);
    match fault.signal {
        None => Diagnostic::error(Code::UndefinedBehaviour, fault.span, format!("process {pid} stopped at undefined behaviour: {what}"))
            .note("this is undefined behaviour in C, which Linux may not trap: natively the program may run on and even exit 0; ipcsim stopped the run here"),
        Some(sig) => {
            let code = if fault.cause == Cause::Assertion { Code::AssertionFailed } else { Code::ProcessFault };
            Diagnostic::error(code, fault.span, format!("process {pid} killed by {}: {what}", sig.name()))
        }
    }
}

/// The verdict of specification mode on the run's history, unless it is
/// linearizable: with the history, as each process's operations.
fn spec_diag(prog: &Program, r: &RunResult) -> Option<Diagnostic> {
    use crate::check::linearizable::{describe, Linearizability};
    let spec = r.spec.as_ref()?;
    let history = format!("the history ({} marks):\n{}", r.ops.len(), describe(&r.ops, &prog.sources).trim_end());
    let span = r.ops.last().map(|m| m.span).unwrap_or_default();
    let d = match spec {
        Linearizability::Linearizable => return None,
        Linearizability::NotLinearizable => Diagnostic::error(
            Code::NotLinearizable,
            span,
            "not linearizable: no order of these operations, each taking effect at one instant between its start and its end, is a run of the specification",
        ),
        Linearizability::Malformed(why) => Diagnostic::error(Code::BadHistory, span, format!("the history cannot be judged: {why}")),
        Linearizability::Unknown => Diagnostic::warning(
            Code::LinearizabilityUnknown,
            span,
            format!("linearizability unknown: the check visited {} nodes without a verdict", crate::check::linearizable::BUDGET),
        ),
    };
    Some(d.note(history))
}

/// The diagnostics describing how a run ended (empty for a clean end).
pub fn diagnostics(prog: &Program, r: &RunResult) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in &r.faults {
        out.push(fault_diag(f));
    }
    for race in &r.races {
        out.push(race_diag(prog, race, r.races_fail));
    }
    for l in &r.leaks {
        out.push(Diagnostic::warning(Code::Leak, l.span.unwrap_or_default(), l.what.clone()).note(l.fix.clone()));
    }
    for (name, span) in &r.missing_execs {
        let d = Diagnostic::warning(
            Code::MissingProgram,
            *span,
            format!("exec of `{name}`: ipcsim has no such program, so it failed with ENOENT"),
        )
        .note(format!(
            "give `--exec {name}=FILE.c` to run a C file of yours under that name; the built-in programs are {}",
            crate::lang::utility_names().join(", ")
        ));
        out.push(d);
    }
    match &r.end {
        End::AllExited | End::Undefined { .. } => {}
        End::Deadlock { stuck, cycle } => {
            let mut d = stuck_diag(prog, Code::Deadlock, "deadlock: every live process is blocked, and none can release another", stuck);
            if cycle.len() > 1 {
                let edges: Vec<String> = cycle
                    .iter()
                    .zip(cycle.iter().cycle().skip(1))
                    .map(|(&a, &b)| {
                        let what = stuck.iter().find(|s| s.pid == a).map_or_else(|| b.to_string(), |s| s.waits.edge(b));
                        format!("{a} waits for {what}")
                    })
                    .collect();
                d = d.note(format!("wait-for cycle: {}", edges.join("; ")));
            }
            out.push(d)
        }
        End::Livelock(stuck) => out.push(stuck_diag(
            prog,
            Code::Livelock,
            "livelock: no process can make progress (the spinning ones wait for a write nobody will make)",
            stuck,
        )),
        End::Cycle(stuck) => out.push(stuck_diag(
            prog,
            Code::Livelock,
            "livelock: from here every schedule goes round the same states for ever, and no process ends (exhaustive search explored them all)",
            stuck,
        )),
        End::EndlessLoop { pid, span } => out.push(
            Diagnostic::error(
                Code::EndlessLoop,
                *span,
                format!("process {pid} ran its whole fuel without a visible operation: an endless loop?"),
            )
            .note("raise the limit with --fuel if the computation is just long"),
        ),
        End::StepBudget => out.push(plain(
            Code::StepBudget,
            format!("the run reached its budget of {} steps", r.steps),
            vec!["raise it with --max-steps".into()],
        )),
    }
    if let Some(d) = spec_diag(prog, r) {
        out.push(d);
    }
    if let Some(ExitStatus::Code(c)) = r.outcome.main_status().filter(|s| *s != ExitStatus::Code(0)) {
        out.push(plain(Code::NonZeroExit, format!("process {} exited with status {c}", crate::abi::FIRST_PID), Vec::new()));
    }
    out
}
