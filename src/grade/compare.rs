//! How two outcomes are told apart when grading: what of an outcome
//! counts, so that a submission is not failed for what does not matter
//! (which pid printed, how processes' lines interleave) and is failed for
//! what does.

use serde::Serialize;
use sim::outcome::{ExitStatus, Outcome};

/// What of an outcome is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Compare {
    /// Each process's own output, in its own order, as a multiset over
    /// the processes (whichever pid), with the exit statuses and the
    /// files left: the interleaving of different processes' lines does
    /// not count.
    PerProcess,
    /// The whole standard output in its global order, with the exit
    /// statuses and files.
    Exact,
    /// The lines of standard output as a multiset (order ignored), with
    /// the exit statuses and files.
    Lines,
}

/// The key an outcome is compared by: equal keys are the same behaviour.
pub fn key(o: &Outcome, how: Compare) -> String {
    let mut exits: Vec<String> = o.exits.iter().map(|(_, s)| status(s)).collect();
    exits.sort();
    let files: Vec<(&str, String)> = o.files.iter().map(|f| (f.path.as_str(), text(&f.bytes))).collect();
    let out = match how {
        Compare::Exact => vec![text(&o.stream(1))],
        Compare::PerProcess => {
            let mut each: Vec<String> = per_process(o).iter().map(|b| text(b)).collect();
            each.sort();
            each
        }
        Compare::Lines => {
            let all = text(&o.stream(1));
            let mut lines: Vec<String> = all.split_inclusive('\n').map(String::from).collect();
            lines.sort();
            lines
        }
    };
    serde_json::json!({ "stdout": out, "exits": exits, "files": files }).to_string()
}

/// The outcome in words, as a student reads it: each process's output
/// (or the whole output) and how the processes ended.
pub fn describe(o: &Outcome, how: Compare) -> String {
    let mut exits: Vec<String> = o.exits.iter().map(|(_, s)| status(s)).collect();
    exits.sort();
    let out = match how {
        Compare::PerProcess => per_process(o).iter().map(|b| format!("a process printed {}", quote(b))).collect::<Vec<_>>().join("; "),
        Compare::Exact | Compare::Lines => format!("printed {}", quote(&o.stream(1))),
    };
    let out = if out.is_empty() { "nothing printed".to_string() } else { out };
    format!("{out}; processes: {}", if exits.is_empty() { "none ended".to_string() } else { exits.join(", ") })
}

/// Each process's own standard output, in pid order (processes that
/// printed nothing left out).
fn per_process(o: &Outcome) -> Vec<Vec<u8>> {
    let mut by: std::collections::BTreeMap<i32, Vec<u8>> = std::collections::BTreeMap::new();
    for w in o.writes.iter().filter(|w| w.fd == 1) {
        by.entry(w.pid).or_default().extend_from_slice(&w.bytes);
    }
    by.into_values().collect()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn status(s: &ExitStatus) -> String {
    s.to_string()
}

/// Bytes as a quoted C-like string, at most 200 of them shown.
fn quote(b: &[u8]) -> String {
    const MAX: usize = 200;
    let shown: String = b.iter().take(MAX).flat_map(|&c| std::ascii::escape_default(c)).map(char::from).collect();
    if b.len() > MAX {
        format!("\"{shown}\"... ({} bytes)", b.len())
    } else {
        format!("\"{shown}\"")
    }
}
