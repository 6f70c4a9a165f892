//! The trace in columns: one per process, one visible operation a row,
//! as Lincheck prints an interleaving. Who ran when reads off at a
//! glance; each cell is cut to fit the width.

use super::event::Event;
use super::render::describe_short;
use crate::source::SourceMap;

/// The step column's width.
const STEP: usize = 5;

/// The trace in columns fitting `width` characters.
pub fn to_columns(events: &[Event], sources: &SourceMap, width: usize) -> String {
    let mut pids: Vec<i32> = events.iter().map(|e| e.pid).collect();
    pids.sort_unstable();
    pids.dedup();
    let n = pids.len().max(1);
    let col = (width.saturating_sub(STEP + 1) / n).saturating_sub(3).max(8);
    let row = |cells: &[String]| {
        let body: Vec<String> = cells.iter().map(|c| format!("{:<col$}", cut(c, col))).collect();
        body.join(" | ").trim_end().to_string()
    };
    let mut out = String::new();
    let header: Vec<String> = pids.iter().map(|p| format!("process {p}")).collect();
    out.push_str(&format!("{:>STEP$} {}\n", "step", row(&header)));
    out.push_str(&format!("{} {}\n", "-".repeat(STEP), vec!["-".repeat(col); n].join("-+-")));
    for e in events {
        let k = pids.iter().position(|&p| p == e.pid).unwrap_or(0);
        let line = sources.line_col(e.span.file, e.span.lo).line;
        let mut cells = vec![String::new(); n];
        cells[k] = format!("{}  :{line}", describe_short(&e.what, sources));
        out.push_str(&format!("{:>STEP$} {}\n", e.step, row(&cells)));
    }
    out
}

/// At most `n` characters, the cut marked.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let kept: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{kept}\u{2026}")
    }
}
