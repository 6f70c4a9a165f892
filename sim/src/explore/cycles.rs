//! Livelock as a bottom strongly connected component of the state graph:
//! a set of states closed under every transition, in which no process
//! ends. Tarjan's algorithm, kept alongside the depth-first search: each
//! state on the search's path, and each explored state that may still
//! belong to an open component, has an entry here until its component is
//! complete.
//!
//! A component is reported only if it is certainly bottom: each of its
//! states had every step explored (none asleep, none cut by a preemption
//! bound, none only partly explored again) and none leads out (to an end,
//! a failure, a completed component, or past the step budget). Anything
//! unknown counts as a way out, so a report is never false; a component
//! whose only doubt is the sleep sets is a *candidate*, which the search
//! confirms by exploring from it without reduction.

use std::collections::{HashMap, HashSet};

/// One state's entry.
#[derive(Debug, Clone, Copy)]
struct Entry {
    fp: u128,
    /// Every step from it was explored.
    closed: bool,
    /// The reduction leaves a doubt: steps asleep, or a step into a
    /// state the sleep sets kept from being explored here.
    doubt: bool,
    /// A step from it leads out of its component, or nowhere known.
    exits: bool,
    /// A step from it leads back to it.
    self_loop: bool,
}

/// What a completed component is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    /// Not a livelock: a way out is known, or it is no cycle.
    Open,
    /// Not known to be one: the reduction hid some of its steps, which
    /// might lead anywhere (a step into it is then a doubt, not a way
    /// out).
    Doubtful,
    /// Certainly a livelock.
    Bottom,
    /// A livelock unless a step that the sleep sets skipped leads out.
    Candidate,
}

/// Tarjan's stack and the positions of the states on it.
#[derive(Debug, Default)]
pub struct Cycles {
    stack: Vec<Entry>,
    at: HashMap<u128, usize>,
    /// The states of completed components that were not known to be
    /// closed or open.
    doubtful: HashSet<u128>,
}

impl Cycles {
    /// A state entered: its position (its Tarjan index while it is here).
    pub fn open(&mut self, fp: u128) -> usize {
        let pos = self.stack.len();
        self.stack.push(Entry { fp, closed: false, doubt: false, exits: false, self_loop: false });
        self.at.insert(fp, pos);
        pos
    }

    /// The position of a state still in an open component.
    pub fn position(&self, fp: u128) -> Option<usize> {
        self.at.get(&fp).copied()
    }

    /// A step from `pos` leads out (or to what is not known).
    pub fn exit(&mut self, pos: usize) {
        if let Some(e) = self.stack.get_mut(pos) {
            e.exits = true;
        }
    }

    /// Whether a completed state's component was doubtful.
    pub fn is_doubtful(&self, fp: u128) -> bool {
        self.doubtful.contains(&fp)
    }

    /// A step from `pos` leads where the reduction did not look.
    pub fn doubt(&mut self, pos: usize) {
        if let Some(e) = self.stack.get_mut(pos) {
            e.doubt = true;
        }
    }

    /// A step from `pos` leads back to `to`.
    pub fn back(&mut self, pos: usize, to: usize) {
        if pos == to {
            if let Some(e) = self.stack.get_mut(pos) {
                e.self_loop = true;
            }
        }
    }

    /// Every step from `pos` was tried: whether all were explored
    /// (`closed`), or only the sleep sets skipped some (`asleep`).
    pub fn done(&mut self, pos: usize, closed: bool, asleep: bool) {
        if let Some(e) = self.stack.get_mut(pos) {
            e.closed = closed || asleep;
            e.doubt |= asleep;
        }
    }

    /// `root` is its component's root (its lowlink is itself): the
    /// component is complete and leaves the stack; with its states.
    pub fn complete(&mut self, root: usize) -> (Component, Vec<u128>) {
        let members = self.stack.split_off(root);
        for e in &members {
            self.at.remove(&e.fp);
        }
        let cyclic = members.len() > 1 || members.iter().any(|e| e.self_loop);
        let verdict = if members.iter().any(|e| e.exits || !e.closed) {
            Component::Open
        } else if members.iter().any(|e| e.doubt) {
            if cyclic {
                Component::Candidate
            } else {
                Component::Doubtful
            }
        } else if cyclic {
            Component::Bottom
        } else {
            Component::Open
        };
        if matches!(verdict, Component::Doubtful | Component::Candidate) {
            self.doubtful.extend(members.iter().map(|e| e.fp));
        }
        (verdict, members.iter().map(|e| e.fp).collect())
    }
}
