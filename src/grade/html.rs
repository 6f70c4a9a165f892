//! A submission's grade as one self-contained HTML page (no network, no
//! script): the checks, then each unsafe outcome and finding with the
//! command that replays it and its counterexample's trace.

use super::CheckResult;
use crate::markup::esc;

/// One thing shown with its evidence.
pub struct Item {
    /// What it is, in one line.
    pub summary: String,
    /// The command that shows it again.
    pub command: String,
    /// The run's trace and diagnosis, as text (may be empty).
    pub evidence: String,
}

/// A titled list of items.
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// Its items.
    pub items: Vec<Item>,
}

/// The page.
pub fn page(submission: &str, score: u32, max: u32, results: &[CheckResult], sections: &[Section]) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!("<title>{}: {score}/{max}</title>", esc(submission)));
    h.push_str(
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}\
         table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\
         .ok{color:#176317}.fail{color:#a31515;font-weight:bold}pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:85%}\
         code{background:#f0f0f0;padding:0 .2em}td code{white-space:nowrap}</style></head><body>\n",
    );
    h.push_str(&format!("<h1>{}</h1>\n<p>Score: <strong>{score}/{max}</strong></p>\n", esc(submission)));
    h.push_str("<table><tr><th>check</th><th>points</th><th>result</th></tr>\n");
    for r in results {
        let (class, mark) = if r.passed { ("ok", "passed") } else { ("fail", "FAILED") };
        h.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{}/{}</td><td><span class=\"{class}\">{mark}</span> {}</td></tr>\n",
            esc(&r.id),
            r.score,
            r.max,
            esc(&r.output)
        ));
    }
    h.push_str("</table>\n");
    for s in sections.iter().filter(|s| !s.items.is_empty()) {
        h.push_str(&format!("<h2>{}</h2>\n", esc(&s.heading)));
        for it in &s.items {
            h.push_str(&format!("<h3>{}</h3>\n<p>Replay: <code>{}</code></p>\n", esc(&it.summary), esc(&it.command)));
            if !it.evidence.is_empty() {
                h.push_str(&format!("<pre>{}</pre>\n", esc(&it.evidence)));
            }
        }
    }
    h.push_str("</body></html>\n");
    h
}
