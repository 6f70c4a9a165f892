//! The simulated kernel: the process table and the system calls. Every
//! process sits at its next visible operation; the kernel performs one
//! at a time, so a run is a sequence of atomic steps.

use crate::interp::{self, Event, Fault, Process, ProcessOptions, Syscall};
use crate::ir::Program;
use crate::outcome::{ExitStatus, Outcome, Write};

/// The pid of the first process; children count up from it.
pub const FIRST_PID: i32 = 1000;
/// The pid the first process sees as its parent.
pub const INIT_PID: i32 = 1;

const EBADF: i64 = 9;

/// Limits on a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Loop iterations and calls a process may run between two visible
    /// operations before it is reported as an endless loop.
    pub fuel: u64,
    /// Visible operations in the whole run.
    pub max_steps: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            fuel: 1 << 30,
            max_steps: 10_000_000,
        }
    }
}

/// Why a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Every process exited.
    AllExited,
    /// A process was killed by a fault (the first one).
    Fault {
        /// Who.
        pid: i32,
        /// What.
        fault: Fault,
    },
    /// A process looped without a visible operation for its whole fuel.
    EndlessLoop {
        /// Who.
        pid: i32,
        /// Where it was.
        span: crate::source::Span,
    },
    /// The step budget ran out.
    StepBudget,
}

/// A process-table entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pcb {
    /// Virtual pid.
    pub pid: i32,
    /// Parent's pid.
    pub ppid: i32,
    /// Its interpreter state.
    pub proc: Process,
    /// Set once it has ended.
    pub status: Option<ExitStatus>,
}

/// The whole simulated machine.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Machine {
    /// Process table in pid order.
    pub procs: Vec<Pcb>,
    /// What has been observed so far.
    pub outcome: Outcome,
    /// Visible operations performed.
    pub steps: u64,
}

/// The result of [`Machine::run`].
#[derive(Debug, Clone)]
pub struct Report {
    /// Why it ended.
    pub end: End,
    /// What was observed.
    pub outcome: Outcome,
    /// Visible operations.
    pub steps: u64,
    /// IR instructions executed.
    pub instructions: u64,
    /// The final machine (for fault descriptions).
    pub machine: Machine,
}

impl Machine {
    /// A machine with the program's first process ready to run.
    pub fn new(prog: &Program, opts: &ProcessOptions) -> Machine {
        let first = Pcb {
            pid: FIRST_PID,
            ppid: INIT_PID,
            proc: Process::new(prog, opts),
            status: None,
        };
        Machine {
            procs: vec![first],
            outcome: Outcome::default(),
            steps: 0,
        }
    }

    /// Runs to the end.
    pub fn run(mut self, prog: &Program, limits: Limits) -> Report {
        let mut instructions = 0;
        let end = loop {
            if let Some(end) = self.step(prog, limits, &mut instructions) {
                break end;
            }
        };
        Report {
            end,
            outcome: self.outcome.clone(),
            steps: self.steps,
            instructions,
            machine: self,
        }
    }

    /// Performs one visible operation; `Some` once the run has ended.
    /// `instructions` accumulates the IR instructions executed.
    pub fn step(&mut self, prog: &Program, limits: Limits, instructions: &mut u64) -> Option<End> {
        let Some(i) = self.procs.iter().position(|p| p.status.is_none()) else {
            return Some(End::AllExited);
        };
        if self.steps >= limits.max_steps {
            return Some(End::StepBudget);
        }
        let ev = self.procs[i].proc.run(prog, limits.fuel, instructions);
        self.steps += 1;
        self.handle(prog, i, ev)
    }

    fn handle(&mut self, prog: &Program, i: usize, ev: Event) -> Option<End> {
        let pid = self.procs[i].pid;
        match ev {
            Event::Syscall(call) => {
                let r = self.syscall(prog, i, call);
                let p = &mut self.procs[i].proc;
                if r < 0 {
                    p.set_errno(prog, (-r) as i32);
                    p.resume(-1);
                } else {
                    p.resume(r);
                }
                None
            }
            Event::Exit(code) => {
                self.end(i, ExitStatus::Code(code & 0xff));
                None
            }
            Event::Killed(fault) => {
                self.end(i, ExitStatus::Signal(fault.signal.number()));
                Some(End::Fault { pid, fault })
            }
            Event::OutOfFuel => {
                let span = self.procs[i].proc.span(prog);
                Some(End::EndlessLoop { pid, span })
            }
        }
    }

    fn end(&mut self, i: usize, status: ExitStatus) {
        self.procs[i].status = Some(status);
        let pid = self.procs[i].pid;
        self.outcome.exits.push((pid, status));
        self.outcome.exits.sort_by_key(|(p, _)| *p);
    }

    /// Performs a system call; a negative result is `-errno`.
    fn syscall(&mut self, _prog: &Program, i: usize, call: Syscall) -> i64 {
        let pcb = &self.procs[i];
        match call {
            Syscall::Write { fd, src, len } => {
                if fd != 1 && fd != 2 {
                    return -EBADF;
                }
                let Ok(bytes) = pcb.proc.write_bytes(src, len) else {
                    return -14;
                };
                if bytes.is_empty() {
                    return 0;
                }
                let w = Write {
                    pid: pcb.pid,
                    fd,
                    bytes: bytes.to_vec(),
                };
                self.outcome.writes.push(w);
                len as i64
            }
            // Standard input is /dev/null: always at end of file.
            Syscall::Read { fd: 0, .. } => 0,
            Syscall::Read { .. } => -EBADF,
            Syscall::Getpid => pcb.pid as i64,
            Syscall::Getppid => pcb.ppid as i64,
        }
    }
}

/// Options for one simulated run.
pub type RunOptions = interp::ProcessOptions;
