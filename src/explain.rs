//! Explanations in plain words of the classic patterns a failing run
//! shows, above its trace and on its timeline: a store-buffer reordering,
//! a lost update, a deadlock cycle, a forgotten close, a busy-wait nobody
//! releases, a message lost to a full non-blocking queue, an order
//! violation. Each names the two or
//! three steps that matter, which the timeline rings. Built from the
//! run's events and how it ended, never from the machine.

use sim::abi::call::{Call, MqCall, MsgCall};
use sim::check::{End, Stuck, Waits};
use sim::explore::RunResult;
use sim::ir::Program;
use sim::trace::{loc_expr, loc_place, Event, Loc, What};

/// One explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Which pattern.
    pub pattern: Pattern,
    /// What happened, in words.
    pub text: String,
    /// The steps that matter.
    pub steps: Vec<u64>,
}

/// The patterns explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A load overtook its process's own buffered store (`--memory tso`).
    Reordering,
    /// A load read an older store than one it had reason to see
    /// (`--memory arm`).
    StaleRead,
    /// Two read-modify-writes of one location interleaved: one update lost.
    LostUpdate,
    /// Two accesses a process assumed atomic (no system call between
    /// them) split by another process's conflicting access.
    AtomicityViolation,
    /// Processes each waiting for the next, round a cycle.
    DeadlockCycle,
    /// A reader waits for end-of-file while a write end it could close
    /// is still open.
    ForgottenClose,
    /// A process spins on memory nobody will change.
    BusyWait,
    /// A non-blocking send failed on a full queue: the message is gone.
    LostMessage,
    /// One process read a location before another wrote what it needed.
    OrderViolation,
}

/// The explanations of a traced run that failed (most telling first;
/// empty when no pattern is recognised, or the run did not fail: in a run
/// that went right, a race or a refused send is not what went wrong).
pub fn explain(prog: &Program, r: &RunResult) -> Vec<Explanation> {
    if !r.failed() {
        return Vec::new();
    }
    let events = r.trace.as_deref().unwrap_or_default();
    let mut out = Vec::new();
    // A reordering in the store-buffering shape is the cause; a load that
    // merely overtook a store of its own is told only if nothing else is.
    let reordered = reordering(prog, events);
    let (cause, aside) = match reordered {
        Some(r) if r.steps.len() > 2 => (Some(r), None),
        r => (None, r),
    };
    out.extend(cause);
    out.extend(stale_read(prog, events));
    out.extend(lost_update(prog, events));
    if out.is_empty() {
        out.extend(atomicity_violation(prog, events));
    }
    out.extend(lost_messages(prog, events));
    match &r.end {
        End::Deadlock { stuck, cycle } => {
            out.extend(forgotten_close(prog, events, stuck));
            if cycle.len() > 1 {
                out.push(deadlock_cycle(prog, events, stuck, cycle));
            }
        }
        End::Livelock(stuck) | End::Cycle(stuck) => out.extend(busy_wait(prog, events, stuck)),
        _ => {}
    }
    if out.is_empty() {
        out.extend(order_violation(prog, r, events));
    }
    if out.is_empty() {
        out.extend(aside);
    }
    out
}

/// The patterns the events alone show, however the run ends (so far):
/// a lost update, a lost message.
pub fn in_events(prog: &Program, events: &[Event]) -> Vec<Explanation> {
    lost_update(prog, events).into_iter().chain(lost_messages(prog, events)).collect()
}

/// The line of a step.
fn line(prog: &Program, e: &Event) -> u32 {
    prog.sources.line_col(e.span.file, e.span.lo).line
}

/// The C expression of a location (`s->in`), else its place.
fn name(prog: &Program, at: &Loc) -> String {
    loc_expr(at, &prog.sources).unwrap_or_else(|| loc_place(at))
}

fn same(a: &Loc, b: &Loc) -> bool {
    (a.obj, a.off) == (b.obj, b.off)
}

/// A write to shared memory, its location, and the loads of that
/// location (with their values) its process made since its previous write
/// there, latest first.
type ReadModifyWrite<'a> = (&'a Event, &'a Loc, Vec<(&'a Event, u64)>);

/// Stores still in store buffers, as a pass over the events sees them:
/// by location and process, oldest first.
#[derive(Default)]
struct Buffers<'a>(std::collections::BTreeMap<(u32, u64, i32), std::collections::VecDeque<&'a Event>>);

impl<'a> Buffers<'a> {
    /// Takes event `e` into account.
    fn see(&mut self, e: &'a Event) {
        match &e.what {
            What::Buffered { at, .. } => self.0.entry((at.obj, at.off, e.pid)).or_default().push_back(e),
            What::Flush { at, .. } => {
                self.0.get_mut(&(at.obj, at.off, e.pid)).and_then(|q| q.pop_front());
            }
            _ => {}
        }
    }

    /// The oldest store to `at` of a process other than `pid` still
    /// buffered.
    fn other(&self, at: &Loc, pid: i32) -> Option<&'a Event> {
        self.0
            .range((at.obj, at.off, i32::MIN)..=(at.obj, at.off, i32::MAX))
            .filter(|((.., q), _)| *q != pid)
            .find_map(|(_, q)| q.front().copied())
    }
}

/// A load that overtook its own process's buffered store to other bytes
/// (x86-TSO's one reordering), preferably one that read a location whose
/// new value was itself waiting in another process's store buffer: the
/// store-buffering shape, in which neither of two stores is visible to
/// the other process yet. Names the fence that forbids it.
fn reordering(prog: &Program, ev: &[Event]) -> Option<Explanation> {
    let mut buffers = Buffers::default();
    let mut chosen = None;
    for (i, load) in ev.iter().enumerate() {
        buffers.see(load);
        let What::Load { at, value, passed: Some(passed), .. } = &load.what else { continue };
        let hidden = buffers.other(at, load.pid);
        let Some(j) = passed_store(ev, i, load.pid, passed) else { continue };
        let own = &ev[j];
        // A process sees its own stores in order: the reordering explains
        // a failure only if another process could tell, by reading a
        // location while the store to it was still buffered.
        if hidden.is_none() && !read_while_buffered(own, &ev[j + 1..]) {
            continue;
        }
        if chosen.is_none() || hidden.is_some() {
            chosen = Some((i, load, at, *value, passed, own, hidden));
        }
        if hidden.is_some() {
            break;
        }
    }
    let (i, load, at, value, passed, own, hidden) = chosen?;
    let p = load.pid;
    // The last store before the load (after which a fence drains them all).
    let last = ev[..i].iter().rev().find(|e| e.pid == p && matches!(e.what, What::Buffered { .. }))?;
    let other = match hidden {
        Some(h) => {
            let What::Buffered { at: t, value: v, .. } = &h.what else { return None };
            format!(
                "; process {}'s store to that location, `{}` := {} (line {}), was still in {}'s store buffer too",
                h.pid,
                name(prog, t),
                *v as i32,
                line(prog, h),
                h.pid
            )
        }
        None => String::new(),
    };
    let text = format!(
        "Store-buffer reordering (x86-TSO): at line {} (step {}) process {p} loaded `{}` = {} ahead of its own store `{}` := {} (line {}), still in its store buffer{other}. A full fence after line {} keeps a load from overtaking the stores before it: `__sync_synchronize();` or `atomic_thread_fence(memory_order_seq_cst);` (or make the store a `seq_cst` atomic).",
        line(prog, load),
        load.step,
        name(prog, at),
        value as i32,
        name(prog, &passed.at),
        passed.value as i32,
        line(prog, own),
        line(prog, last),
    );
    let mut steps = vec![own.step, load.step];
    steps.extend(hidden.map(|h| h.step));
    Some(Explanation { pattern: Pattern::Reordering, text, steps })
}

/// The index of the buffered-store event of `passed`, the store of
/// process `p` that its load at event `i` overtook.
fn passed_store(ev: &[Event], i: usize, p: i32, passed: &sim::trace::Passed) -> Option<usize> {
    ev[..i]
        .iter()
        .rposition(|e| e.pid == p && matches!(&e.what, What::Buffered { at: t, value: v, .. } if same(t, &passed.at) && *v == passed.value))
}

/// Whether, in the events `after` the buffered store `own`, a process
/// other than its own loaded its location before it was flushed (and so
/// read the value it replaced).
fn read_while_buffered(own: &Event, after: &[Event]) -> bool {
    let What::Buffered { at, value, .. } = &own.what else { return false };
    let p = own.pid;
    for e in after {
        match &e.what {
            What::Flush { at: t, value: v, .. } if e.pid == p && same(t, at) && v == value => return false,
            What::Load { at: t, .. } if e.pid != p && same(t, at) => return true,
            _ => {}
        }
    }
    false
}

/// A load that read an older value than the newest store to its
/// location (`--memory arm`), preferably after its process had read a
/// location the writer stored to later: the two stores reached the
/// reader out of order (message passing without release and acquire).
fn stale_read(prog: &Program, ev: &[Event]) -> Option<Explanation> {
    let (i, load, at, value) = ev.iter().enumerate().find_map(|(i, e)| match &e.what {
        What::Load { at, value, stale, .. } if *stale > 0 => Some((i, e, at, *value)),
        _ => None,
    })?;
    let stored = |e: &Event, t: &Loc| matches!(&e.what, What::Store { at: s, .. } | What::Atomic { at: s, .. } if same(s, t));
    // The newest store to the location, by another process.
    let newest = ev[..i].iter().rev().find(|e| e.pid != load.pid && stored(e, at))?;
    let (What::Store { value: new, .. } | What::Atomic { value: new, .. }) = &newest.what else { return None };
    // A load of the reader that saw a later store of the same writer: in
    // one pass, the writer's latest store to each location so far.
    let mut later: std::collections::BTreeMap<(u32, u64), &Event> = Default::default();
    let mut flag = None;
    for e in ev[..i].iter().filter(|e| e.step > newest.step) {
        match &e.what {
            What::Store { at: t, .. } if e.pid == newest.pid => {
                later.insert((t.obj, t.off), e);
            }
            What::Load { at: f, value: v, stale: 0, .. } if e.pid == load.pid => {
                let w = later.get(&(f.obj, f.off)).filter(|w| matches!(&w.what, What::Store { value, .. } if value == v));
                flag = w.map(|w| (e, f, *v, *w)).or(flag);
            }
            _ => {}
        }
    }
    let seen = match flag {
        Some((e, f, v, w)) => format!(
            ", although it had already read `{}` = {} (line {}, step {}), which {} stored after it (line {}, step {}): the two stores reached it out of order. Make the store to `{}` a release and the load of it an acquire (`__atomic_store_n(&..., v, __ATOMIC_RELEASE)`, `__atomic_load_n(&..., __ATOMIC_ACQUIRE)` or their `<stdatomic.h>` forms), or put a fence after the first store and before the second load",
            name(prog, f), v as i32, line(prog, e), e.step, newest.pid, line(prog, w), w.step, name(prog, f)
        ),
        None => ": nothing ordered that store before the load (no release and acquire, fence or system call between)".to_string(),
    };
    let text = format!(
        "Stale read (weak memory): at line {} (step {}) process {} loaded `{}` = {}, an older value than the {} process {} had stored there at line {} (step {}){seen}.",
        line(prog, load),
        load.step,
        load.pid,
        name(prog, at),
        value as i32,
        *new as i32,
        newest.pid,
        line(prog, newest),
        newest.step,
    );
    let mut steps = vec![newest.step, load.step];
    steps.extend(flag.map(|f| f.0.step));
    Some(Explanation { pattern: Pattern::StaleRead, text, steps })
}

/// Two processes each read a location and later wrote it back, each
/// read before the other's write, having read the same value: they both
/// worked from one value, and the later write overwrote the earlier.
fn lost_update(prog: &Program, ev: &[Event]) -> Option<Explanation> {
    // Each write to shared memory with the loads of that location its
    // process made since its previous write there.
    let mut rmw: Vec<ReadModifyWrite> = Vec::new();
    for (i, w) in ev.iter().enumerate() {
        // Under `--memory tso` a store is written when it is flushed.
        let (What::Store { at, .. } | What::Flush { at, .. }) = &w.what else { continue };
        let mut reads = Vec::new();
        for e in ev[..i].iter().rev().filter(|e| e.pid == w.pid) {
            match &e.what {
                What::Store { at: t, .. } | What::Flush { at: t, .. } if same(t, at) => break,
                What::Load { at: t, value, .. } if same(t, at) => reads.push((e, *value)),
                _ => {}
            }
        }
        if !reads.is_empty() {
            rmw.push((w, at, reads));
        }
    }
    for (k, (wa, at, ra)) in rmw.iter().enumerate() {
        for (wb, bt, rb) in &rmw[k + 1..] {
            if wb.pid == wa.pid || !same(at, bt) {
                continue;
            }
            // a's last read before b's write, b's last read of that value
            // before a's write.
            let Some(&(a, v)) = ra.iter().find(|(r, _)| r.step < wb.step) else { continue };
            let Some(&(b, _)) = rb.iter().find(|(r, x)| r.step < wa.step && *x == v) else { continue };
            // Told in the order of the reads.
            let [(r1, w1), (r2, w2)] = if a.step < b.step { [(a, wa), (b, wb)] } else { [(b, wb), (a, wa)] };
            let text = format!(
                "Lost update: {} and {} both read `{}` = {} (lines {}, {}) before either wrote it back (lines {}, {}): both worked from the same value, and the write at step {} overwrote the one at step {}.",
                r1.pid,
                r2.pid,
                name(prog, at),
                v as i32,
                line(prog, r1),
                line(prog, r2),
                line(prog, w1),
                line(prog, w2),
                wb.step,
                wa.step,
            );
            return Some(Explanation { pattern: Pattern::LostUpdate, text, steps: vec![a.step, b.step, wa.step, wb.step] });
        }
    }
    None
}

/// Process P's two consecutive accesses to one location, with no system
/// call of P between them (a stretch its programmer took to be atomic),
/// split by another process's access such that no serial order of the
/// three gives what P saw: read-write-read (P's two reads differ), write-
/// write-read (P does not read back what it wrote), write-read-write
/// (the other sees P's intermediate value). P's two accesses must be at
/// different lines (at one line they are turns of a loop); read-write-
/// write is the lost update.
fn atomicity_violation(prog: &Program, ev: &[Event]) -> Option<Explanation> {
    let access = |e: &Event| match &e.what {
        What::Load { at, value, .. } => Some((*at, false, *value)),
        What::Store { at, value, .. } | What::Flush { at, value, .. } => Some((*at, true, *value)),
        _ => None,
    };
    for (i, a) in ev.iter().enumerate() {
        let Some((at, a_w, a_v)) = access(a) else { continue };
        // P's next access to the location, with no system call between.
        let mut middle: Option<(&Event, bool, u64)> = None;
        for c in &ev[i + 1..] {
            if c.pid == a.pid {
                if matches!(c.what, What::Call { .. }) {
                    break;
                }
                let Some((ct, c_w, c_v)) = access(c) else { continue };
                if !same(&ct, &at) {
                    continue;
                }
                let Some((b, b_w, b_v)) = middle else { break };
                // Two accesses at one line are two turns of a loop (or a
                // polling loop), not a stretch taken to be atomic.
                if line(prog, a) == line(prog, c) {
                    break;
                }
                let what = match (a_w, b_w, c_w) {
                    (false, true, false) => {
                        format!("read `{}` = {} at line {} and again at line {}, taking it to be unchanged, but process {} wrote {} to it at line {} in between (step {}), so the second read saw {}", name(prog, &at), a_v as i32, line(prog, a), line(prog, c), b.pid, b_v as i32, line(prog, b), b.step, c_v as i32)
                    }
                    (true, true, false) => format!("wrote {} to `{}` at line {} and read it back at line {}, but process {} wrote {} at line {} in between (step {})", a_v as i32, name(prog, &at), line(prog, a), line(prog, c), b.pid, b_v as i32, line(prog, b), b.step),
                    (true, false, true) => format!("wrote `{}` at lines {} and {}, but process {} read the value in between at line {} (step {}): {}, which was meant to be seen by no one", name(prog, &at), line(prog, a), line(prog, c), b.pid, line(prog, b), b.step, a_v as i32),
                    _ => break,
                };
                let text = format!("Atomicity violation: process {} {what}. Make the two accesses one atomic step (a semaphore around them, and around the other process's access).", a.pid);
                return Some(Explanation { pattern: Pattern::AtomicityViolation, text, steps: vec![a.step, b.step, c.step] });
            } else if middle.is_none() {
                if let Some((bt, b_w, b_v)) = access(c) {
                    if same(&bt, &at) && (b_w || a_w) {
                        middle = Some((c, b_w, b_v));
                    }
                }
            }
        }
    }
    None
}

/// Non-blocking sends that failed with `EAGAIN`.
fn lost_messages(prog: &Program, ev: &[Event]) -> Option<Explanation> {
    let e = ev.iter().find(|e| {
        matches!(
            &e.what,
            What::Call { call: Call::Mq(MqCall::Send { .. }) | Call::Msg(MsgCall::MboxSend { block: false, .. }), ret: Some(r), .. }
                if *r == -(sim::abi::errno::EAGAIN as i64)
        )
    })?;
    let text = format!(
        "Lost message: process {}'s non-blocking send at line {} (step {}) failed with EAGAIN because the queue was full: the message was never sent, and nothing retries it.",
        e.pid,
        line(prog, e),
        e.step
    );
    Some(Explanation { pattern: Pattern::LostMessage, text, steps: vec![e.step] })
}

/// The last step of a process (where it now waits).
fn last_step(ev: &[Event], pid: i32) -> Option<u64> {
    ev.iter().rev().find(|e| e.pid == pid).map(|e| e.step)
}

fn deadlock_cycle(prog: &Program, ev: &[Event], stuck: &[Stuck], cycle: &[i32]) -> Explanation {
    let parts: Vec<String> = cycle
        .iter()
        .zip(cycle.iter().cycle().skip(1))
        .map(|(&a, &b)| {
            let s = stuck.iter().find(|s| s.pid == a);
            let at = s.map(|s| format!(" (line {})", prog.sources.line_col(s.span.file, s.span.lo).line)).unwrap_or_default();
            let what = s.map_or_else(|| b.to_string(), |s| s.waits.edge(b));
            format!("{a} waits for {what}{at}")
        })
        .collect();
    let text = format!("Deadlock cycle: {}. Each waits for the next, round the cycle, so none can go on.", parts.join("; "));
    Explanation { pattern: Pattern::DeadlockCycle, text, steps: cycle.iter().filter_map(|&p| last_step(ev, p)).collect() }
}

/// A reader blocked for end-of-file on a pipe whose write end is open
/// in itself, or in a process blocked for good.
fn forgotten_close(prog: &Program, ev: &[Event], stuck: &[Stuck]) -> Option<Explanation> {
    stuck.iter().find_map(|s| {
        let Waits::PipeData { fd, holders, .. } = &s.waits else { return None };
        // Every holder will never write: the reader itself, or a process
        // waiting for children to exit.
        let never = |p: i32| p == s.pid || stuck.iter().any(|t| t.pid == p && matches!(t.waits, Waits::Children { .. }));
        if holders.is_empty() || !holders.iter().all(|&(p, _)| never(p)) {
            return None;
        }
        let idle: Vec<String> =
            holders.iter().map(|(p, f)| if *p == s.pid { format!("itself (fd {f})") } else { format!("process {p} (fd {f})") }).collect();
        let text = format!(
            "Forgotten close: process {} waits in read(fd {fd}) at line {} for end-of-file, which comes only when every write end of the pipe is closed; but a write end is still open in {}, which will never write or close it (each waits for the other). Close the unused write end after fork.",
            s.pid,
            prog.sources.line_col(s.span.file, s.span.lo).line,
            idle.join(" and ")
        );
        Some(Explanation { pattern: Pattern::ForgottenClose, text, steps: last_step(ev, s.pid).into_iter().collect() })
    })
}

fn busy_wait(prog: &Program, ev: &[Event], stuck: &[Stuck]) -> Option<Explanation> {
    let s = stuck.iter().find(|s| s.parked())?;
    let Waits::Spin(on) = &s.waits else { return None };
    let names: Vec<String> = on.iter().map(|(l, v)| format!("`{}` = {}", name(prog, l), *v as i32)).collect();
    let others: Vec<i32> = stuck.iter().filter(|t| t.pid != s.pid).map(|t| t.pid).collect();
    let rest = if others.is_empty() {
        "every other process has exited".to_string()
    } else {
        format!("the other processes ({}) are blocked or spinning too", others.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", "))
    };
    let text = format!(
        "Busy-wait nobody will release: process {} spins at line {} until {} changes, but {rest}, so nobody will ever write it.",
        s.pid,
        prog.sources.line_col(s.span.file, s.span.lo).line,
        names.join(" or ")
    );
    Some(Explanation { pattern: Pattern::BusyWait, text, steps: last_step(ev, s.pid).into_iter().collect() })
}

/// A data race where the read came first: the reader saw the value from
/// before the write it needed.
fn order_violation(prog: &Program, r: &RunResult, ev: &[Event]) -> Option<Explanation> {
    let race = r.races.iter().find(|x| !x.first.write && x.second.write)?;
    let at = |step: u64| ev.iter().find(|e| e.step == step);
    let (read, write) = (at(race.first.step)?, at(race.second.step)?);
    let loc = Loc { obj: race.obj, off: race.off, expr: race.first.expr.or(race.second.expr) };
    let text = format!(
        "Order violation: process {} read `{}` at line {} (step {}) before process {} wrote it at line {} (step {}), and nothing made the read wait for the write.",
        read.pid,
        name(prog, &loc),
        line(prog, read),
        read.step,
        write.pid,
        line(prog, write),
        write.step
    );
    Some(Explanation { pattern: Pattern::OrderViolation, text, steps: vec![read.step, write.step] })
}
