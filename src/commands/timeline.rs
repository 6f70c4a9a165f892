//! `--timeline FILE`: which drawing the file's extension asks for, and
//! writing it (the drawings are the library's `ipcsim::timeline`).

use crate::Status;
use ipcsim::timeline::{html, perfetto, svg, Timeline};
use sim::diag::Diagnostic;
use sim::explore::RunResult;
use sim::ir::Program;
use std::path::Path;

/// The drawings a timeline file can hold.
enum Form {
    Html,
    Svg,
    TraceEvents,
}

fn form(path: &Path) -> Option<Form> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" => Some(Form::Html),
        "svg" => Some(Form::Svg),
        "json" => Some(Form::TraceEvents),
        _ => None,
    }
}

/// Refuses, before anything runs, a timeline file whose extension names
/// no drawing (exit 2).
pub fn check(path: Option<&Path>) -> Result<(), Status> {
    match path {
        Some(p) if form(p).is_none() => {
            eprintln!("ipcsim: --timeline {}: the file must end in .html, .svg or .json (Chrome trace events)", p.display());
            Err(Status::Usage)
        }
        _ => Ok(()),
    }
}

/// Draws traced run `r` into `path`, in the form its extension names.
pub fn write(path: &Path, prog: &Program, r: &RunResult, title: &str, diags: &[Diagnostic], watch: &[String]) -> std::io::Result<()> {
    let mut t = Timeline::of(prog, r, title);
    if !watch.is_empty() {
        t.watch(prog, r, watch);
    }
    let text = match form(path) {
        Some(Form::Svg) => svg::render(&t, true),
        Some(Form::TraceEvents) => perfetto::render(&t).to_string(),
        Some(Form::Html) | None => {
            let diagnosis = sim::diag::render::to_text(&prog.sources, diags, false);
            // The trace of the steps drawn.
            let events = r.trace.as_deref().unwrap_or_default();
            let from = events.iter().position(|e| e.step >= t.first).unwrap_or(events.len());
            let trace = sim::trace::to_text(&events[from..], &prog.sources);
            html::page(&t, &diagnosis, &trace)
        }
    };
    std::fs::write(path, text)
}
