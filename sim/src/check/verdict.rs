//! How a run ended, and when it is stuck, why: who waits on what, who
//! could release it, and the cycle of the wait-for graph when there is
//! one.

use super::waits::{waits, Waits};
use crate::ir::Program;
use crate::kernel::Machine;
use crate::source::{SourceMap, Span};

/// A process that cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuck {
    /// Who.
    pub pid: i32,
    /// Where it waits.
    pub span: Span,
    /// What it waits for.
    pub waits: Waits,
}

impl Stuck {
    /// Spin-parked (rather than blocked in a system call).
    pub fn parked(&self) -> bool {
        matches!(self.waits, Waits::Spin(_))
    }

    /// The explanation, in words: on what it waits, and who could
    /// release it.
    pub fn why(&self, sources: &SourceMap) -> String {
        let who = |holders: &[(i32, i32)]| -> String {
            if holders.is_empty() {
                return "nobody".into();
            }
            let me = self.pid;
            let each = holders.iter().map(|&(pid, fd)| format!("process {pid}{} as fd {fd}", if pid == me { " (itself)" } else { "" }));
            each.collect::<Vec<_>>().join(", ")
        };
        match &self.waits {
            Waits::PipeData { fd, holders, .. } => format!(
                "blocked in read(fd {fd}) on an empty pipe; it would see end-of-file only when every write end is closed, but the write end is still open in {}",
                who(holders)
            ),
            Waits::PipeSpace { fd, holders, .. } => {
                format!("blocked in write(fd {fd}) on a full pipe; its read end is open in {}, and nobody reads", who(holders))
            }
            Waits::Children { call, pids } => {
                let list: Vec<String> = pids.iter().map(|p| p.to_string()).collect();
                let (s, does) = if pids.len() == 1 { ("", "does") } else { ("ren", "do") };
                format!("blocked in {call}() for child{s} {}, which {does} not exit", list.join(", "))
            }
            Waits::Sleep(t) => format!("sleeping until {}", crate::trace::fmt_time(*t)),
            Waits::Spin(locs) => {
                let shown: Vec<String> = locs.iter().map(|(l, v)| format!("{} = {v}", crate::trace::describe_loc(l, sources))).collect();
                format!("spinning on {}: nothing can change them any more", shown.join(", "))
            }
            Waits::Semaphore { at: None, copies, .. } => {
                let mut s = "blocked in sem_wait() on a semaphore of value 0 in its own private memory, which no other process can post".to_string();
                if !copies.is_empty() {
                    let list: Vec<String> = copies.iter().map(|p| format!("process {p}")).collect();
                    s += &format!(
                        " (fork copied it: {} has a copy of its own at the same address, and a sem_post there changes only that copy; put the sem_t in a MAP_SHARED mapping)",
                        list.join(", ")
                    );
                }
                s
            }
            Waits::Stopped(sig) => {
                format!("stopped by {}: only a SIGCONT resumes it, and no process that could send one goes on", crate::abi::signal::name(*sig))
            }
            Waits::Unwoken { at, value } => {
                let place = at.map_or("in its own memory".to_string(), |(obj, off)| format!("at shm#{obj}+{off}"));
                format!(
                    "asleep in sem_wait() on the semaphore {place} (now of value {value}), which sem_init made process-private (pshared 0): \
                     glibc sleeps on a private futex, and a sem_post from another process raises the value but never wakes it; \
                     sem_init(sem, 1, value) shares it between processes"
                )
            }
            Waits::Semaphore { at: Some((obj, off)), posters, .. } => {
                let list: Vec<String> = posters.iter().map(|p| format!("process {p}")).collect();
                let by = if list.is_empty() { "no other process maps it".into() } else { format!("{} could post it", list.join(", ")) };
                format!("blocked in sem_wait() on the semaphore at shm#{obj}+{off}, of value 0; {by}")
            }
            Waits::Queue { call, full, holders } => {
                let state = if *full { "a full message queue, which nobody receives from" } else { "an empty message queue, to which nobody sends" };
                let list: Vec<String> = holders.iter().map(|p| format!("process {p}")).collect();
                let open = if list.is_empty() { "no other process has it open".into() } else { format!("it is open in {}", list.join(", ")) };
                format!("blocked in {call}() on {state}; {open}")
            }
            Waits::Socket { call, what, holders, own, injected } => {
                let mut list: Vec<String> = holders.iter().map(|p| format!("process {p}")).collect();
                if *own {
                    list.insert(0, "itself (a close it forgot?)".into());
                }
                let by = if list.is_empty() { "no other process holds the other end".into() } else { format!("the other end is held by {}", list.join(", ")) };
                let injected = if injected.is_empty() { String::new() } else { format!("; {injected}") };
                format!("blocked in {call}() waiting for {what}; {by}{injected}")
            }
            Waits::Message { call, what, holders } => {
                let list: Vec<String> = holders.iter().map(|p| format!("process {p}")).collect();
                let by = if list.is_empty() { "no other live process could provide it".into() } else { format!("only {} could provide it", list.join(", ")) };
                format!("blocked in {call}() waiting for {what}; {by}")
            }
            Waits::Lock { call, file, holders } => {
                // Only a flock can be held by the waiter itself: through
                // another open of the file (another description).
                let me = self.pid;
                let list: Vec<String> = holders
                    .iter()
                    .map(|&p| if p == me { format!("process {p} (itself, through another open of the file)") } else { format!("process {p}") })
                    .collect();
                let by = if list.is_empty() { "nobody else holds it".into() } else { format!("held by {}", list.join(", ")) };
                format!("blocked in {call}() waiting for a lock on {file}, {by}")
            }
            Waits::Other(call) => format!("blocked in {call}()"),
            Waits::Cycling => "runs, but every schedule from here goes round the same states for ever: nothing it or the others do leads to an end".into(),
        }
    }
}

/// Why a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Every process exited.
    AllExited,
    /// Every live process is blocked; `cycle` is a cycle of the wait-for
    /// graph (each waits for the next), if there is one.
    Deadlock {
        /// Every live process and what it waits for.
        stuck: Vec<Stuck>,
        /// A cycle of pids, each waiting for the next (the last for the first).
        cycle: Vec<i32>,
    },
    /// Every live process is blocked or spin-parked, one at least parked.
    Livelock(Vec<Stuck>),
    /// Exhaustive search: the run has entered a set of states it can
    /// never leave, whatever the schedule, and in which no process ends
    /// (a bottom strongly connected component of the state graph): the
    /// processes run, but round a cycle. A livelock.
    Cycle(Vec<Stuck>),
    /// A process ran its whole fuel without a visible operation.
    EndlessLoop {
        /// Who.
        pid: i32,
        /// Where.
        span: Span,
    },
    /// The step budget ran out.
    StepBudget,
    /// A process reached undefined behaviour (its exit status is
    /// [`crate::outcome::ExitStatus::UndefinedBehaviour`]): the run
    /// stops there, since nothing after it is defined.
    Undefined {
        /// Who.
        pid: i32,
    },
}

impl End {
    /// A short name: "all exited", "deadlock", ...
    pub fn name(&self) -> &'static str {
        match self {
            End::AllExited => "all exited",
            End::Deadlock { .. } => "deadlock",
            End::Livelock(_) | End::Cycle(_) => "livelock",
            End::EndlessLoop { .. } => "endless loop",
            End::StepBudget => "step budget",
            End::Undefined { .. } => "undefined behaviour",
        }
    }

    /// Deadlock or livelock: every live process waits for good.
    pub fn is_stuck(&self) -> bool {
        matches!(self, End::Deadlock { .. } | End::Livelock(_) | End::Cycle(_))
    }
}

/// The verdict when no process can take a step.
pub fn judge(m: &Machine, prog: &Program) -> End {
    let live: Vec<usize> = (0..m.procs.len()).filter(|&i| m.procs[i].status.is_none()).collect();
    if live.is_empty() {
        return End::AllExited;
    }
    if let Some(&i) = live.iter().find(|&&i| m.procs[i].parked.as_ref().is_some_and(|w| w.is_empty())) {
        return End::EndlessLoop { pid: m.procs[i].pid, span: m.procs[i].span(prog) };
    }
    let stuck: Vec<Stuck> = live.iter().map(|&i| Stuck { pid: m.procs[i].pid, span: place(m, prog, i), waits: waits(m, i) }).collect();
    if stuck.iter().any(|s| s.parked()) {
        End::Livelock(stuck)
    } else {
        let cycle = find_cycle(&stuck);
        End::Deadlock { stuck, cycle }
    }
}

/// Where process `i` waits, as a report shows it: the program's own line,
/// the call of a library routine written in C (`lockf`, `pclose`) rather
/// than the prelude's line inside it; a built-in utility's own line.
fn place(m: &Machine, prog: &Program, i: usize) -> Span {
    let p = &m.procs[i];
    p.user_span(prog).unwrap_or_else(|| p.span(prog))
}

/// Where each live process of a state in a closed cycle of states is:
/// the ones that can step go round it ([`Waits::Cycling`]), the others
/// wait as in a deadlock.
pub fn cycling(m: &Machine, prog: &Program, ready: &[usize]) -> Vec<Stuck> {
    let live = (0..m.procs.len()).filter(|&i| m.procs[i].status.is_none());
    live.map(|i| {
        let waits = if ready.contains(&i) { Waits::Cycling } else { waits(m, i) };
        Stuck { pid: m.procs[i].pid, span: place(m, prog, i), waits }
    })
    .collect()
}

/// A cycle in the wait-for graph (an edge from each stuck process to the
/// processes that could release it), by depth-first search in pid order.
pub fn find_cycle(stuck: &[Stuck]) -> Vec<i32> {
    // A process cannot release itself while it waits (the write end it
    // holds itself is the forgotten-close bug, not a cycle).
    let next = |pid: i32| -> Vec<i32> {
        let mut v = stuck.iter().find(|s| s.pid == pid).map(|s| s.waits.releasers()).unwrap_or_default();
        v.retain(|&p| p != pid);
        v
    };
    for s in stuck {
        let mut path = vec![s.pid];
        if let Some(c) = extend(&mut path, &next, stuck.len()) {
            return c;
        }
    }
    Vec::new()
}

fn extend(path: &mut Vec<i32>, next: &dyn Fn(i32) -> Vec<i32>, limit: usize) -> Option<Vec<i32>> {
    let last = *path.last().expect("non-empty");
    for n in next(last) {
        if let Some(k) = path.iter().position(|&p| p == n) {
            return Some(path[k..].to_vec());
        }
        if path.len() < limit {
            path.push(n);
            if let Some(c) = extend(path, next, limit) {
                return Some(c);
            }
            path.pop();
        }
    }
    None
}
