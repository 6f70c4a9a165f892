//! `grade`: submissions judged against a reference by what they can do
//! (the work is the library's `ipcsim::grade`), with a summary table,
//! each submission's findings and how to replay them, JSON, CSV and
//! Gradescope's `results.json`.

use super::{options, replay_command, seed_command, JSON_VERSION};
use crate::cli::{GradeArgs, TimeArg};
use crate::Status;
use ipcsim::grade::behaviour::{self, Behaviour, Budget, Example, Shown};
use ipcsim::grade::compare::{CompareSpec, Comparison};
use ipcsim::grade::{judge, Grade, Rubric};
use sim::options::Options;
use std::path::{Path, PathBuf};

/// Most visible steps of one run when grading.
const MAX_STEPS: u64 = 100_000;

/// Most IR instructions of one run when grading (a course program's run
/// takes thousands; a loop of `printf` would take minutes).
const MAX_INSTRUCTIONS: u64 = 50_000_000;

/// One submission, graded.
struct Graded {
    file: PathBuf,
    grade: Grade,
    /// What the detectors found.
    findings: Vec<behaviour::Finding>,
    /// States or runs its search took, and whether it was exhaustive.
    explored: (u64, bool),
}

pub fn grade(a: GradeArgs) -> Status {
    let mut opts = options(&a.reference, &a.sim, None, TimeArg::LowerBound);
    // A course program takes far fewer visible steps; a submission that
    // never ends then costs a tenth of the default budget per run.
    opts.max_steps = opts.max_steps.min(MAX_STEPS);
    opts.max_instructions = Some(opts.max_instructions.map_or(MAX_INSTRUCTIONS, |n| n.min(MAX_INSTRUCTIONS)));
    let budget = Budget { states: a.states, runs: a.runs, ..Budget::default() };
    let reference = match super::load(&a.reference, a.json, &a.sim.exec) {
        Ok(p) => behaviour::behaviour(&p, &opts, budget),
        Err(s) => {
            eprintln!("ipcsim grade: the reference {} must compile", a.reference.display());
            return s;
        }
    };
    let files = match submissions(&a.submissions, &a.reference) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("ipcsim grade: {e}");
            return Status::Usage;
        }
    };
    let rubric = match &a.rubric {
        Some(path) => match read_rubric(path) {
            Ok(r) => r,
            Err(s) => return s,
        },
        None => Rubric::default(),
    };
    let rubric = if a.real > 0 { rubric.with_real() } else { rubric };
    let rubric = if a.sim.spec.is_some() { rubric.with_spec() } else { rubric };
    let spec = CompareSpec {
        mode: a.compare.or(rubric.compare.mode),
        extract: a.extract.clone().or_else(|| rubric.compare.extract.clone()),
        normalise: if a.normalise.is_empty() { rubric.compare.normalise.clone() } else { a.normalise.clone() },
    };
    let how = match spec.compile() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ipcsim grade: {e}");
            return Status::Usage;
        }
    };
    let real = (a.real > 0).then(|| (std::env::current_exe().ok(), a.real));
    let graded = grade_all(&files, &reference, &rubric, &opts, budget, &how, super::jobs(a.jobs), real.as_ref());
    if a.json {
        println!("{}", to_json(&a, &opts, (&reference, &spec, &how), &rubric, &graded));
    } else {
        for g in &graded {
            print_one(g, &a.reference, &opts, &how);
        }
        print!("{}", summary(&graded, &rubric));
    }
    for (path, text) in a.csv.iter().map(|p| (p, csv(&graded, &rubric))) {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("ipcsim grade: cannot write {}: {e}", path.display());
            return Status::Internal;
        }
    }
    if let Some(dir) = &a.html {
        if let Err(e) = html_pages(dir, &graded, &a.reference, &opts, &how) {
            eprintln!("ipcsim grade: cannot write {}: {e}", dir.display());
            return Status::Internal;
        }
    }
    if let Some(path) = &a.gradescope {
        if let Err(e) = gradescope(path, &graded) {
            eprintln!("ipcsim grade: cannot write {}: {e}", path.display());
            return Status::Internal;
        }
    }
    Status::Clean
}

/// A rubric file, or its error shown at its place (file:line:col, the
/// line, a caret).
fn read_rubric(path: &Path) -> Result<Rubric, Status> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("ipcsim grade: cannot read the rubric {}: {e}", path.display());
        Status::Usage
    })?;
    Rubric::from_toml(&text).map_err(|e| {
        match e.span {
            Some(span) => {
                let start = span.start.min(text.len());
                let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
                let line_end = text[start..].find('\n').map_or(text.len(), |k| start + k);
                let line_no = text[..start].matches('\n').count() + 1;
                let col = text[line_start..start].chars().count() + 1;
                let width = text[start..span.end.clamp(start, line_end)].chars().count().max(1);
                eprintln!("{}:{line_no}:{col}: error: {}", path.display(), e.message.trim_end());
                eprintln!("{:>5} | {}", line_no, &text[line_start..line_end]);
                eprintln!("      | {}{}", " ".repeat(col - 1), "^".repeat(width));
            }
            None => eprintln!("{}: error: {}", path.display(), e.message.trim_end()),
        }
        Status::Usage
    })
}

/// The C files named, a directory standing for the C files in it (the
/// reference left out), in order.
fn submissions(named: &[PathBuf], reference: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in named {
        if p.is_dir() {
            let list = std::fs::read_dir(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let mut files: Vec<PathBuf> = list.flatten().map(|e| e.path()).filter(|f| f.extension().is_some_and(|x| x == "c")).collect();
            files.sort();
            let same = |f: &Path| f.canonicalize().ok().zip(reference.canonicalize().ok()).is_some_and(|(x, y)| x == y);
            out.extend(files.into_iter().filter(|f| !same(f)));
        } else {
            out.push(p.clone());
        }
    }
    if out.is_empty() {
        return Err("no submission to grade (name C files, or directories of them)".into());
    }
    Ok(out)
}

/// Grades every submission, `jobs` at a time; the results in the order
/// of `files` whatever thread graded each.
/// `--real N`: the worker binary, and the runs.
type RealRuns = (Option<PathBuf>, u64);

#[allow(clippy::too_many_arguments)]
fn grade_all(
    files: &[PathBuf],
    reference: &Behaviour,
    rubric: &Rubric,
    opts: &Options,
    budget: Budget,
    how: &Comparison,
    jobs: usize,
    real: Option<&RealRuns>,
) -> Vec<Graded> {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let done: Vec<Mutex<Option<Graded>>> = files.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..jobs.clamp(1, files.len()) {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Relaxed);
                let Some(file) = files.get(k) else { return };
                let opts = &as_named(opts, file);
                let graded = match compile(file) {
                    Ok(prog) => {
                        let mut b = behaviour::behaviour(&prog, opts, budget);
                        if let Some(r) = real {
                            b.unexplained = Some(unexplained(&prog, file, opts, r, &b));
                        }
                        let mut grade = judge(rubric, reference, Ok(&b), how);
                        behaviour::shrink_shown(&prog, opts, budget, &mut grade.unsafe_outcomes);
                        Graded { file: file.clone(), grade, findings: b.findings, explored: (b.explored, b.exhaustive) }
                    }
                    Err(diag) => Graded {
                        file: file.clone(),
                        grade: judge(rubric, reference, Err(&diag), how),
                        findings: Vec::new(),
                        explored: (0, false),
                    },
                };
                *done[k].lock().unwrap_or_else(|e| e.into_inner()) = Some(graded);
            });
        }
    });
    done.into_iter().filter_map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner())).collect()
}

/// The outcomes of `runs` real-kernel runs with chaos that the simulator
/// does not produce (or why the runs could not be made). A run that
/// ended is looked up in the outcomes the search found, which are all of
/// them when it was exhaustive; the rest are searched for, 2,000 runs.
fn unexplained(prog: &sim::ir::Program, file: &Path, opts: &Options, (exe, runs): &RealRuns, b: &Behaviour) -> Vec<String> {
    let Some(exe) = exe else { return vec!["(cannot find ipcsim's own binary for the real runs)".into()] };
    // The same argv as the simulated runs it is compared with.
    let cfg = real::RealConfig::new(opts, true, 2_000);
    match ipcsim::crosscheck::real_outcomes(exe, file, &cfg, (0, *runs), 1, &mut |_| {}) {
        Ok(mut seen) => {
            seen.retain(|s| s.run.hung || !b.outcomes.iter().any(|e| e.outcome == s.run.outcome));
            ipcsim::crosscheck::explain(prog, opts, &seen, 2_000).unexplained.iter().map(ipcsim::crosscheck::describe).collect()
        }
        Err(e) => vec![format!("(the real runs could not be made: {e})")],
    }
}

/// A submission compiled, or its diagnostics as text.
fn compile(file: &Path) -> Result<sim::ir::Program, String> {
    let bytes = super::read_source(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let name = file.display().to_string();
    sim::lang::compile(&name, &String::from_utf8_lossy(&bytes), &sim::lang::fs_loader)
        .map_err(|e| sim::diag::render::to_text(&e.sources, &e.diagnostics, false).trim_end().to_string())
}

/// The options of one program: its own name as `argv[0]`, as when it
/// is run or replayed by itself (a token is bound to the argv).
fn as_named(opts: &Options, file: &Path) -> Options {
    let mut o = opts.clone();
    o.argv[0] = super::program_name(file);
    o
}

/// The command that shows an outcome or a finding again.
fn how_to_see(file: &Path, opts: &Options, shown: &Shown) -> String {
    match shown {
        Shown::Token(t) => replay_command(file, &as_named(opts, file), t),
        Shown::Seed(s) => seed_command(file, &as_named(opts, file), *s),
    }
}

fn print_one(g: &Graded, reference: &Path, opts: &Options, how: &Comparison) {
    println!("## {}: {}/{}\n", g.file.display(), g.grade.score, g.grade.max);
    for r in &g.grade.results {
        println!("- [{}] {} ({}/{}): {}", if r.passed { "ok" } else { "FAIL" }, r.id, r.score, r.max, r.output);
    }
    let show = |title: &str, list: &[Example], file: &Path| {
        if list.is_empty() {
            return;
        }
        println!("\n{title}:");
        for e in list.iter().take(5) {
            println!("  - {}{}\n    {}", how.describe(&e.outcome), shrunk(e), how_to_see(file, opts, &e.shown));
        }
        if list.len() > 5 {
            println!("  - ... and {} more", list.len() - 5);
        }
    };
    show("Outcomes the reference never produces", &g.grade.unsafe_outcomes, &g.file);
    show("Outcomes of the reference it does not produce", &g.grade.missing, reference);
    println!();
}

/// What shrinking made of an example's schedule, in words.
fn shrunk(e: &Example) -> String {
    match e.shrunk {
        Some((from, to)) if from != to => format!(" (shrunk to {to} preemption{} from {from})", if to == 1 { "" } else { "s" }),
        Some((_, to)) => format!(" ({to} preemption{}, shrunk)", if to == 1 { "" } else { "s" }),
        None => String::new(),
    }
}

/// The summary table, in Markdown.
fn summary(graded: &[Graded], rubric: &Rubric) -> String {
    let ids: Vec<&str> = rubric.checks.iter().map(|c| c.id.as_str()).collect();
    let mut s = format!("| submission | score | {} |\n|---|---:|{}\n", ids.join(" | "), "---|".repeat(ids.len()));
    for g in graded {
        let marks: Vec<&str> = g.grade.results.iter().map(|r| if r.passed { "ok" } else { "FAIL" }).collect();
        s.push_str(&format!("| {} | {}/{} | {} |\n", g.file.display(), g.grade.score, g.grade.max, marks.join(" | ")));
    }
    s
}

fn csv(graded: &[Graded], rubric: &Rubric) -> String {
    let ids: Vec<&str> = rubric.checks.iter().map(|c| c.id.as_str()).collect();
    let mut s = format!("submission,score,max,{}\n", ids.join(","));
    for g in graded {
        let pts: Vec<String> = g.grade.results.iter().map(|r| r.score.to_string()).collect();
        let name = g.file.display().to_string().replace('"', "\"\"");
        s.push_str(&format!("\"{name}\",{},{},{}\n", g.grade.score, g.grade.max, pts.join(",")));
    }
    s
}

/// Gradescope's `results.json` of one submission.
fn gradescope_json(g: &Graded) -> serde_json::Value {
    let tests: Vec<_> = g
        .grade
        .results
        .iter()
        .map(|r| serde_json::json!({ "name": r.id, "score": r.score, "max_score": r.max, "output": r.output, "visibility": "visible" }))
        .collect();
    serde_json::json!({ "score": g.grade.score, "tests": tests })
}

/// One submission: `path` is its `results.json`; more: `path` is a
/// directory of `<submission>.json`.
fn gradescope(path: &Path, graded: &[Graded]) -> std::io::Result<()> {
    if let [one] = graded {
        return std::fs::write(path, gradescope_json(one).to_string());
    }
    std::fs::create_dir_all(path)?;
    for g in graded {
        let stem = g.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "submission".into());
        std::fs::write(path.join(format!("{stem}.json")), gradescope_json(g).to_string())?;
    }
    Ok(())
}

/// The reference's behaviour, and how outcomes were compared.
type Against<'a> = (&'a Behaviour, &'a CompareSpec, &'a Comparison);

fn to_json(a: &GradeArgs, opts: &Options, (reference, spec, how): Against, rubric: &Rubric, graded: &[Graded]) -> serde_json::Value {
    let example = |file: &Path, e: &Example| {
        let shrunk = e.shrunk.map(|(from, to)| serde_json::json!({ "preemptions_before": from, "preemptions": to }));
        serde_json::json!({ "outcome": how.describe(&e.outcome), "failed": e.failed, "shown": e.shown, "command": how_to_see(file, opts, &e.shown), "shrunk": shrunk })
    };
    let rows: Vec<_> = graded
        .iter()
        .map(|g| {
            serde_json::json!({
                "submission": g.file.display().to_string(),
                "score": g.grade.score,
                "max": g.grade.max,
                "exhaustive": g.explored.1,
                "explored": g.explored.0,
                "proved": g.grade.proved,
                "checks": g.grade.results,
                "unsafe": g.grade.unsafe_outcomes.iter().map(|e| example(&g.file, e)).collect::<Vec<_>>(),
                "missing": g.grade.missing.iter().map(|e| example(&a.reference, e)).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "version": JSON_VERSION,
        "command": "grade",
        "ipcsim": env!("CARGO_PKG_VERSION"),
        "reference": { "file": a.reference.display().to_string(), "outcomes": reference.outcomes.len(), "exhaustive": reference.exhaustive, "explored": reference.explored },
        "compare": spec,
        "budget": { "states": a.states, "runs": a.runs },
        // What a regrade needs besides the files: every option that
        // changes a run (the replay commands carry them too).
        "options": {
            "time": format!("{:?}", opts.time),
            "max_steps": opts.max_steps,
            "max_instructions": opts.max_instructions,
            "fuel": opts.fuel,
            "args": &opts.argv[1..],
            "spec": opts.spec.map(|s| s.arg()),
            "real_runs": a.real,
        },
        "rubric": rubric,
        "submissions": rows,
    })
}

/// Most items of each kind shown on a page with their traces.
const SHOWN: usize = 10;

/// One page per submission, `DIR/<name>.html`.
fn html_pages(dir: &Path, graded: &[Graded], reference: &Path, opts: &Options, how: &Comparison) -> std::io::Result<()> {
    use ipcsim::grade::html::{page, Item, Section};
    std::fs::create_dir_all(dir)?;
    for g in graded {
        let prog = compile(&g.file).ok();
        let own = as_named(opts, &g.file);
        let evidence = |shown: &Shown| prog.as_ref().map(|p| evidence(p, &own, shown)).unwrap_or_default();
        let item = |summary: String, file: &Path, shown: &Shown, traced: bool| Item {
            summary,
            command: how_to_see(file, opts, shown),
            evidence: if traced { evidence(shown) } else { String::new() },
        };
        let sections = [
            Section {
                heading: "Findings".into(),
                items: g.findings.iter().filter_map(|f| Some(item(f.what.clone(), &g.file, f.shown.as_ref()?, true))).collect(),
            },
            Section {
                heading: "Outcomes the reference never produces".into(),
                items: g
                    .grade
                    .unsafe_outcomes
                    .iter()
                    .take(SHOWN)
                    .map(|e| item(format!("{}{}", how.describe(&e.outcome), shrunk(e)), &g.file, &e.shown, true))
                    .collect(),
            },
            Section {
                heading: "Outcomes of the reference it does not produce".into(),
                items: g.grade.missing.iter().take(SHOWN).map(|e| item(how.describe(&e.outcome), reference, &e.shown, false)).collect(),
            },
        ];
        let name = g.file.display().to_string();
        let stem = g.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "submission".into());
        std::fs::write(dir.join(format!("{stem}.html")), page(&name, g.grade.score, g.grade.max, &g.grade.results, &sections))?;
    }
    Ok(())
}

/// The trace and diagnosis of the run `shown` names, as text.
fn evidence(prog: &sim::ir::Program, opts: &Options, shown: &Shown) -> String {
    let mut o = opts.clone();
    o.races = sim::options::RaceMode::Warn;
    let r = match shown {
        Shown::Token(t) => match sim::explore::search::replay(prog, &o, t, true) {
            Ok(r) => r,
            Err(e) => return format!("(cannot replay: {e})"),
        },
        Shown::Seed(s) => {
            o.seed = *s;
            o.strategy = sim::explore::StrategyKind::Random;
            let config = o.config();
            sim::explore::Runner::new(prog, &config).judging(&o).run(&mut *sim::explore::scheduler(&o), true)
        }
    };
    let trace = r.trace.as_deref().map(|t| sim::trace::to_text(t, &prog.sources)).unwrap_or_default();
    let diags = sim::report::diagnostics(prog, &r);
    format!("{trace}{}", sim::diag::render::to_text(&prog.sources, &diags, false))
}
