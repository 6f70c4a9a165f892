//! `merge`: joins the `--json` reports of the shards of one search
//! (`explore --shard I/N --json`, run by a batch system) into the verdict
//! the whole search gives. Random and PCT: the failure of the lowest
//! seed, every outcome with its counts summed and the token of its lowest
//! seed. Exhaustive: complete if every shard was, every distinct failure
//! (or, without --keep-going, the one with the shortest schedule), the
//! states summed.

use super::JSON_VERSION;
use crate::cli::MergeArgs;
use crate::Status;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The most shards a search is split into.
const MAX_SHARDS: u64 = 1_000_000;

/// One shard's report, as far as merging needs it.
struct Report {
    name: String,
    json: Value,
    shard: Option<(u64, u64)>,
}

pub fn merge(a: MergeArgs) -> Status {
    let reports = match read(&a) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("ipcsim merge: {e}");
            return Status::Usage;
        }
    };
    if let Err(e) = check_shards(&reports) {
        eprintln!("ipcsim merge: {e}");
        return Status::Usage;
    }
    if reports[0].json["strategy"] == "exhaustive" {
        return merge_exhaustive(&reports, a.json);
    }
    let runs: u64 = reports.iter().filter_map(|r| r.json["runs"].as_u64()).sum();
    let interrupted = reports.iter().any(|r| r.json["interrupted"].as_bool() == Some(true));
    let failure =
        reports.iter().filter(|r| r.json["failed"].as_bool() == Some(true)).min_by_key(|r| r.json["seed"].as_u64().unwrap_or(u64::MAX));
    let outcomes = merge_outcomes(&reports);
    if a.json {
        let mut j = json!({ "version": JSON_VERSION, "command": "merge", "reports": reports.len(), "runs": runs, "interrupted": interrupted, "failed": failure.is_some() });
        if let Some(f) = failure {
            for k in ["seed", "token", "replay", "failure"] {
                j[k] = f.json[k].clone();
            }
        }
        if let Some(o) = &outcomes {
            j["outcomes"] = Value::Array(o.clone());
        }
        println!("{j}");
    } else {
        print_text(&reports, runs, interrupted, failure, outcomes.as_deref());
    }
    match (failure, interrupted) {
        (Some(_), _) => Status::Failure,
        (None, true) => Status::Incomplete,
        (None, false) => Status::Clean,
    }
}

fn read(a: &MergeArgs) -> Result<Vec<Report>, String> {
    let mut out = Vec::new();
    for f in &a.files {
        let name = f.display().to_string();
        let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {name}: {e}"))?;
        let json: Value = serde_json::from_str(text.trim()).map_err(|e| format!("{name} is not a JSON report: {e}"))?;
        if json["command"] != "explore" || !(json["seeds"].is_object() || json["strategy"] == "exhaustive") {
            return Err(format!("{name} is not the --json report of an `explore`"));
        }
        let shard = json["shard"].as_object().and_then(|s| Some((s.get("index")?.as_u64()?, s.get("count")?.as_u64()?)));
        out.push(Report { name, json, shard });
    }
    Ok(out)
}

/// Shards of one search: the same count, first seed and runs, each index
/// once, none missing.
fn check_shards(reports: &[Report]) -> Result<(), String> {
    if let Some(r) = reports.iter().find(|r| r.json["binding"] != reports[0].json["binding"]) {
        return Err(format!("{} is a report on another program, or the same with other options, than {}", r.name, reports[0].name));
    }
    // The specification judges runs without changing them, so the
    // binding does not cover it.
    if let Some(r) = reports.iter().find(|r| r.json["spec"] != reports[0].json["spec"]) {
        return Err(format!("{} judged its runs against another specification (--spec) than {}", r.name, reports[0].name));
    }
    if let Some(r) = reports.iter().find(|r| r.shard.is_some_and(|(i, n)| i == 0 || i > n || n > MAX_SHARDS)) {
        return Err(format!("{}: its shard is not I/N with 1 <= I <= N <= {MAX_SHARDS}", r.name));
    }
    let sharded: Vec<&Report> = reports.iter().filter(|r| r.shard.is_some()).collect();
    let Some(first) = sharded.first() else { return Ok(()) };
    if sharded.len() != reports.len() {
        return Err("some reports are of shards and some are not".into());
    }
    let same = |r: &Report, k: &str| r.json["shard"][k] == first.json["shard"][k] && r.json["strategy"] == first.json["strategy"];
    if let Some(r) = sharded.iter().find(|r| !["count", "first_seed", "runs", "subtrees"].iter().all(|k| same(r, k))) {
        return Err(format!(
            "{} is a shard of another search than {} (strategy, first seed, runs, subtrees or shard count differ)",
            r.name, first.name
        ));
    }
    let n = first.shard.map_or(0, |s| s.1);
    let mut seen = vec![false; n as usize + 1];
    for r in &sharded {
        let i = r.shard.map_or(0, |s| s.0) as usize;
        if std::mem::replace(&mut seen[i], true) {
            return Err(format!("shard {i}/{n} is given twice ({})", r.name));
        }
    }
    let missing: Vec<String> = (1..=n as usize).filter(|&i| !seen[i]).map(|i| format!("{i}/{n}")).collect();
    if !missing.is_empty() {
        return Err(format!(
            "missing shard{} {}: the verdict would not be the whole search's",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        ));
    }
    Ok(())
}

/// The outcomes of every report (`--outcomes`), merged; `None` if the
/// reports list none.
fn merge_outcomes(reports: &[Report]) -> Option<Vec<Value>> {
    let lists: Vec<&Vec<Value>> = reports.iter().filter_map(|r| r.json["outcomes"].as_array()).collect();
    if lists.is_empty() {
        return None;
    }
    let mut by: BTreeMap<String, Value> = BTreeMap::new();
    for o in lists.into_iter().flatten() {
        let key = o["outcome"].to_string();
        let e = by.entry(key).or_insert_with(|| json!({ "count": 0, "seed": u64::MAX }));
        e["count"] = (e["count"].as_u64().unwrap_or(0) + o["count"].as_u64().unwrap_or(0)).into();
        if o["seed"].as_u64().unwrap_or(u64::MAX) < e["seed"].as_u64().unwrap_or(u64::MAX) {
            for k in ["seed", "token", "failed", "outcome"] {
                e[k] = o[k].clone();
            }
        }
    }
    let mut list: Vec<Value> = by.into_values().collect();
    list.sort_by(|x, y| y["count"].as_u64().cmp(&x["count"].as_u64()).then_with(|| x["seed"].as_u64().cmp(&y["seed"].as_u64())));
    Some(list)
}

fn print_text(reports: &[Report], runs: u64, interrupted: bool, failure: Option<&Report>, outcomes: Option<&[Value]>) {
    if let Some(o) = outcomes {
        println!("{} distinct outcome{} in {runs} runs:", o.len(), if o.len() == 1 { "" } else { "s" });
        for x in o {
            let failed = if x["failed"].as_bool() == Some(true) { " (FAILURE)" } else { "" };
            println!("  {} run(s){failed}, first at seed {}: token {}", x["count"], x["seed"], x["token"].as_str().unwrap_or(""));
        }
    }
    let of = format!("{} report{}, {runs} runs", reports.len(), if reports.len() == 1 { "" } else { "s" });
    match failure {
        Some(f) => {
            let what = f.json["failure"].as_str().unwrap_or("a failure");
            eprintln!(
                "ipcsim merge: failure at seed {} ({what}; {of}); replay: {}",
                f.json["seed"],
                f.json["replay"].as_str().unwrap_or("")
            );
        }
        None if interrupted => eprintln!("ipcsim merge: incomplete: a shard was interrupted; no failure in {of}"),
        None => eprintln!("ipcsim merge: no failure in {of}; random search is not a proof"),
    }
}

/// Exhaustive shards: complete if all are; failures by kind and place,
/// counts summed, each shown by its shortest schedule (fewest
/// preemptions, then steps, then token); without --keep-going only the
/// shortest of all, as one search stopping at its first would show one.
fn merge_exhaustive(reports: &[Report], as_json: bool) -> Status {
    let complete = reports.iter().all(|r| r.json["complete"].as_bool() == Some(true));
    let interrupted = reports.iter().any(|r| r.json["interrupted"].as_bool() == Some(true));
    let sum = |k: &str| reports.iter().filter_map(|r| r.json[k].as_u64()).sum::<u64>();
    let shortest = |f: &Value| (f["preemptions"].as_u64(), f["steps"].as_u64(), f["token"].as_str().map(String::from));
    let mut by: BTreeMap<String, Value> = BTreeMap::new();
    for f in reports.iter().filter_map(|r| r.json["failures"].as_array()).flatten() {
        let key = json!([f["kind"], f["at"]]).to_string();
        let e = by.entry(key).or_insert_with(|| {
            let mut first = f.clone();
            first["count"] = 0.into();
            first
        });
        let count = e["count"].as_u64().unwrap_or(0);
        if shortest(f) < shortest(e) {
            *e = f.clone();
        }
        e["count"] = (count + f["count"].as_u64().unwrap_or(0)).into();
    }
    let mut failures: Vec<Value> = by.into_values().collect();
    failures.sort_by_key(|f| shortest(f));
    // Every shard stopped at its first failure: so would the whole search.
    let stopped = reports.iter().all(|r| r.json["failures"].as_array().is_none_or(|f| f.len() <= 1));
    if stopped && !complete {
        failures.truncate(1);
    }
    let (states, steps, spec_unknown) = (sum("states"), sum("steps"), sum("spec_unknown"));
    if as_json {
        println!(
            "{}",
            json!({ "version": JSON_VERSION, "command": "merge", "strategy": "exhaustive", "reports": reports.len(), "complete": complete,
                    "interrupted": interrupted, "failed": !failures.is_empty(), "failures": failures, "states": states, "steps": steps,
                    "spec": reports[0].json["spec"], "spec_unknown": spec_unknown })
        );
    } else {
        if spec_unknown > 0 {
            eprintln!("ipcsim merge: note: on {spec_unknown} path(s) the linearizability check ran out of its budget");
        }
        let of = format!("{} report{}, {states} states", reports.len(), if reports.len() == 1 { "" } else { "s" });
        for f in &failures {
            let at: Vec<&str> = f["at"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect();
            let at = if at.is_empty() { String::new() } else { format!(" at {}", at.join(", ")) };
            eprintln!(
                "ipcsim merge: {}{at} ({} paths); replay: {}",
                f["kind"].as_str().unwrap_or("failure"),
                f["count"],
                f["replay"].as_str().unwrap_or("")
            );
        }
        match (failures.is_empty(), complete) {
            (false, _) => {
                eprintln!("ipcsim merge: {} distinct failure{} ({of})", failures.len(), if failures.len() == 1 { "" } else { "s" })
            }
            (true, true) => eprintln!("ipcsim merge: verified: every shard explored its subtrees completely, no failure ({of})"),
            (true, false) => eprintln!("ipcsim merge: incomplete: a shard did not finish; no failure in what was explored ({of})"),
        }
    }
    match (failures.is_empty(), complete) {
        (false, _) => Status::Failure,
        (true, true) => Status::Clean,
        (true, false) => Status::Incomplete,
    }
}
