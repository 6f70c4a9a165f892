//! Being the scheduler: a run advanced one choice at a time by a person
//! (`ipcsim step`), as the Deadlock Empire lets you. At each point where
//! more than one process could take the next visible operation, the
//! caller picks one; steps where only one can are taken at once. The
//! choices made form a token that `replay` reproduces; undo replays
//! all but the last choice from the start (runs are deterministic).
//! Besides the processes' steps, the choices are the other moves of the
//! search: under `--memory tso` a process's oldest buffered store can
//! reach memory, under `arm` a load can read an older store, and with
//! `--crash`/`--net-faults` a fault can be injected.

use super::replay::Replay;
use super::{take, token, turn, Pace, Runner};
use crate::check::End;
use crate::ir::Program;
use crate::kernel::{Config, History, Machine, Pending, StepCtx};
use crate::source::Span;
use crate::trace::{Data, Event, LaneState, Lanes, What};

/// A move that can be made next: a process's step, or another move.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The process it belongs to.
    pub pid: i32,
    /// What the user types to make it: the pid for a step, `f` and the
    /// pid for a flush of its store buffer, `#` and the choice's number
    /// in the list for any other move.
    pub label: String,
    /// The operation it would perform, in words.
    pub next: String,
    /// Where in the program.
    pub span: Span,
}

/// Why a move cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannotRun {
    /// The run has ended.
    Ended,
    /// No move that can be made now has this label (a process blocked,
    /// exited, or no such process).
    NotReady(String),
}

/// A run being scheduled by hand.
pub struct Stepper<'a> {
    prog: &'a Program,
    config: &'a Config,
    m: Machine,
    h: History,
    pace: Pace,
    instructions: u64,
    ready: Vec<usize>,
    end: Option<End>,
    /// The choices made so far (indices into the ready list, as a token
    /// holds them).
    choices: Vec<u32>,
}

impl<'a> Stepper<'a> {
    /// The run at its first choice (the steps before it taken).
    pub fn new(prog: &'a Program, config: &'a Config) -> Stepper<'a> {
        let runner = Runner::new(prog, config);
        let (m, mut h, instructions) = runner.start.clone();
        h.trace = Some(Vec::new());
        h.reads_from = true;
        let pace = Pace::new(&m);
        let mut s = Stepper { prog, config, m, h, pace, instructions, ready: Vec::new(), end: None, choices: Vec::new() };
        s.advance();
        s
    }

    /// The run after these choices (indices into the moves offered, as
    /// [`Stepper::chosen`] gives them); `Err` names the first that was
    /// not a move at its point.
    pub fn replaying(prog: &'a Program, config: &'a Config, chosen: &[u32]) -> Result<Stepper<'a>, u32> {
        let mut s = Stepper::new(prog, config);
        for &k in chosen {
            s.choose_index(k as usize).map_err(|_| k)?;
        }
        Ok(s)
    }

    /// Takes steps while exactly one process can, up to the next choice
    /// or the end.
    fn advance(&mut self) {
        loop {
            let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut self.h, instructions: self.instructions };
            if let Some(end) = turn(&mut self.m, &cx, &mut self.ready) {
                self.end = Some(end);
                return;
            }
            if self.ready.len() > 1 {
                return;
            }
            take(&mut self.m, self.ready[0], &mut cx, &mut self.pace);
            self.instructions = cx.instructions;
        }
    }

    /// The moves that can be made next, in the ready list's order (a
    /// token's choice is an index into it); empty at the end.
    pub fn choices(&self) -> Vec<Choice> {
        if self.end.is_some() {
            return Vec::new();
        }
        self.ready.iter().enumerate().map(|(k, &entry)| self.choice(k, entry)).collect()
    }

    fn choice(&self, k: usize, entry: usize) -> Choice {
        use crate::kernel::inject;
        if entry < inject::MOVE {
            return self.step_choice(entry);
        }
        let p = &self.m.procs[inject::proc_of(entry)];
        let (label, next, span) = if inject::is_flush(entry) {
            let oldest = p.buffer.entries().next();
            let next = oldest.map_or_else(
                || "flush its store buffer".to_string(),
                |b| {
                    let at = crate::trace::Loc { obj: b.obj, off: b.off, expr: b.expr };
                    let (loc, value) = (crate::trace::describe_loc(&at, &self.prog.sources), crate::trace::show_value(b.ty, b.value));
                    format!("flush {loc} := {value} (its oldest buffered store reaches memory)")
                },
            );
            (format!("f{}", p.pid), next, oldest.and_then(|b| b.expr))
        } else if let Some(f) = inject::fault_of(entry) {
            (format!("#{}", k + 1), f.describe().to_string(), None)
        } else {
            let older = inject::stale_of(entry);
            let what =
                format!("{} reading a store {older} older than the newest it may read", self.step_choice(inject::proc_of(entry)).next);
            (format!("#{}", k + 1), what, None)
        };
        Choice { pid: p.pid, label, next, span: span.unwrap_or_else(|| p.span(self.prog)) }
    }

    fn step_choice(&self, i: usize) -> Choice {
        let p = &self.m.procs[i];
        let next = match p.pending {
            Pending::Call(call) => {
                let sem = match call {
                    crate::abi::call::Call::Sem(c) => c.sem(),
                    _ => None,
                };
                let at = sem.and_then(|s| p.proc.mem.shared_location(s));
                let data = if at.is_some() { Data::Sem { at, value: None } } else { Data::None };
                crate::trace::describe_pending(&call, &data)
            }
            Pending::Access(a) => {
                let at = crate::trace::Loc { obj: a.obj, off: a.off, expr: a.expr };
                let verb = match a.kind {
                    crate::interp::AccessKind::Load(_) => "load",
                    crate::interp::AccessKind::Store(_) => "store to",
                    crate::interp::AccessKind::Copy(_) => "copy at",
                    crate::interp::AccessKind::Lib(f) => f.name(),
                    crate::interp::AccessKind::Atomic(at) => at.op.name(),
                };
                format!("{verb} {}", crate::trace::describe_loc(&at, &self.prog.sources))
            }
            Pending::Sleep(..) => "sleep".into(),
            Pending::Exit(code) | Pending::Exiting(code) => format!("exit({code})"),
            _ => "its next step".into(),
        };
        Choice { pid: p.pid, label: p.pid.to_string(), next, span: p.span(self.prog) }
    }

    /// Makes the move the user names by its [`Choice::label`].
    pub fn choose_label(&mut self, label: &str) -> Result<(), CannotRun> {
        match self.choices().iter().position(|c| c.label == label) {
            Some(k) => self.choose_index(k),
            None if self.end.is_some() => Err(CannotRun::Ended),
            None => Err(CannotRun::NotReady(label.to_string())),
        }
    }

    /// Makes the `k`-th move of [`Stepper::choices`] (as a token names it).
    pub fn choose_index(&mut self, k: usize) -> Result<(), CannotRun> {
        if self.end.is_some() {
            return Err(CannotRun::Ended);
        }
        if k >= self.ready.len() {
            return Err(CannotRun::NotReady(format!("#{}", k + 1)));
        }
        self.choices.push(k as u32);
        let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut self.h, instructions: self.instructions };
        take(&mut self.m, self.ready[k], &mut cx, &mut self.pace);
        self.instructions = cx.instructions;
        self.advance();
        Ok(())
    }

    /// The choices made so far: each an index into the moves offered
    /// at its point.
    pub fn chosen(&self) -> &[u32] {
        &self.choices
    }

    /// How the run ended, once it has.
    pub fn end(&self) -> Option<&End> {
        self.end.as_ref()
    }

    /// The steps taken so far.
    pub fn events(&self) -> &[Event] {
        self.h.trace.as_deref().unwrap_or_default()
    }

    /// Every process's state now (none running).
    pub fn lanes(&self) -> Lanes {
        self.m.lanes(self.h.steps + 1, usize::MAX, &self.ready)
    }

    /// The states of the processes that are not ready, with their places.
    pub fn waiting(&self) -> Vec<(i32, LaneState, Span)> {
        let lanes = self.lanes();
        lanes
            .states
            .into_iter()
            .filter(|(_, s)| *s != LaneState::Ready)
            .map(|(pid, s)| (pid, s, self.m.index(pid).map(|i| self.m.procs[i].span(self.prog)).unwrap_or_default()))
            .collect()
    }

    /// The machine (for views of its objects).
    pub fn machine(&self) -> &Machine {
        &self.m
    }

    /// A token for the schedule so far, completed without preemption to
    /// a whole run (what `replay` takes).
    pub fn token(&self) -> String {
        let whole = Runner::new(self.prog, self.config).run(&mut Replay::then_go_on(self.choices.clone()), false);
        token::encode(token::binding(self.prog, self.config), &whole.choices)
    }
}

impl Stepper<'_> {
    /// The run's failure, once it has ended (DESIGN.md's definition).
    pub fn failure(&self) -> Option<crate::check::Failure> {
        crate::check::failure(&self.h.outcome, &self.h.sent, Some(self.end.as_ref()?))
    }

    /// Standard output so far.
    pub fn output(&self) -> Vec<u8> {
        self.h.outcome.stream(1)
    }

    /// The kernel's objects in words: each pipe's bytes and ends, each
    /// named message queue's, mailbox's and non-empty link's messages,
    /// each socket's state and unread bytes, each semaphore's value (as
    /// its last operation left it), each file lock held.
    pub fn objects(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .m
            .pipes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.readers + p.writers > 0)
            .map(|(k, p)| {
                let bytes: Vec<u8> = p.slots.iter().flat_map(|s| s.data[s.start..].iter().copied()).collect();
                format!(
                    "pipe#{k}: {} ({} bytes), {} read end(s) open, {} write end(s)",
                    crate::trace::quote(&bytes),
                    bytes.len(),
                    p.readers,
                    p.writers
                )
            })
            .collect();
        for (name, &k) in &self.m.mq.names {
            if let Some(Some(q)) = self.m.mq.queues.get(k as usize) {
                let msgs: Vec<String> = q.msgs.iter().map(|(prio, b)| format!("{} (priority {prio})", crate::trace::quote(b))).collect();
                out.push(format!(
                    "queue /{name}: {} of {} messages{}{}",
                    q.msgs.len(),
                    q.maxmsg,
                    if msgs.is_empty() { "" } else { ": " },
                    msgs.join(", ")
                ));
            }
        }
        let channel = |what: String, c: &crate::ipc::message::Channel| {
            let msgs: Vec<String> = c.msgs.iter().map(|m| crate::trace::quote(&m.data)).collect();
            let cap = match c.capacity {
                -1 => "unbounded".to_string(),
                0 => "rendezvous".to_string(),
                n => format!("capacity {n}"),
            };
            format!("{what} ({cap}): {} message(s){}{}", c.msgs.len(), if msgs.is_empty() { "" } else { ": " }, msgs.join(", "))
        };
        for (name, &k) in &self.m.msg.names {
            if let Some(c) = self.m.msg.mboxes.get(k as usize) {
                out.push(channel(format!("mailbox {}", String::from_utf8_lossy(name)), c));
            }
        }
        for (&(from, to), c) in self.m.msg.links.iter().filter(|(_, c)| !c.msgs.is_empty()) {
            out.push(channel(format!("link {from} \u{2192} {to}"), c));
        }
        for (k, s) in self.m.socks.socks.iter().enumerate() {
            let Some(s) = s.as_ref().filter(|s| !s.dead) else { continue };
            let state = match &s.state {
                crate::ipc::socket::State::Listening { pending, .. } => format!("listening, {} connection(s) waiting", pending.len()),
                crate::ipc::socket::State::Connected => format!("connected to socket#{}", s.peer.unwrap_or(u32::MAX)),
                crate::ipc::socket::State::Unconnected => "unconnected".into(),
            };
            let bytes: Vec<u8> = s.rx.iter().flat_map(|b| b.data[b.start.min(b.data.len())..].iter().copied()).collect();
            let queued = if bytes.is_empty() {
                String::new()
            } else {
                format!(", to read: {} ({} bytes)", crate::trace::quote(&bytes), bytes.len())
            };
            out.push(format!("socket#{k}: {state}{queued}"));
        }
        let mut sems: Vec<((u32, u64), u32)> = Vec::new();
        for e in self.events() {
            if let What::Call { data: Data::Sem { at: Some(at), value: Some(v) }, .. } = &e.what {
                match sems.iter_mut().find(|s| s.0 == *at) {
                    Some(s) => s.1 = *v,
                    None => sems.push((*at, *v)),
                }
            }
        }
        out.extend(sems.into_iter().map(|((obj, off), v)| format!("semaphore shm#{obj}+{off} = {v}")));
        out.extend(self.m.lock_summary());
        out
    }
}
