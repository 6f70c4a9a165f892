//! Rendering diagnostics: rich terminal text through codespan-reporting,
//! and versioned JSON. The data in [`super::Diagnostic`] is the contract;
//! both forms are derived from it.

use super::{Diagnostic, Severity};
use crate::source::SourceMap;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};

/// Renders diagnostics as text, with colour if asked.
pub fn to_text(sources: &SourceMap, diags: &[Diagnostic], color: bool) -> String {
    let mut files = SimpleFiles::new();
    for f in sources.files() {
        files.add(f.name.clone(), shown(&f.text));
    }
    let mut buf = if color { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
    let config = term::Config::default();
    for d in diags {
        // Rendering into a memory buffer cannot fail for valid spans; a
        // span past the end is clamped by codespan itself.
        let _ = term::emit(&mut buf, &config, &files, &to_codespan(d, sources));
    }
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}

/// A file's text as the excerpts show it: each control character but
/// tab and newline as `?` (one byte for one, so spans keep their places),
/// which gives its caret a column to stand under and keeps an escape
/// sequence in a hostile file from reaching the terminal.
fn shown(text: &str) -> String {
    text.chars().map(|c| if c.is_ascii_control() && c != '\t' && c != '\n' && c != '\r' { '?' } else { c }).collect()
}

fn to_codespan(d: &Diagnostic, sources: &SourceMap) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let labels = d
        .labels
        .iter()
        .filter(|l| (l.span.file as usize) < sources.files().len())
        .map(|l| {
            let style = if l.primary { cs::LabelStyle::Primary } else { cs::LabelStyle::Secondary };
            let len = sources.file(l.span.file).text.len();
            let lo = (l.span.lo as usize).min(len);
            let hi = (l.span.hi as usize).clamp(lo, len);
            cs::Label::new(style, l.span.file as usize, lo..hi).with_message(l.message.clone())
        })
        .collect();
    cs::Diagnostic::new(severity).with_code(d.code.as_str()).with_message(d.message.clone()).with_labels(labels).with_notes(d.notes.clone())
}

/// One diagnostic as a JSON value (part of every `--json` report).
pub fn to_json(sources: &SourceMap, d: &Diagnostic) -> serde_json::Value {
    let labels: Vec<_> = d
        .labels
        .iter()
        .map(|l| {
            let lc = sources.line_col(l.span.file, l.span.lo);
            serde_json::json!({
                "file": sources.file(l.span.file).name,
                "line": lc.line,
                "col": lc.col,
                "len": l.span.hi.saturating_sub(l.span.lo),
                "message": l.message,
                "primary": l.primary,
            })
        })
        .collect();
    serde_json::json!({
        "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Note => "note" },
        "code": d.code.as_str(),
        "code_summary": d.code.summary(),
        "message": d.message,
        "labels": labels,
        "notes": d.notes,
    })
}
