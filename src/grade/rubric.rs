//! A rubric: named checks with points, a message to the student each, and
//! the checks each depends on (as xv6's gradelib: a check whose
//! dependency failed is not graded). The default, or one read from TOML:
//!
//! ```toml
//! [[check]]
//! id = "safe"              # stable: reports and regrades refer to it
//! test = "safe"            # what it looks at (see `Test`)
//! points = 40
//! message = "Every outcome is one the reference can produce."
//! depends = ["compiles"]   # checks earlier in the file
//!
//! [compare]                # optional: how outcomes are told apart
//! mode = "per-process"     # or "exact", "lines"
//! extract = 'item (\d+)'   # only what this matches counts
//! normalise = ["trim", "sort-lines"]
//! ```

use super::behaviour::Kind;
use super::compare::CompareSpec;
use serde::{Deserialize, Serialize};

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Test {
    /// The program compiles.
    Compiles,
    /// Every outcome is one the reference can produce.
    Safe,
    /// Every outcome of the reference is one it can produce.
    Complete,
    /// No interleaving deadlocks.
    NoDeadlock,
    /// No interleaving livelocks.
    NoLivelock,
    /// No crash, failed assertion, non-zero exit or endless loop.
    NoFault,
    /// No data race.
    NoRace,
    /// Nothing left behind.
    NoLeak,
    /// Every outcome of its real-kernel runs (`--real N`) is one the
    /// simulator produces: the simulator tells the truth about it.
    Explained,
    /// Every history of marked operations is linearizable against the
    /// specification (`--spec`).
    Linearizable,
}

impl Test {
    /// The detector whose findings fail it, for the `no-*` tests.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Test::NoDeadlock => Some(Kind::Deadlock),
            Test::NoLivelock => Some(Kind::Livelock),
            Test::NoFault => Some(Kind::Fault),
            Test::NoRace => Some(Kind::Race),
            Test::NoLeak => Some(Kind::Leak),
            Test::Linearizable => Some(Kind::Spec),
            Test::Compiles | Test::Safe | Test::Complete | Test::Explained => None,
        }
    }
}

/// One check.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// A stable id.
    pub id: String,
    /// What it looks at.
    pub test: Test,
    /// Points when it passes.
    pub points: u32,
    /// What it asks, as the student reads it.
    pub message: String,
    /// Checks (earlier ones) that must pass for this one to be graded.
    #[serde(default)]
    pub depends: Vec<String>,
}

/// Named checks with points, in the order they are shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// How outcomes are compared (`[compare]`: mode, extract,
    /// normalise); the command line's options override it.
    #[serde(default)]
    pub compare: CompareSpec,
    /// The checks.
    #[serde(rename = "check")]
    pub checks: Vec<Check>,
}

impl Default for Rubric {
    /// The default rubric: 100 points.
    fn default() -> Rubric {
        let check = |id: &str, test, points, message: &str| Check {
            id: id.into(),
            test,
            points,
            message: message.into(),
            depends: if test == Test::Compiles { Vec::new() } else { vec!["compiles".into()] },
        };
        Rubric {
            compare: CompareSpec::default(),
            checks: vec![
                check("compiles", Test::Compiles, 10, "The program compiles."),
                check("safe", Test::Safe, 40, "Every outcome the program can produce is one the reference can produce."),
                check("no-deadlock", Test::NoDeadlock, 15, "No interleaving ends with every process blocked for good."),
                check("no-livelock", Test::NoLivelock, 10, "No interleaving keeps processes running for ever without progress."),
                check("no-fault", Test::NoFault, 10, "No process crashes, fails an assertion, exits non-zero or loops for ever."),
                check("no-race", Test::NoRace, 10, "No two processes access shared memory unsynchronised."),
                check("no-leak", Test::NoLeak, 5, "Every name is unlinked and every child waited for."),
                check(
                    "complete",
                    Test::Complete,
                    0,
                    "The program can produce every outcome the reference can (none lost to over-synchronisation).",
                ),
            ],
        }
    }
}

/// A rubric file that cannot be used: what is wrong, and where (a byte
/// range of the text, when known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubricError {
    /// What is wrong.
    pub message: String,
    /// Where, as byte offsets into the text.
    pub span: Option<std::ops::Range<usize>>,
}

impl Rubric {
    /// The default rubric with the `explained` check (0 points) added:
    /// for `--real N`.
    pub fn with_real(mut self) -> Rubric {
        if !self.checks.iter().any(|c| c.test == Test::Explained) {
            self.checks.push(Check {
                id: "explained".into(),
                test: Test::Explained,
                points: 0,
                message: "Every outcome of its real-kernel runs is one the simulator produces.".into(),
                depends: vec!["compiles".into()],
            });
        }
        self
    }

    /// The rubric with the `linearizable` check (0 points) added: for
    /// `--spec`.
    pub fn with_spec(mut self) -> Rubric {
        if !self.checks.iter().any(|c| c.test == Test::Linearizable) {
            self.checks.push(Check {
                id: "linearizable".into(),
                test: Test::Linearizable,
                points: 0,
                message: "Every history of its marked produce and consume calls is linearizable against the specification.".into(),
                depends: vec!["compiles".into()],
            });
        }
        self
    }

    /// Reads a rubric from TOML text, and checks it: ids unique and not
    /// empty, dependencies on earlier checks only.
    pub fn from_toml(text: &str) -> Result<Rubric, RubricError> {
        let r: Rubric = toml::from_str(text).map_err(|e| RubricError { message: e.message().to_string(), span: e.span() })?;
        let at = |id: &str| text.find(&format!("\"{id}\"")).map(|k| k..k + id.len() + 2);
        if let Err(message) = r.compare.compile() {
            let span = r.compare.extract.as_deref().and_then(|p| text.find(p).map(|k| k..k + p.len()));
            return Err(RubricError { message, span });
        }
        if r.checks.is_empty() {
            return Err(RubricError { message: "a rubric needs at least one [[check]]".into(), span: None });
        }
        for (k, c) in r.checks.iter().enumerate() {
            if c.id.trim().is_empty() {
                return Err(RubricError { message: format!("check {} has an empty id", k + 1), span: None });
            }
            if r.checks[..k].iter().any(|d| d.id == c.id) {
                return Err(RubricError { message: format!("check id `{}` is used twice", c.id), span: at(&c.id) });
            }
            if let Some(d) = c.depends.iter().find(|d| !r.checks[..k].iter().any(|e| e.id == **d)) {
                return Err(RubricError {
                    message: format!("check `{}` depends on `{d}`, which is not a check before it", c.id),
                    span: at(d),
                });
            }
        }
        Ok(r)
    }
}
