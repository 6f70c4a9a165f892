//! How two outcomes are told apart when grading: what of an outcome
//! counts, so that a submission is not failed for what does not matter
//! (which pid printed, how processes' lines interleave) and is failed for
//! what does.

use serde::{Deserialize, Serialize};
use sim::outcome::{ExitStatus, Outcome};

/// What of an outcome is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
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

/// A normaliser applied to each compared stream of output, so that what
/// the assignment leaves free (spacing, case, the order of lines) does
/// not tell two outcomes apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Normalise {
    /// Trailing and leading blanks of each line removed.
    Trim,
    /// Each run of blanks as one space.
    Squeeze,
    /// Letters compared without case.
    IgnoreCase,
    /// Empty (or blank) lines left out.
    DropBlank,
    /// The lines sorted (applied last).
    SortLines,
}

/// How outcomes are compared when grading: what of them counts, the
/// part of the output a regular expression extracts (when given), and
/// normalisers.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// What of an outcome counts.
    pub mode: Compare,
    /// Only the text this matches counts: each match (or its capture
    /// groups, joined by a space) as one line.
    pub extract: Option<regex::Regex>,
    /// Applied to each stream after extraction, in a fixed order.
    pub normalise: Vec<Normalise>,
}

impl From<Compare> for Comparison {
    fn from(mode: Compare) -> Comparison {
        Comparison { mode, extract: None, normalise: Vec::new() }
    }
}

/// A comparison as a rubric's `[compare]` table or the command line
/// give it, before its regular expression is compiled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareSpec {
    /// What of an outcome counts (default: per-process).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Compare>,
    /// A regular expression (Rust `regex` syntax): only what it matches
    /// counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extract: Option<String>,
    /// Normalisers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub normalise: Vec<Normalise>,
}

impl CompareSpec {
    /// The comparison, or why its regular expression is refused.
    pub fn compile(&self) -> Result<Comparison, String> {
        let extract = match &self.extract {
            Some(p) => Some(regex::Regex::new(p).map_err(|e| format!("the regular expression `{p}` is not valid: {e}"))?),
            None => None,
        };
        let mut normalise = self.normalise.clone();
        normalise.sort();
        normalise.dedup();
        Ok(Comparison { mode: self.mode.unwrap_or(Compare::PerProcess), extract, normalise })
    }
}

impl Comparison {
    /// One stream of output as it is compared.
    fn stream(&self, b: &[u8]) -> String {
        let raw = text(b);
        let t = match &self.extract {
            None => raw,
            Some(re) => re
                .captures_iter(&raw)
                .map(|c| {
                    let groups: Vec<&str> = c.iter().skip(1).flatten().map(|m| m.as_str()).collect();
                    let one = if groups.is_empty() { c.get(0).map_or("", |m| m.as_str()).to_string() } else { groups.join(" ") };
                    format!("{one}\n")
                })
                .collect(),
        };
        if self.normalise.is_empty() {
            return t;
        }
        let mut lines: Vec<String> = t.split_inclusive('\n').map(|l| self.line(l)).collect();
        if self.normalise.contains(&Normalise::DropBlank) {
            lines.retain(|l| !l.trim().is_empty());
        }
        if self.normalise.contains(&Normalise::SortLines) {
            lines.sort();
        }
        lines.concat()
    }

    /// One line normalised (its newline kept).
    fn line(&self, l: &str) -> String {
        let (body, nl) = l.strip_suffix('\n').map_or((l, ""), |b| (b, "\n"));
        let mut s = body.to_string();
        if self.normalise.contains(&Normalise::Trim) {
            s = s.trim().to_string();
        }
        if self.normalise.contains(&Normalise::Squeeze) {
            s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        if self.normalise.contains(&Normalise::IgnoreCase) {
            s = s.to_lowercase();
        }
        s + nl
    }

    /// The key an outcome is compared by: equal keys are the same
    /// behaviour.
    pub fn key(&self, o: &Outcome) -> String {
        let mut exits: Vec<String> = o.exits.iter().map(|(_, s)| status(s)).collect();
        exits.sort();
        let files: Vec<(&str, String)> = o.files.iter().map(|f| (f.path.as_str(), text(&f.bytes))).collect();
        let out = match self.mode {
            Compare::Exact => vec![self.stream(&o.stream(1))],
            Compare::PerProcess => {
                let mut each: Vec<String> = per_process(o).iter().map(|b| self.stream(b)).collect();
                each.retain(|s| !s.is_empty());
                each.sort();
                each
            }
            Compare::Lines => {
                let all = self.stream(&o.stream(1));
                let mut lines: Vec<String> = all.split_inclusive('\n').map(String::from).collect();
                lines.sort();
                lines
            }
        };
        serde_json::json!({ "stdout": out, "exits": exits, "files": files }).to_string()
    }

    /// The outcome in words, as a student reads it (the output as
    /// printed, before extraction and normalising).
    pub fn describe(&self, o: &Outcome) -> String {
        describe(o, self.mode)
    }
}

/// The outcome in words, as a student reads it: each process's output
/// (or the whole output) and how the processes ended.
fn describe(o: &Outcome, how: Compare) -> String {
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
