//! `ipcsim step`: be the scheduler. A plain, line-by-line session (it
//! works over ssh, in a pipe and with a screen reader): at each choice
//! it shows every process's next operation and source line, who waits
//! where, the shared memory and the kernel objects; the user picks who
//! runs next, undoes, jumps back, and saves the schedule as a token that
//! `replay` reproduces. With `--goal`, it says when the goal is reached.

use super::{load, options, replay_command};
use crate::cli::{StepArgs, TimeArg};
use crate::Status;
use ipcsim::explain::{self, Pattern};
use sim::explore::stepper::{CannotRun, Stepper};
use sim::explore::token;
use sim::ir::Program;
use std::io::{BufRead, Write};

/// What the session is trying to reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// Any failure.
    Failure,
    /// Every process blocked.
    Deadlock,
    /// A lost update (the explanation's pattern).
    LostUpdate,
    /// Standard output containing this text.
    Output(String),
}

impl std::str::FromStr for Goal {
    type Err = String;
    fn from_str(s: &str) -> Result<Goal, String> {
        match s {
            "failure" => Ok(Goal::Failure),
            "deadlock" => Ok(Goal::Deadlock),
            "lost-update" => Ok(Goal::LostUpdate),
            _ => match s.strip_prefix("output:") {
                Some(t) if !t.is_empty() => Ok(Goal::Output(t.replace("\\n", "\n"))),
                _ => Err(format!("`{s}` is not a goal: failure, deadlock, lost-update, or output:TEXT")),
            },
        }
    }
}

pub fn step(a: StepArgs) -> Status {
    let prog = match load(&a.file, false, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, None, TimeArg::Strict);
    let config = opts.config();
    let plan = match &a.token {
        Some(t) => match token::decode(t, token::binding(&prog, &config)) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("ipcsim: cannot use the token: {e}");
                return Status::Usage;
            }
        },
        None => Vec::new(),
    };
    let mut s = Stepper::new(&prog, &config);
    let mut out = std::io::stdout().lock();
    let mut shown = 0;
    let _ = writeln!(out, "ipcsim step: you are the scheduler of {} (type a pid to run it; h for help)", a.file.display());
    let input = std::io::stdin().lock();
    let mut lines = input.lines();
    // On a terminal (unless --plain) each choice redraws the screen: the
    // last steps, then the choice; elsewhere everything is appended.
    let screen = !a.plain && std::io::IsTerminal::is_terminal(&std::io::stdout());
    loop {
        if screen {
            let _ = writeln!(out, "\x1b[2J\x1b[H{} \u{2014} choice {}", a.file.display(), s.chosen().len() + 1);
            shown = s.events().len().saturating_sub(SCREEN_STEPS);
        }
        shown = show_new(&mut out, &prog, &s, shown);
        if let Some(g) = &a.goal {
            if let Some(why) = reached(&prog, &s, g) {
                let _ = writeln!(out, "goal reached: {why}");
                let _ = writeln!(out, "token: {}", s.token());
                let _ = writeln!(out, "replay: {}", replay_command(&a.file, &opts, &s.token()));
                return Status::Clean;
            }
        }
        if let Some(end) = s.end() {
            let _ = writeln!(out, "the run ended: {}", end.name());
            if let Some(f) = s.failure() {
                let _ = writeln!(out, "failure: {f}");
            }
            let _ = writeln!(out, "token: {}", s.token());
        } else {
            show_choices(&mut out, &prog, &s);
        }
        let _ = write!(out, "> ");
        let _ = out.flush();
        let Some(Ok(line)) = lines.next() else {
            let _ = writeln!(out, "\ntoken: {}", s.token());
            return if a.goal.is_some() { Status::Failure } else { Status::Clean };
        };
        match command(line.trim(), &prog, &config, &mut s, &plan, &mut shown) {
            Ok(Some(msg)) => {
                let _ = writeln!(out, "{msg}");
            }
            Ok(None) => {}
            Err(Quit) => {
                let _ = writeln!(out, "token: {}", s.token());
                return Status::Clean;
            }
        }
    }
}

/// Steps shown above the choice when the screen is redrawn.
const SCREEN_STEPS: usize = 15;

/// The user asked to stop.
struct Quit;

const HELP: &str =
    "commands: PID (or run PID): that process takes the next step; f PID (flush PID): the oldest store in that process's store buffer reaches memory (--memory tso); \
#N: the N-th move listed (a stale load, an injected fault); n (next): the token's next choice, else the first move listed; \
u (undo): take back the last choice; j N (jump N): back to after the N-th choice; t (token): the token of the schedule so far; \
s (show): the processes and objects again; q (quit)";

fn command<'a>(
    line: &str,
    prog: &'a Program,
    config: &'a sim::kernel::Config,
    s: &mut Stepper<'a>,
    plan: &[u32],
    shown: &mut usize,
) -> Result<Option<String>, Quit> {
    let mut words = line.split_whitespace();
    let (verb, arg) = (words.next().unwrap_or(""), words.next());
    let pid = |w: &str| w.parse::<i32>().ok();
    let msg = match (verb, arg) {
        ("q" | "quit" | "exit", _) => return Err(Quit),
        ("h" | "help" | "?", _) | ("", _) => HELP.to_string(),
        ("t" | "token", _) => format!("token: {}", s.token()),
        ("s" | "show", _) => {
            *shown = 0;
            return Ok(None);
        }
        ("u" | "undo", _) => match s.chosen().split_last() {
            None => "nothing to undo".into(),
            Some((_, rest)) => {
                let rest = rest.to_vec();
                *s = Stepper::replaying(prog, config, &rest).unwrap_or_else(|_| Stepper::new(prog, config));
                *shown = 0;
                format!("undone: back to choice {}", rest.len())
            }
        },
        ("j" | "jump", Some(n)) => match n.parse::<usize>() {
            Ok(n) if n <= s.chosen().len() => {
                let keep = s.chosen()[..n].to_vec();
                *s = Stepper::replaying(prog, config, &keep).unwrap_or_else(|_| Stepper::new(prog, config));
                *shown = 0;
                format!("back to after choice {n}")
            }
            _ => format!("jump takes a number of choices from 0 to {}", s.chosen().len()),
        },
        ("n" | "next", _) => {
            let k = plan.get(s.chosen().len()).copied().unwrap_or(0) as usize;
            if s.choose_index(k).is_ok() || s.choose_index(0).is_ok() {
                return Ok(None);
            }
            "the run has ended".into()
        }
        ("r" | "run", Some(w)) | (w, None) if pid(w).is_some() => return take(s, w),
        ("f" | "flush", Some(w)) if pid(w).is_some() => return take(s, &format!("f{w}")),
        (w, None) if w.starts_with(['f', '#']) => return take(s, w),
        _ => format!("not a command: `{line}` ({HELP})"),
    };
    Ok(Some(msg))
}

/// Makes the move the user typed (a pid, `f` and a pid, `#` and a number).
fn take(s: &mut Stepper, label: &str) -> Result<Option<String>, Quit> {
    Ok(match s.choose_label(label) {
        Ok(()) => None,
        Err(CannotRun::Ended) => Some("the run has ended (u to undo, q to quit)".into()),
        Err(CannotRun::NotReady(_)) if label.starts_with(['f', '#']) => {
            Some(format!("{label} is not a move that can be made now: choose one of {}", labels(s)))
        }
        Err(CannotRun::NotReady(_)) => Some(format!("process {label} cannot take the next step now: choose one of {}", labels(s))),
    })
}

fn labels(s: &Stepper) -> String {
    s.choices().iter().map(|c| c.label.clone()).collect::<Vec<_>>().join(", ")
}

/// Prints the steps taken since the last `shown` events.
fn show_new(out: &mut impl Write, prog: &Program, s: &Stepper, shown: usize) -> usize {
    let events = s.events();
    if shown < events.len() {
        let _ = write!(out, "{}", sim::trace::to_text(&events[shown..], &prog.sources));
    }
    events.len()
}

/// The choice: each ready process's next operation and line, who waits
/// where, the shared memory and the objects.
fn show_choices(out: &mut impl Write, prog: &Program, s: &Stepper) {
    let line = |span: sim::source::Span| {
        let lc = prog.sources.line_col(span.file, span.lo);
        format!("line {}: {}", lc.line, prog.sources.line_text(span.file, lc.line).trim())
    };
    let _ = writeln!(out, "choice {}: who runs next?", s.chosen().len() + 1);
    for c in s.choices() {
        let _ = writeln!(out, "  [{}] {}    ({})", c.label, c.next, line(c.span));
    }
    for (pid, state, span) in s.waiting() {
        let (_, name) = ipcsim::timeline::svg::state_style(state);
        let _ = writeln!(out, "   {pid}  {name}    ({})", line(span));
    }
    for (name, value) in memory(prog, s) {
        let _ = writeln!(out, "  shared: {name} = {value}");
    }
    for l in s.objects() {
        let _ = writeln!(out, "  {l}");
    }
}

/// The shared locations the run has touched, with their last value.
fn memory(prog: &Program, s: &Stepper) -> Vec<(String, String)> {
    let mut seen: Vec<((u32, u64), String, String)> = Vec::new();
    for e in s.events() {
        let (at, value) = match &e.what {
            sim::trace::What::Load { at, value, ty, .. }
            | sim::trace::What::Store { at, value, ty }
            | sim::trace::What::Flush { at, value, ty } => (at, sim::trace::show_value(*ty, *value)),
            _ => continue,
        };
        let name = sim::trace::describe_loc(at, &prog.sources);
        match seen.iter_mut().find(|x| x.0 == (at.obj, at.off)) {
            Some(x) => x.2 = value,
            None => seen.push(((at.obj, at.off), name, value)),
        }
    }
    seen.into_iter().map(|(_, n, v)| (n, v)).collect()
}

/// Why the goal is reached, if it is.
fn reached(prog: &Program, s: &Stepper, g: &Goal) -> Option<String> {
    match g {
        Goal::Failure => s.failure().map(|f| f.to_string()),
        Goal::Deadlock => matches!(s.end(), Some(sim::check::End::Deadlock { .. })).then(|| "every live process is blocked".to_string()),
        Goal::LostUpdate => explain::in_events(prog, s.events()).into_iter().find(|e| e.pattern == Pattern::LostUpdate).map(|e| e.text),
        Goal::Output(t) => {
            let printed = String::from_utf8_lossy(&s.output()).into_owned();
            printed.contains(t.as_str()).then(|| format!("the output contains {t:?}"))
        }
    }
}
