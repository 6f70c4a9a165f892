//! Grading submissions against a reference by what they can do, not by
//! the text of one run: each program's distinct outcomes (every one, when
//! exhaustive search completes within the budget) and what the detectors
//! find, judged by a rubric of named checks.
//!
//! ```no_run
//! use ipcsim::grade::{self, behaviour::Budget, compare::Compare, Rubric};
//! let compile = |f: &str| sim::lang::compile(f, &std::fs::read_to_string(f).unwrap(), &sim::lang::fs_loader).unwrap();
//! let opts = sim::options::Options::for_program("buffer");
//! let reference = grade::behaviour::behaviour(&compile("tests/grading/reference.c"), &opts, Budget::default());
//! let sub = grade::behaviour::behaviour(&compile("tests/grading/no_mutex.c"), &opts, Budget::default());
//! let g = grade::judge(&Rubric::default(), &reference, Ok(&sub), &Compare::PerProcess.into());
//! assert!(g.score < g.max);
//! ```

pub mod behaviour;
pub mod compare;
pub mod html;
pub mod rubric;

use behaviour::{Behaviour, Example};
use compare::Comparison;
pub use rubric::Rubric;
use rubric::Test;
use serde::Serialize;
use std::collections::BTreeMap;

/// A check's result.
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    /// The check's id.
    pub id: String,
    /// Points earned.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// It passed.
    pub passed: bool,
    /// The check's message, and why it failed if it did.
    pub output: String,
}

/// A submission's grade.
#[derive(Debug, Clone)]
pub struct Grade {
    /// Each check's result, in the rubric's order.
    pub results: Vec<CheckResult>,
    /// Points earned.
    pub score: u32,
    /// Points possible.
    pub max: u32,
    /// Outcomes the reference never produces (with how to see them).
    pub unsafe_outcomes: Vec<Example>,
    /// Outcomes of the reference the submission never produced.
    pub missing: Vec<Example>,
    /// Both searches were exhaustive: "never" means never.
    pub proved: bool,
}

/// Grades a submission (its behaviour, or its compile error) against the
/// reference's behaviour.
pub fn judge(rubric: &Rubric, reference: &Behaviour, sub: Result<&Behaviour, &str>, how: &Comparison) -> Grade {
    let (unsafe_outcomes, missing, proved) = match sub {
        Ok(b) => {
            let (theirs, ours) = (distinct(reference, how), distinct(b, how));
            let not_in = |a: &BTreeMap<String, &Example>, b: &BTreeMap<String, &Example>| {
                a.iter().filter(|(k, _)| !b.contains_key(*k)).map(|(_, e)| (*e).clone()).collect::<Vec<_>>()
            };
            (not_in(&ours, &theirs), not_in(&theirs, &ours), reference.exhaustive && b.exhaustive)
        }
        Err(_) => (Vec::new(), Vec::new(), false),
    };
    let mut results: Vec<CheckResult> = Vec::new();
    for c in &rubric.checks {
        let blocked = c.depends.iter().find(|d| results.iter().any(|r| r.id == **d && !r.passed));
        let failure: Option<String> = match (blocked, sub) {
            (Some(d), _) => Some(format!("not graded: check `{d}` failed")),
            (None, Err(diag)) => Some(if c.test == Test::Compiles { diag.to_string() } else { "not graded: it does not compile".into() }),
            (None, Ok(b)) => match c.test {
                Test::Compiles => None,
                Test::Explained => match &b.unexplained {
                    None => Some("not run on the real kernel (give --real N)".into()),
                    Some(u) if u.is_empty() => None,
                    Some(u) => {
                        Some(format!("not found in 2,000 simulated runs (random search proves nothing impossible): {}", u.join("; ")))
                    }
                },
                Test::Safe => (!unsafe_outcomes.is_empty())
                    .then(|| format!("{} outcome{} the reference never produces", unsafe_outcomes.len(), plural(unsafe_outcomes.len()))),
                Test::Linearizable if b.spec.is_none() => Some("not judged: give --spec (fifo or fifo:N)".into()),
                Test::Linearizable if b.spec_unknown > 0 && !b.findings.iter().any(|f| f.kind == behaviour::Kind::Spec) => Some(format!(
                    "unknown: on {} path{} the check ran out of its budget (no history found that is not linearizable)",
                    b.spec_unknown,
                    plural(b.spec_unknown as usize)
                )),
                Test::Complete => (!missing.is_empty()).then(|| {
                    let never = if proved { "never produces" } else { "did not produce within the budget" };
                    format!("{} outcome{} of the reference it {never}", missing.len(), plural(missing.len()))
                }),
                no => {
                    let kind = no.kind();
                    let found: Vec<&str> = b.findings.iter().filter(|f| Some(f.kind) == kind).map(|f| f.what.as_str()).collect();
                    (!found.is_empty()).then(|| found.join("; "))
                }
            },
        };
        let passed = failure.is_none();
        let output = match failure {
            None => c.message.to_string(),
            Some(why) => format!("{} Failed: {why}.", c.message),
        };
        results.push(CheckResult { id: c.id.clone(), score: if passed { c.points } else { 0 }, max: c.points, passed, output });
    }
    let (score, max) = (results.iter().map(|r| r.score).sum(), results.iter().map(|r| r.max).sum());
    Grade { results, score, max, unsafe_outcomes, missing, proved }
}

/// A program's outcomes by comparison key, each shown by the first found.
fn distinct<'a>(b: &'a Behaviour, how: &Comparison) -> BTreeMap<String, &'a Example> {
    let mut by = BTreeMap::new();
    for e in &b.outcomes {
        by.entry(how.key(&e.outcome)).or_insert(e);
    }
    by
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
