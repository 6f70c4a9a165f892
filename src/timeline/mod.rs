//! Timelines: one run drawn as lanes, one per process, coloured by what
//! the process was doing at each step; each visible operation a mark;
//! happens-before edges as arrows between lanes; preemptions, a data
//! race's two accesses and the failure marked; and a strip of the watched
//! shared locations' values over time. [`Timeline`] is the picture as
//! data, built from a traced run only; [`svg`], [`html`] and [`perfetto`]
//! render it.

pub mod html;
pub mod perfetto;
pub mod svg;

use sim::abi::call::{Call, ProcCall};
use sim::explore::RunResult;
use sim::ir::Program;
use sim::trace::{describe, describe_loc, loc_expr, loc_place, show_value, EdgeKind, LaneState, Loc, What};
use std::collections::BTreeMap;

/// One process's state over a range of steps.
#[derive(Debug, Clone, PartialEq)]
pub struct StateSpan {
    /// The process.
    pub pid: i32,
    /// First step.
    pub from: u64,
    /// Step after the last.
    pub to: u64,
    /// What it was doing.
    pub state: LaneState,
}

/// What kind of operation a mark is (its colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A system call.
    Call,
    /// A load from shared memory.
    Load,
    /// A store to shared memory.
    Store,
    /// The process ended (exit, a signal, a fault).
    End,
    /// Anything else (parked, a handler, a sleep).
    Other,
}

/// One visible operation.
#[derive(Debug, Clone)]
pub struct Mark {
    /// Its step.
    pub step: u64,
    /// Who.
    pub pid: i32,
    /// The operation with its values, as the trace says it.
    pub text: String,
    /// `file:line:col`.
    pub place: String,
    /// The source line.
    pub source: String,
    /// Its colour.
    pub kind: MarkKind,
    /// One of a data race's accesses, or a step an explanation names.
    pub highlighted: bool,
}

/// A happens-before edge between two operations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrow {
    /// Earlier step and its process.
    pub from: (u64, i32),
    /// Later step and its process.
    pub to: (u64, i32),
    /// What made it.
    pub kind: &'static str,
}

/// Where the run failed.
#[derive(Debug, Clone)]
pub struct FailureMark {
    /// The step at (or after) which it failed.
    pub step: u64,
    /// The processes involved.
    pub pids: Vec<i32>,
    /// What it is.
    pub text: String,
}

/// A shared location's value over the run.
#[derive(Debug, Clone)]
pub struct Watched {
    /// The C expression and place (`s->in (shm#0+16)`).
    pub name: String,
    /// The place and expression, shortest first, for a narrow column
    /// (`shm#0+16 s->in`: the place tells two slots of one expression
    /// apart).
    pub label: String,
    /// (step, value after it), at each store.
    pub values: Vec<(u64, String)>,
}

/// A run as a picture, in data.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The program and how the run was made.
    pub title: String,
    /// The processes, one lane each, in pid order.
    pub pids: Vec<i32>,
    /// The first step drawn (1, unless the run is longer than
    /// [`DRAWN`] steps: then the last ones, where it ended).
    pub first: u64,
    /// The last step.
    pub last: u64,
    /// Lane colouring.
    pub spans: Vec<StateSpan>,
    /// Operations.
    pub marks: Vec<Mark>,
    /// Happens-before edges between processes.
    pub arrows: Vec<Arrow>,
    /// (step, preempted pid, pid that ran instead).
    pub preemptions: Vec<(u64, i32, i32)>,
    /// The failure, if the run failed.
    pub failure: Option<FailureMark>,
    /// The strip under the lanes.
    pub watched: Vec<Watched>,
    /// Plain words above the picture (empty: none).
    pub explanation: Vec<String>,
}

/// Most steps a timeline draws: a longer run is drawn from this many
/// steps before its end (a picture of 100,000 steps helps nobody, and
/// would be tens of megabytes).
pub const DRAWN: u64 = 2_000;

/// Locations shown in the strip when the run names none.
const WATCHED_MAX: usize = 6;

impl Timeline {
    /// The timeline of a traced run (`r.trace` is `Some`).
    pub fn of(prog: &Program, r: &RunResult, title: &str) -> Timeline {
        let events = r.trace.as_deref().unwrap_or_default();
        let last = events.last().map_or(0, |e| e.step).max(r.lanes.last().map_or(0, |l| l.step));
        let pid_at: BTreeMap<u64, i32> = events.iter().map(|e| (e.step, e.pid)).collect();
        let raced: Vec<u64> = r.races.iter().flat_map(|x| [x.first.step, x.second.step]).collect();
        let marks = events
            .iter()
            .map(|e| {
                let lc = prog.sources.line_col(e.span.file, e.span.lo);
                Mark {
                    step: e.step,
                    pid: e.pid,
                    text: match e.injected {
                        // A fault the search injected, named as the trace names it.
                        Some(f) => format!("{}  [{}]", describe(&e.what, &prog.sources), f.describe()),
                        None => describe(&e.what, &prog.sources),
                    },
                    place: prog.sources.describe(e.span),
                    source: prog.sources.line_text(e.span.file, lc.line).trim().to_string(),
                    kind: kind(&e.what),
                    highlighted: raced.contains(&e.step) || e.injected.is_some(),
                }
            })
            .collect();
        let mut arrows: Vec<Arrow> = r
            .edges
            .iter()
            .filter_map(|e| {
                let (a, b) = (*pid_at.get(&e.from)?, *pid_at.get(&e.to)?);
                (a != b).then_some(Arrow { from: (e.from, a), to: (e.to, b), kind: edge_name(e.kind) })
            })
            .collect();
        for m in message_arrows(events) {
            if !arrows.iter().any(|a| (a.from, a.to) == (m.from, m.to)) {
                arrows.push(m);
            }
        }
        // A child that never took a step (blocked at once) has no edge
        // from its fork: drawn to where its lane ends.
        for e in events {
            if let What::Call { call: Call::Proc(ProcCall::Fork), ret: Some(child), .. } = e.what {
                let child = child as i32;
                if child > 0 && !events.iter().any(|x| x.pid == child) {
                    arrows.push(Arrow { from: (e.step, e.pid), to: (last, child), kind: edge_name(EdgeKind::Fork) });
                }
            }
        }
        let mut pids: Vec<i32> = events.iter().map(|e| e.pid).chain(r.lanes.iter().flat_map(|l| l.states.iter().map(|s| s.0))).collect();
        pids.sort_unstable();
        pids.dedup();
        let explained = crate::explain::explain(prog, r);
        let mut t = Timeline {
            title: title.to_string(),
            spans: spans(r, last),
            pids,
            first: 1,
            last,
            marks,
            arrows,
            preemptions: r.preemptions.iter().map(|p| (p.step, p.preempted, p.by)).collect(),
            failure: failure(r, last),
            watched: watched(prog, r),
            explanation: explained.iter().map(|e| e.text.clone()).collect(),
        };
        for e in &explained {
            t.highlight(&e.steps);
        }
        if t.last > DRAWN {
            t.cut_before(t.last - DRAWN + 1);
        }
        t
    }

    /// Keeps only what happens from step `first` on (a span or a value
    /// that started before is cut at it; an arrow from before is
    /// dropped).
    fn cut_before(&mut self, first: u64) {
        self.first = first;
        self.marks.retain(|m| m.step >= first);
        self.spans.retain(|s| s.to > first);
        for s in &mut self.spans {
            s.from = s.from.max(first);
        }
        self.arrows.retain(|a| a.from.0 >= first);
        self.preemptions.retain(|p| p.0 >= first);
        for w in &mut self.watched {
            let before = w.values.iter().rposition(|v| v.0 < first);
            if let Some(k) = before {
                w.values.drain(..k);
                w.values[0].0 = first;
            }
        }
    }

    /// The strip shows the shared locations named by `texts`: each the C
    /// expression that accessed it (`s->in`, `s->buffer[s->in]`) or its
    /// place (`shm#0+16`), in the order first touched.
    pub fn watch(&mut self, prog: &Program, r: &RunResult, texts: &[String]) {
        let events = r.trace.as_deref().unwrap_or_default();
        let mut locs: Vec<Loc> = Vec::new();
        for e in events {
            if let What::Load { at, .. } | What::Store { at, .. } | What::Flush { at, .. } | What::Atomic { at, .. } = &e.what {
                let (expr, place) = (loc_expr(at, &prog.sources), loc_place(at));
                let named = texts.iter().any(|t| *t == place || expr.as_ref() == Some(t));
                if named && !locs.iter().any(|l| (l.obj, l.off) == (at.obj, at.off)) {
                    locs.push(*at);
                }
            }
        }
        self.watched = locs.into_iter().map(|l| values(prog, events, l)).collect();
    }

    /// The marks of these steps highlighted (the steps an explanation
    /// names).
    pub fn highlight(&mut self, steps: &[u64]) {
        for m in self.marks.iter_mut().filter(|m| steps.contains(&m.step)) {
            m.highlighted = true;
        }
    }
}

fn kind(w: &What) -> MarkKind {
    match w {
        What::Call { .. } => MarkKind::Call,
        What::Load { .. } => MarkKind::Load,
        What::Atomic { atomic, .. } if !atomic.op.writes() => MarkKind::Load,
        What::Store { .. } | What::Flush { .. } | What::Atomic { .. } | What::Copy { .. } | What::Lib { .. } => MarkKind::Store,
        What::Buffered { .. } => MarkKind::Other,
        What::Exit { .. } | What::Killed { .. } | What::Fault { .. } => MarkKind::End,
        What::Parked { .. } | What::Sleep { .. } | What::Blocks { .. } | What::Handler { .. } => MarkKind::Other,
    }
}

/// The name of an edge's kind, as the legend shows it.
pub fn edge_name(k: EdgeKind) -> &'static str {
    match k {
        EdgeKind::Fork => "fork",
        EdgeKind::ExitWait => "exit \u{2192} wait",
        EdgeKind::Pipe => "pipe write \u{2192} read",
        EdgeKind::Semaphore => "sem_post \u{2192} sem_wait",
        EdgeKind::Signal => SIGNAL,
        EdgeKind::ReadsFrom => "store \u{2192} load",
    }
}

/// The name of the signal→handler arrows.
pub const SIGNAL: &str = "signal \u{2192} handler";

/// The name of the send→receive arrows.
pub const MESSAGE: &str = "send \u{2192} receive";

/// Arrows from a message's send to its receive (message queues,
/// mailboxes, links, sockets): each receive joined to the earliest send
/// not yet joined, by another process, of the same bytes (the first 64).
/// Read off the events: a heuristic that is exact when the messages
/// differ, and can pair two equal messages the other way round.
fn message_arrows(events: &[sim::trace::Event]) -> Vec<Arrow> {
    use sim::abi::call::{FdCall, MqCall, MsgCall, SockCall};
    use sim::trace::Data;
    // A write to a descriptor other than stdout and stderr may be to a
    // socket (or a pipe, whose edges the kernel records: duplicates are
    // dropped by the caller).
    let is_send = |call: &Call| match call {
        Call::Fd(FdCall::Write { fd, .. }) => *fd > 2,
        Call::Mq(MqCall::Send { .. })
        | Call::Msg(MsgCall::MboxSend { .. } | MsgCall::SendTo { .. })
        | Call::Sock(SockCall::Send { .. }) => true,
        _ => false,
    };
    let is_receive = |call: &Call| {
        matches!(
            call,
            Call::Mq(MqCall::Receive { .. })
                | Call::Msg(MsgCall::MboxReceive { .. } | MsgCall::ReceiveFrom { .. })
                | Call::Sock(SockCall::Recv { .. })
                | Call::Fd(FdCall::Read { .. })
        )
    };
    let mut unmatched: Vec<(&sim::trace::Event, &[u8])> = Vec::new();
    let mut out = Vec::new();
    for e in events {
        let What::Call { call, ret: Some(r), data: Data::Bytes(b) } = &e.what else { continue };
        if *r >= 0 && is_send(call) {
            unmatched.push((e, b));
        } else if *r > 0 && is_receive(call) {
            // A send's bytes are its first 64 only.
            let key = &b[..b.len().min(64)];
            if let Some(k) = unmatched.iter().position(|(s, sent)| s.pid != e.pid && *sent == key) {
                let (s, _) = unmatched.remove(k);
                out.push(Arrow { from: (s.step, s.pid), to: (e.step, e.pid), kind: MESSAGE });
            }
        }
    }
    out
}

/// The lanes' colouring: each process's consecutive steps in one state
/// as one span.
fn spans(r: &RunResult, last: u64) -> Vec<StateSpan> {
    let mut open: BTreeMap<i32, (u64, LaneState)> = BTreeMap::new();
    let mut out = Vec::new();
    for row in &r.lanes {
        open.retain(|&pid, &mut (from, state)| {
            let same = row.states.contains(&(pid, state));
            if !same {
                out.push(StateSpan { pid, from, to: row.step, state });
            }
            same
        });
        for &(pid, state) in &row.states {
            open.entry(pid).or_insert((row.step, state));
        }
    }
    for (pid, (from, state)) in open {
        out.push(StateSpan { pid, from, to: last + 1, state });
    }
    out.sort_by_key(|s| (s.pid, s.from));
    out
}

/// The failure mark: where and who.
fn failure(r: &RunResult, last: u64) -> Option<FailureMark> {
    let f = r.failure()?;
    let pids = match &r.end {
        sim::check::End::Deadlock { stuck, .. } | sim::check::End::Livelock(stuck) | sim::check::End::Cycle(stuck) => {
            stuck.iter().map(|s| s.pid).collect()
        }
        sim::check::End::EndlessLoop { pid, .. } | sim::check::End::Undefined { pid } => vec![*pid],
        _ => r.faults.iter().map(|f| f.pid).collect(),
    };
    let step = match &r.faults.first() {
        Some(x) => r
            .trace
            .as_deref()
            .and_then(|t| t.iter().rev().find(|e| e.pid == x.pid && matches!(e.what, What::Fault { .. } | What::Killed { .. })))
            .map_or(last, |e| e.step),
        None => last,
    };
    Some(FailureMark { step, pids, text: f.to_string() })
}

/// The strip: the raced locations, else the first shared locations
/// stored to (at most [`WATCHED_MAX`]), each with its value after every
/// store.
fn watched(prog: &Program, r: &RunResult) -> Vec<Watched> {
    let events = r.trace.as_deref().unwrap_or_default();
    let mut locs: Vec<Loc> = r.races.iter().map(|x| Loc { obj: x.obj, off: x.off, expr: x.first.expr.or(x.second.expr) }).collect();
    if locs.is_empty() {
        for e in events {
            if let What::Store { at, .. } = &e.what {
                if !locs.iter().any(|l| (l.obj, l.off) == (at.obj, at.off)) && locs.len() < WATCHED_MAX {
                    locs.push(*at);
                }
            }
        }
    }
    let mut seen = Vec::new();
    locs.retain(|l| {
        let new = !seen.contains(&(l.obj, l.off));
        seen.push((l.obj, l.off));
        new
    });
    locs.into_iter().map(|l| values(prog, events, l)).collect()
}

/// A location with its value after each store to it.
fn values(prog: &Program, events: &[sim::trace::Event], l: Loc) -> Watched {
    let values = events
        .iter()
        .filter_map(|e| match &e.what {
            What::Store { at, value, ty } if (at.obj, at.off) == (l.obj, l.off) => Some((e.step, show_value(*ty, *value))),
            _ => None,
        })
        .collect();
    let label = match loc_expr(&l, &prog.sources) {
        Some(e) => format!("{} {e}", loc_place(&l)),
        None => loc_place(&l),
    };
    Watched { name: describe_loc(&l, &prog.sources), label, values }
}
