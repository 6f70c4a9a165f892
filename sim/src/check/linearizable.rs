//! Specification mode: is the history of operations a program marked
//! (`ipcsim_op_begin` / `ipcsim_op_end` of `ipcsim.h`) linearizable
//! against a sequential bounded FIFO? Each operation must appear to take
//! effect at one instant between its start and its end, in an order the
//! specification allows (Herlihy and Wing). The search is Wing and Gong's,
//! with Lowe's memo of (operations linearized, specification state), as
//! Porcupine does; it is bounded by a count of search nodes, past which
//! the answer is "unknown".

use std::collections::{HashSet, VecDeque};
use std::fmt;

/// One mark of the history, in the order the run made them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpMark {
    /// The process that made it.
    pub pid: i32,
    /// A start (with the operation's name) or an end.
    pub kind: MarkKind,
    /// The argument (start) or result (end).
    pub value: i64,
    /// Where in the program.
    pub span: crate::source::Span,
}

/// A start or an end of an operation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// `ipcsim_op_begin(name, value)`.
    Begin(String),
    /// `ipcsim_op_end(result)`.
    End,
}

/// A sequential specification a history is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spec {
    /// A FIFO queue holding at most this many items (`None`: unbounded).
    /// `produce(v)` (or `put`, `enqueue`) adds `v`, and is only possible
    /// while it is not full; `consume()` (or `get`, `dequeue`) returns
    /// the oldest item, and is only possible while it is not empty.
    Fifo(Option<usize>),
}

impl fmt::Display for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Spec::Fifo(Some(n)) => write!(f, "a FIFO of capacity {n}"),
            Spec::Fifo(None) => f.write_str("an unbounded FIFO"),
        }
    }
}

impl Spec {
    /// As `--spec` takes it.
    pub fn arg(&self) -> String {
        match self {
            Spec::Fifo(Some(n)) => format!("fifo:{n}"),
            Spec::Fifo(None) => "fifo".into(),
        }
    }
}

impl std::str::FromStr for Spec {
    type Err = String;
    /// `fifo` or `fifo:N`.
    fn from_str(s: &str) -> Result<Spec, String> {
        match s.split_once(':') {
            None if s == "fifo" => Ok(Spec::Fifo(None)),
            Some(("fifo", n)) => match n.parse::<usize>() {
                Ok(n) if n > 0 => Ok(Spec::Fifo(Some(n))),
                _ => Err(format!("`{n}` is not a capacity (a whole number above 0)")),
            },
            _ => Err(format!("`{s}` is not a specification: `fifo` or `fifo:N` (a bounded FIFO of capacity N)")),
        }
    }
}

/// The verdict on one history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Linearizability {
    /// Some order of the operations, each at an instant within its
    /// interval, is a run of the specification.
    Linearizable,
    /// None is.
    NotLinearizable,
    /// The search's budget ran out first.
    Unknown,
    /// The history cannot be judged: why (an operation the specification
    /// does not have, an end without a start).
    Malformed(String),
}

/// Search nodes the check may visit on one history.
pub const BUDGET: u64 = 1_000_000;

/// The two kinds of operation of a FIFO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Remove,
}

/// An operation of the history: when it started and ended (an index into
/// the marks; `None`: it never ended), its kind and value (the produced
/// item, or the consumed one).
#[derive(Debug, Clone, Copy)]
struct Operation {
    start: usize,
    end: Option<usize>,
    op: Op,
    value: Option<i64>,
}

/// Judges `marks` against `spec`, visiting at most `budget` nodes.
pub fn check(marks: &[OpMark], spec: Spec, budget: u64) -> Linearizability {
    let ops = match operations(marks) {
        Ok(ops) => ops,
        Err(why) => return Linearizability::Malformed(why),
    };
    let Spec::Fifo(cap) = spec;
    let mut search = Search { ops: &ops, cap, seen: HashSet::new(), nodes: 0, budget };
    let done = vec![false; ops.len()];
    match search.from(&done, &mut VecDeque::new()) {
        Some(true) => Linearizability::Linearizable,
        Some(false) => Linearizability::NotLinearizable,
        None => Linearizability::Unknown,
    }
}

/// The failure a verdict is, if it is one ("unknown" is not).
pub fn failure(v: &Linearizability) -> Option<super::Failure> {
    match v {
        Linearizability::NotLinearizable => Some(super::Failure::NotLinearizable),
        Linearizability::Malformed(why) => Some(super::Failure::BadHistory(why.clone())),
        Linearizability::Linearizable | Linearizability::Unknown => None,
    }
}

/// The marks paired into operations (a process makes one at a time).
fn operations(marks: &[OpMark]) -> Result<Vec<Operation>, String> {
    let mut ops: Vec<Operation> = Vec::new();
    let mut open: Vec<(i32, usize)> = Vec::new();
    for (k, m) in marks.iter().enumerate() {
        match &m.kind {
            MarkKind::Begin(name) => {
                if open.iter().any(|&(p, _)| p == m.pid) {
                    return Err(format!("process {} started `{name}` inside another operation", m.pid));
                }
                let op = match name.as_str() {
                    "produce" | "put" | "enqueue" => Op::Add,
                    "consume" | "get" | "dequeue" => Op::Remove,
                    other => return Err(format!("a FIFO has no operation `{other}` (produce/put/enqueue, consume/get/dequeue)")),
                };
                let value = (op == Op::Add).then_some(m.value);
                open.push((m.pid, ops.len()));
                ops.push(Operation { start: k, end: None, op, value });
            }
            MarkKind::End => {
                let Some(at) = open.iter().position(|&(p, _)| p == m.pid) else {
                    return Err(format!("process {} ended an operation it had not started", m.pid));
                };
                let o = &mut ops[open.swap_remove(at).1];
                o.end = Some(k);
                if o.op == Op::Remove {
                    o.value = Some(m.value);
                }
            }
        }
    }
    Ok(ops)
}

struct Search<'a> {
    ops: &'a [Operation],
    cap: Option<usize>,
    seen: HashSet<(Vec<bool>, Vec<i64>)>,
    nodes: u64,
    budget: u64,
}

impl Search<'_> {
    /// Whether the operations not `done` can be linearized after the
    /// ones that are, the queue holding `q`; `None` past the budget.
    fn from(&mut self, done: &[bool], q: &mut VecDeque<i64>) -> Option<bool> {
        // Every ended operation linearized: the rest never ended, and
        // may not have taken effect.
        if self.ops.iter().zip(done).all(|(o, &d)| d || o.end.is_none()) {
            return Some(true);
        }
        if !self.seen.insert((done.to_vec(), q.iter().copied().collect())) {
            return Some(false);
        }
        self.nodes += 1;
        if self.nodes > self.budget {
            return None;
        }
        // An operation can go next only if it started before every
        // operation not yet linearized ended.
        let first_end = self.ops.iter().zip(done).filter(|(_, &d)| !d).filter_map(|(o, _)| o.end).min().unwrap_or(usize::MAX);
        for (k, o) in self.ops.iter().enumerate() {
            if done[k] || o.start > first_end {
                continue;
            }
            let undo = match (o.op, o.value) {
                (Op::Add, Some(v)) if self.cap.is_none_or(|c| q.len() < c) => {
                    q.push_back(v);
                    Some(None)
                }
                (Op::Remove, want) => match q.front() {
                    Some(&v) if want.is_none_or(|w| w == v) => q.pop_front().map(Some),
                    _ => None,
                },
                _ => None,
            };
            let Some(undo) = undo else { continue };
            let mut next = done.to_vec();
            next[k] = true;
            let r = self.from(&next, q);
            match undo {
                None => {
                    q.pop_back();
                }
                Some(v) => q.push_front(v),
            }
            if r != Some(false) {
                return r;
            }
        }
        Some(false)
    }
}

/// The history as a student reads it: one line per mark, the operations
/// of each process indented in its own column.
pub fn describe(marks: &[OpMark], sources: &crate::source::SourceMap) -> String {
    let mut pids: Vec<i32> = marks.iter().map(|m| m.pid).collect();
    pids.sort_unstable();
    pids.dedup();
    let mut out = String::new();
    for (m, text) in marks.iter().zip(words(marks)) {
        let col = pids.iter().position(|&p| p == m.pid).unwrap_or(0);
        out.push_str(&format!("  {:width$}{} {text}  @ {}\n", "", m.pid, sources.describe(m.span), width = col * 4));
    }
    out
}

/// The history on one line: "1000 consume() starts, 1001 produce(10)
/// starts, ...".
pub fn one_line(marks: &[OpMark]) -> String {
    marks.iter().zip(words(marks)).map(|(m, text)| format!("{} {text}", m.pid)).collect::<Vec<_>>().join(", ")
}

/// Each mark in words ("produce(10) starts", "consume() returns 20").
fn words(marks: &[OpMark]) -> Vec<String> {
    let mut open: Vec<(i32, String)> = Vec::new();
    let mut out = Vec::new();
    for m in marks {
        let text = match &m.kind {
            MarkKind::Begin(name) => {
                let call = if matches!(name.as_str(), "produce" | "put" | "enqueue") {
                    format!("{name}({})", m.value)
                } else {
                    format!("{name}()")
                };
                open.push((m.pid, call.clone()));
                format!("{call} starts")
            }
            MarkKind::End => {
                let call = open.iter().position(|(p, _)| *p == m.pid).map(|k| open.swap_remove(k).1).unwrap_or_default();
                format!("{call} returns {}", m.value)
            }
        };
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(pid: i32, begin: Option<&str>, value: i64) -> OpMark {
        let kind = begin.map_or(MarkKind::End, |n| MarkKind::Begin(n.into()));
        OpMark { pid, kind, value, span: crate::source::Span::default() }
    }

    #[test]
    fn overlapping_operations_may_take_effect_in_either_order() {
        // 1 produces 1 while 2 produces 2; 3 then consumes 2 first.
        let h = [
            mark(1, Some("produce"), 1),
            mark(2, Some("produce"), 2),
            mark(1, None, 0),
            mark(2, None, 0),
            mark(3, Some("consume"), 0),
            mark(3, None, 2),
        ];
        assert_eq!(check(&h, Spec::Fifo(Some(2)), BUDGET), Linearizability::Linearizable);
    }

    #[test]
    fn an_item_consumed_before_it_was_produced_is_not_linearizable() {
        let h = [mark(3, Some("consume"), 0), mark(3, None, 7), mark(1, Some("produce"), 7), mark(1, None, 0)];
        assert_eq!(check(&h, Spec::Fifo(None), BUDGET), Linearizability::NotLinearizable);
    }

    #[test]
    fn sequential_operations_keep_their_order() {
        // produce 1 ends before produce 2 starts: consuming 2 first is wrong.
        let h = [
            mark(1, Some("produce"), 1),
            mark(1, None, 0),
            mark(1, Some("produce"), 2),
            mark(1, None, 0),
            mark(2, Some("consume"), 0),
            mark(2, None, 2),
        ];
        assert_eq!(check(&h, Spec::Fifo(None), BUDGET), Linearizability::NotLinearizable);
    }

    #[test]
    fn a_full_buffer_refuses_a_produce_that_ended() {
        let h = [mark(1, Some("produce"), 1), mark(1, None, 0), mark(1, Some("produce"), 2), mark(1, None, 0)];
        assert_eq!(check(&h, Spec::Fifo(Some(1)), BUDGET), Linearizability::NotLinearizable);
        assert_eq!(check(&h, Spec::Fifo(Some(2)), BUDGET), Linearizability::Linearizable);
    }

    #[test]
    fn an_operation_that_never_ended_may_or_may_not_have_taken_effect() {
        let h = [mark(1, Some("produce"), 5), mark(2, Some("consume"), 0), mark(2, None, 5)];
        assert_eq!(check(&h, Spec::Fifo(Some(1)), BUDGET), Linearizability::Linearizable);
        let h = [mark(1, Some("produce"), 5)];
        assert_eq!(check(&h, Spec::Fifo(Some(1)), BUDGET), Linearizability::Linearizable);
    }

    #[test]
    fn an_item_taken_twice_is_not_linearizable() {
        let h = [
            mark(1, Some("produce"), 4),
            mark(1, None, 0),
            mark(2, Some("consume"), 0),
            mark(3, Some("consume"), 0),
            mark(2, None, 4),
            mark(3, None, 4),
        ];
        assert_eq!(check(&h, Spec::Fifo(None), BUDGET), Linearizability::NotLinearizable);
    }

    #[test]
    fn the_budget_makes_the_answer_unknown() {
        let mut h = Vec::new();
        for p in 0..8 {
            h.push(mark(p, Some("produce"), p as i64));
        }
        for p in 0..8 {
            h.push(mark(p, None, 0));
        }
        h.push(mark(9, Some("consume"), 0));
        h.push(mark(9, None, 100));
        assert_eq!(check(&h, Spec::Fifo(None), 10), Linearizability::Unknown);
        assert_eq!(check(&h, Spec::Fifo(None), BUDGET), Linearizability::NotLinearizable);
    }

    #[test]
    fn unknown_operations_and_unmatched_ends_are_malformed() {
        assert!(matches!(check(&[mark(1, Some("push"), 1)], Spec::Fifo(None), BUDGET), Linearizability::Malformed(_)));
        assert!(matches!(check(&[mark(1, None, 1)], Spec::Fifo(None), BUDGET), Linearizability::Malformed(_)));
    }

    #[test]
    fn specifications_are_read_from_text() {
        assert_eq!("fifo:4".parse::<Spec>(), Ok(Spec::Fifo(Some(4))));
        assert_eq!("fifo".parse::<Spec>(), Ok(Spec::Fifo(None)));
        assert!("fifo:0".parse::<Spec>().is_err() && "stack".parse::<Spec>().is_err());
    }
}
