//! `explore`: runs seed after seed until a failure, or collects every
//! distinct outcome (the work is the library's `sim::explore::search`).

use super::run::show_with;
use super::{load, options, replay_command, JSON_VERSION};
use crate::cli::{ExploreArgs, StrategyArg, TimeArg};
use crate::Status;
use sim::explore::{self, Found, Options, Seen};

pub fn explore(a: ExploreArgs) -> Status {
    if let Err(s) = super::timeline::check(a.draw.timeline.as_deref()) {
        return s;
    }
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let mut opts = options(&a.file, &a.sim, Some(&a.sched), TimeArg::LowerBound).runs(a.runs);
    opts.jobs = super::jobs(a.jobs);
    if a.sched.strategy == StrategyArg::Exhaustive {
        // Split only when asked: the split search may explore a state
        // once per thread (README, "Exhaustive search").
        opts.jobs = a.jobs.map_or(1, |j| j as usize);
        return super::exhaustive::explore(&a, &prog, opts);
    }
    let x = &a.exhaustive;
    if x.time_limit.is_some() || x.exact || x.preemptions.is_some() || x.keep_going || x.max_states != 10_000_000 {
        eprintln!("ipcsim: --max-states, --time-limit, --exact, --preemptions and --keep-going need --strategy exhaustive");
        return Status::Usage;
    }
    let first_seed = opts.seed;
    if let Some((i, n)) = a.shard {
        if !matches!(a.sched.strategy, StrategyArg::Random | StrategyArg::Pct) {
            eprintln!("ipcsim: --shard splits the seeds of the random and PCT strategies");
            return Status::Usage;
        }
        let (lo, hi) = shard_range(a.runs, i, n);
        (opts.seed, opts.runs) = (first_seed.wrapping_add(lo), hi - lo);
    }
    let bar = super::progress(opts.runs, a.json, "runs");
    // Ctrl-C ends the search; what it found so far is reported.
    real::stop::catch_signals_in_search();
    let mut tick = |k| {
        if let Some(b) = &bar {
            b.set_position(k);
        }
        !real::stop::requested()
    };
    let found = explore::search_until(&prog, &opts, a.outcomes, &mut tick);
    // Only the report is left: a stop signal now ends ipcsim at once.
    real::stop::stop_at_once();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // What a merge of shard reports needs: the seeds this report covers.
    let last = found.failure.as_ref().filter(|_| !a.outcomes).map_or(opts.seed.saturating_add(found.runs), |f| f.seed.saturating_add(1));
    let meta = serde_json::json!({
        "strategy": format!("{:?}", a.sched.strategy).to_lowercase(),
        // Which program, with which options: shards of one search share it.
        "binding": format!("{:016x}", sim::explore::token::binding(&prog, &opts.config())),
        "seeds": { "from": opts.seed, "to": last },
        "shard": a.shard.map(|(i, n)| serde_json::json!({ "index": i, "count": n, "first_seed": first_seed, "runs": a.runs })),
        "interrupted": found.interrupted,
        "spec": opts.spec.map(|s| s.arg()),
        "spec_unknown": found.spec_unknown,
    });
    if found.spec_unknown > 0 && !a.json {
        eprintln!(
            "ipcsim: note: in {} run(s) the linearizability check ran out of its budget: those histories are neither linearizable nor not",
            found.spec_unknown
        );
    }
    if a.outcomes {
        list_outcomes(&a, &opts, &found.outcomes, found.runs, "runs", &meta, found.failure.as_ref());
    }
    match &found.failure {
        Some(f) => {
            if a.outcomes {
                if !a.json {
                    eprintln!("ipcsim: replay the first failure: {}", replay_command(&a.file, &opts, &f.token));
                }
                return Status::Failure;
            }
            if !a.json {
                let shrunk = match f.shrunk {
                    Some(n) => {
                        let r = &f.result;
                        format!("; shrunk to {}", super::exhaustive::schedule(r.preemptions.len() as u32, r.steps, Some(n)))
                    }
                    None => String::new(),
                };
                eprintln!("ipcsim: failure found in run {} (seed {}){shrunk}; its trace:", f.run, f.seed);
            }
            let mut extra = meta.clone();
            extra["seed"] = f.seed.into();
            extra["runs"] = found.runs.into();
            extra["replay"] = replay_command(&a.file, &opts, &f.token).into();
            let view =
                super::run::View { trace: Some(a.trace_format), json: a.json, timeline: a.draw.timeline.as_deref(), watch: &a.draw.watch };
            show_with(&a.file, &prog, &opts, &f.result, &view, "explore", extra)
        }
        None => {
            if !a.json {
                races(&a, &prog, &opts, &found);
            }
            if a.json && !a.outcomes {
                let mut j = serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": found.runs, "failed": false });
                j["races"] = found.races.iter().map(|(r, seed)| race_json(&prog, r, ("seed", (*seed).into()))).collect::<Vec<_>>().into();
                merge_into(&mut j, &meta);
                println!("{j}");
            } else if !a.json && found.interrupted {
                eprintln!("ipcsim: interrupted after {} runs; no failure in them", found.runs);
            } else if !a.json {
                eprintln!(
                    "ipcsim: no failure in {} runs (seeds {}..{}); random search is not a proof",
                    found.runs,
                    opts.seed,
                    opts.seed + found.runs.saturating_sub(1)
                );
            }
            if found.interrupted {
                Status::Incomplete
            } else {
                Status::Clean
            }
        }
    }
}

/// Prints the races the search found (each pair of places once), with
/// the seed of the first run that showed each.
fn races(a: &ExploreArgs, prog: &sim::ir::Program, opts: &Options, found: &explore::Search) {
    let time = if opts.time == sim::kernel::TimeMode::LowerBound { " --time lower-bound" } else { "" };
    print_races(
        prog,
        found.races.iter().map(|(r, seed)| {
            (r, format!("first seen in the run of seed {seed}: `ipcsim run {} --seed {seed}{time}` shows it", a.file.display()))
        }),
    );
}

/// Prints races as warnings, each with a note of where it shows.
pub(crate) fn print_races<'r>(prog: &sim::ir::Program, races: impl Iterator<Item = (&'r sim::check::races::Race, String)>) {
    let diags: Vec<_> = races.map(|(r, note)| sim::report::race_diag(prog, r, false).note(note)).collect();
    if !diags.is_empty() {
        eprint!("{}", sim::diag::render::to_text(&prog.sources, &diags, std::io::IsTerminal::is_terminal(&std::io::stderr())));
    }
}

/// A race in a JSON report, with where it shows (`seed` or `token`).
pub(crate) fn race_json(prog: &sim::ir::Program, r: &sim::check::races::Race, shown_by: (&str, serde_json::Value)) -> serde_json::Value {
    let access = |x: &sim::check::races::Access| serde_json::json!({ "pid": x.pid, "step": x.step, "write": x.write, "at": prog.sources.describe(x.expr.unwrap_or(x.span)) });
    let mut j = serde_json::json!({ "first": access(&r.first), "second": access(&r.second), "object": r.obj, "offset": r.off });
    j[shown_by.0] = shown_by.1;
    j
}

/// The runs `[lo, hi)` of shard `i` of `n` (1-based) of `runs` runs:
/// contiguous, so the first failure of the whole range is the lowest of
/// the shards' first failures.
pub fn shard_range(runs: u64, i: u64, n: u64) -> (u64, u64) {
    let at = |k: u64| ((runs as u128 * k as u128) / n as u128) as u64;
    (at(i - 1), at(i))
}

/// Adds the fields of object `extra` to object `j`.
fn merge_into(j: &mut serde_json::Value, extra: &serde_json::Value) {
    if let (Some(j), Some(extra)) = (j.as_object_mut(), extra.as_object()) {
        j.extend(extra.clone());
    }
}

/// Prints the distinct outcomes of `total` runs (or steps: `unit`);
/// `meta`'s fields and the first failure's seed and token go into the
/// JSON form.
pub fn list_outcomes(
    a: &ExploreArgs,
    opts: &Options,
    outcomes: &[Seen],
    total: u64,
    unit: &str,
    meta: &serde_json::Value,
    failure: Option<&Found>,
) {
    if a.json {
        let list: Vec<_> = outcomes
            .iter()
            .map(|s| serde_json::json!({ "count": s.count, "failed": s.failed, "token": s.token, "seed": s.seed, "outcome": s.outcome }))
            .collect();
        let mut j = serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": total, "outcomes": list, "failed": failure.is_some() });
        if let Some(f) = failure {
            j["seed"] = f.seed.into();
            j["token"] = f.token.clone().into();
            j["replay"] = replay_command(&a.file, opts, &f.token).into();
        }
        merge_into(&mut j, meta);
        println!("{j}");
        return;
    }
    let n = outcomes.len();
    println!("{n} distinct outcome{} in {total} {unit}:", if n == 1 { "" } else { "s" });
    for s in outcomes {
        let exits: Vec<String> = s.outcome.exits.iter().map(|(p, st)| format!("{p}: {st}")).collect();
        let plural = if s.count == 1 { "" } else { "s" };
        println!("\n{} run{plural}{}: {}", s.count, if s.failed { " (FAILURE)" } else { "" }, exits.join(", "));
        println!("  stdout: {}", sim::trace::quote(&s.outcome.stream(1)));
        let err = s.outcome.stream(2);
        if !err.is_empty() {
            println!("  stderr: {}", sim::trace::quote(&err));
        }
        println!("  replay: {}", replay_command(&a.file, opts, &s.token));
    }
}
