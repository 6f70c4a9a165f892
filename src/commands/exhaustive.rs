//! `explore --strategy exhaustive`: every interleaving (the work is the
//! library's `sim::explore::exhaustive`), and its verdict in plain words:
//! verified, failure found, or incomplete.

use super::run::show;
use super::{replay_command, JSON_VERSION};
use crate::cli::ExploreArgs;
use crate::Status;
use sim::explore::exhaustive::{self, Distinct, Progress, ShrinkNote, Verdict};
use sim::explore::split::{self, Shard};
use sim::explore::Options;
use sim::ir::Program;
use std::io::IsTerminal;
use std::time::Instant;

pub fn explore(a: &ExploreArgs, prog: &Program, mut opts: Options) -> Status {
    let x = &a.exhaustive;
    // State matching may prune the one path that shows a race.
    if opts.races == sim::options::RaceMode::Complete {
        opts.matching = false;
    }
    opts.max_states = x.max_states;
    opts.time_limit = x.time_limit;
    opts.exact = x.exact;
    opts.preemptions = x.preemptions;
    opts.keep_going = x.keep_going || a.outcomes;
    // Ctrl-C ends the search; what it found so far is reported.
    real::stop::catch_signals_in_search();
    let bar = (!a.json && std::io::stderr().is_terminal()).then(spinner).flatten();
    let started = Instant::now();
    let mut tick = |p: &Progress| {
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            // A split search's threads report sums only.
            let at = if p.depth > 0 { format!(", depth {}, frontier {}", p.depth, p.frontier) } else { String::new() };
            b.set_message(format!("{} states, {:.0} states/s{at}", p.states, p.states as f64 / secs));
            b.tick();
        }
        !real::stop::requested()
    };
    let v = match a.shard {
        Some((index, count)) => split::exhaustive_split(prog, &opts, Some(Shard { index, count }), &mut tick),
        None => exhaustive::exhaustive(prog, &opts, &mut tick),
    };
    // Only the report is left: a stop signal now ends ipcsim at once.
    real::stop::stop_at_once();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if a.json {
        println!("{}", to_json(a, prog, &opts, &v));
    } else {
        races(a, prog, &opts, &v);
        report(a, prog, &opts, &v);
    }
    status(&v)
}

fn spinner() -> Option<indicatif::ProgressBar> {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(indicatif::ProgressStyle::with_template("{spinner} exhaustive: {msg} ({elapsed})").ok()?);
    Some(bar)
}

fn status(v: &Verdict) -> Status {
    if !v.failures.is_empty() {
        Status::Failure
    } else if v.complete {
        Status::Clean
    } else {
        Status::Incomplete
    }
}

/// "within 2 preemptions", or nothing.
fn bound(v: &Verdict) -> String {
    match v.preemptions {
        Some(1) => " within 1 preemption".into(),
        Some(k) => format!(" within {k} preemptions"),
        None => String::new(),
    }
}

/// The memory model a verdict holds for, and its bound.
fn memory(opts: &Options) -> String {
    match opts.memory.model {
        sim::kernel::MemoryModel::Sc => " under sequential consistency".into(),
        sim::kernel::MemoryModel::Tso => format!(" under x86-TSO with store buffers of at most {} stores", opts.memory.bound),
        sim::kernel::MemoryModel::Arm => {
            format!(" under the arm model with loads reading any of a location's {} newest stores", opts.memory.bound + 1)
        }
    }
}

/// How states were told apart, and what that may have cost.
fn matching(v: &Verdict) -> String {
    if v.exact {
        "whole states stored: no state can have been skipped".into()
    } else {
        format!("128-bit fingerprints: the probability that a collision skipped a state is below {:.0e}", v.omission.max(1e-38))
    }
}

fn sizes(v: &Verdict) -> String {
    format!("{} distinct states, {} steps, depth {}", v.states, v.transitions, v.max_depth)
}

fn report(a: &ExploreArgs, prog: &Program, opts: &Options, v: &Verdict) {
    if a.outcomes {
        super::explore::list_outcomes(
            a,
            opts,
            &v.outcomes,
            v.outcomes.iter().map(|s| s.count).sum(),
            "paths",
            &serde_json::Value::Null,
            None,
        );
    }
    let done = if v.complete {
        "complete".to_string()
    } else {
        format!("incomplete: {}", v.ran_out.map_or("stopped at the first failure", |r| r.describe()))
    };
    match v.failures.first() {
        Some(first) if !opts.keep_going => {
            eprintln!("ipcsim: exhaustive search found a failure{} ({}); {}; its trace:", bound(v), sizes(v), preemptions(first));
            let view =
                super::run::View { trace: Some(a.trace_format), json: false, timeline: a.draw.timeline.as_deref(), watch: &a.draw.watch };
            show(&a.file, prog, opts, &first.found.result, &view, "explore");
        }
        Some(_) => {
            let n = v.failures.len();
            eprintln!(
                "ipcsim: exhaustive search{}: {n} distinct failure{} ({}; {done}):",
                bound(v),
                if n == 1 { "" } else { "s" },
                sizes(v)
            );
            for (k, d) in v.failures.iter().enumerate() {
                eprintln!(
                    "  {}. {}{}: reached by {} path{}; {}",
                    k + 1,
                    d.key.kind,
                    places(prog, d),
                    d.count,
                    if d.count == 1 { "" } else { "s" },
                    preemptions(d)
                );
                eprintln!("     replay: {}", replay_command(&a.file, opts, &d.found.token));
            }
        }
        None if v.complete => {
            eprintln!(
                "ipcsim: verified{}{}: every interleaving explored, no failure ({}; {})",
                bound(v),
                memory(opts),
                sizes(v),
                matching(v)
            );
        }
        None => {
            eprintln!("ipcsim: {done}; no failure in what was explored ({})", sizes(v));
        }
    }
    if v.spec_unknown > 0 {
        eprintln!(
            "ipcsim: note: on {} path{} the linearizability check ran out of its budget: those histories are neither linearizable nor not",
            v.spec_unknown,
            if v.spec_unknown == 1 { "" } else { "s" }
        );
    }
}

/// The races found, each with the command that replays a path showing
/// it; and, if states were matched, that one may have been missed.
fn races(a: &ExploreArgs, prog: &Program, opts: &Options, v: &Verdict) {
    // As failures, they are listed (and shown) as failures.
    if !opts.races.fails() {
        let notes = v.races.iter().map(|(r, token)| (r, format!("a path that shows it: `{}`", replay_command(&a.file, opts, token))));
        super::explore::print_races(prog, notes);
    }
    if opts.races != sim::options::RaceMode::Off && opts.matching {
        let found = match v.races.len() {
            0 => "no data race on the paths explored".to_string(),
            1 => "1 data race".to_string(),
            n => format!("{n} data races"),
        };
        eprintln!(
            "ipcsim: note: {found}; state matching may have pruned a path that shows a race (a state seen before, reached with its accesses in another order): `--races complete` explores every path"
        );
    }
}

fn preemptions(d: &Distinct) -> String {
    schedule(d.preemptions, d.steps, d.found.shrunk)
}

/// "1 preemption (minimal) in 12 steps, shrunk from 3 preemptions in 40".
pub fn schedule(preemptions: u32, steps: u64, shrunk: Option<ShrinkNote>) -> String {
    let plural = |n: u32| if n == 1 { "" } else { "s" };
    let mut s = format!("{preemptions} preemption{}", plural(preemptions));
    if let Some(n) = shrunk {
        s.push_str(if n.minimal { " (minimal: a complete search with fewer found nothing)" } else { " (locally minimal)" });
    }
    s.push_str(&format!(" in {steps} steps"));
    if let Some(ShrinkNote { from: (p, k), .. }) = shrunk.filter(|n| n.from != (preemptions, steps)) {
        s.push_str(&format!(", shrunk from {p} preemption{} in {k} steps", plural(p)));
    }
    s
}

/// " at file:line:col, ..." of a failure's places.
fn places(prog: &Program, d: &Distinct) -> String {
    if d.key.spans.is_empty() {
        return String::new();
    }
    let at: Vec<String> = d.key.spans.iter().map(|s| prog.sources.describe(*s)).collect();
    format!(" at {}", at.join(", "))
}

fn to_json(a: &ExploreArgs, prog: &Program, opts: &Options, v: &Verdict) -> serde_json::Value {
    let failures: Vec<_> = v
        .failures
        .iter()
        .map(|d| {
            serde_json::json!({
                "kind": d.key.kind,
                "at": d.key.spans.iter().map(|s| prog.sources.describe(*s)).collect::<Vec<_>>(),
                "count": d.count,
                "preemptions": d.preemptions,
                "steps": d.steps,
                "minimal": d.found.shrunk.map(|n| n.minimal),
                "token": d.found.token,
                "replay": replay_command(&a.file, opts, &d.found.token),
            })
        })
        .collect();
    let outcomes: Vec<_> = v
        .outcomes
        .iter()
        .map(|s| serde_json::json!({ "count": s.count, "failed": s.failed, "token": s.token, "outcome": s.outcome }))
        .collect();
    serde_json::json!({
        "version": JSON_VERSION,
        "command": "explore",
        "strategy": "exhaustive",
        "complete": v.complete,
        "ran_out": v.ran_out.map(|r| r.describe()),
        "failed": !v.failures.is_empty(),
        "failures": failures,
        "outcomes": if a.outcomes { Some(outcomes) } else { None },
        "states": v.states,
        "steps": v.transitions,
        "matched": v.matched,
        "max_depth": v.max_depth,
        "preemption_bound": v.preemptions,
        "reduction": v.reduced,
        "exact": v.exact,
        "omission_probability": if v.exact { 0.0 } else { v.omission },
        "interrupted": v.ran_out == Some(exhaustive::RanOut::Interrupted),
        "races": v.races.iter().map(|(r, t)| super::explore::race_json(prog, r, ("token", t.clone().into()))).collect::<Vec<_>>(),
        // Every path explored for races (no state matching).
        "races_complete": opts.races != sim::options::RaceMode::Off && !opts.matching,
        "spec": opts.spec.map(|s| s.arg()),
        "spec_unknown": v.spec_unknown,
        // What a merge of shard reports needs.
        "binding": format!("{:016x}", sim::explore::token::binding(prog, &opts.config())),
        "shard": a.shard.map(|(i, n)| serde_json::json!({ "index": i, "count": n, "subtrees": split::subtrees(prog, opts).len() })),
    })
}
