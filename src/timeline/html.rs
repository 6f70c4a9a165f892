//! A timeline as one self-contained HTML page: the explanation, a
//! legend, the SVG inline (hovering a mark shows its C expression, values
//! and source line: SVG `<title>`s, no script), then the diagnosis and
//! the text trace. Nothing is fetched: it works offline in a classroom.

use super::svg::{arrow_colour, render, state_style};
use super::Timeline;
use crate::markup::esc;
use sim::trace::LaneState;

/// The page; `diagnosis` and `trace` are the run's text forms.
pub fn page(t: &Timeline, diagnosis: &str, trace: &str) -> String {
    let mut h = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!("<title>{}</title>", esc(&t.title)));
    h.push_str(
        "<style>body{font-family:sans-serif;margin:1.5em}h1{font-size:1.3em}.explain{background:#fff3f3;border-left:4px solid #e00;padding:.5em 1em}\
         .legend span{display:inline-block;margin-right:1.2em}.swatch{display:inline-block;width:1.2em;height:.8em;margin-right:.3em;vertical-align:middle}\
         .chart{overflow-x:auto;border:1px solid #ddd;padding:.5em}pre{background:#f6f6f6;padding:.6em;overflow-x:auto;font-size:85%}</style></head><body>\n",
    );
    h.push_str(&format!("<h1>{}</h1>\n", esc(&t.title)));
    if let Some(f) = &t.failure {
        h.push_str(&format!("<p class=\"failure-text\"><strong>Failure:</strong> {} (step {})</p>\n", esc(&f.text), f.step));
    }
    if !t.explanation.is_empty() {
        h.push_str("<div class=\"explain\">");
        for line in &t.explanation {
            h.push_str(&format!("<p>{}</p>", esc(line)));
        }
        h.push_str("</div>\n");
    }
    h.push_str("<p class=\"legend\">");
    let states =
        [LaneState::Running, LaneState::Ready, LaneState::Blocked("a call"), LaneState::Spinning, LaneState::Sleeping, LaneState::Zombie];
    for s in states {
        let (fill, name) = state_style(s);
        h.push_str(&format!("<span><i class=\"swatch\" style=\"background:{fill}\"></i>{}</span>", esc(&name)));
    }
    for kind in [
        "fork",
        "exit \u{2192} wait",
        "pipe write \u{2192} read",
        "sem_post \u{2192} sem_wait",
        "signal \u{2192} handler",
        "send \u{2192} receive",
        "store \u{2192} load",
    ] {
        h.push_str(&format!("<span><i class=\"swatch\" style=\"background:{}\"></i>{}</span>", arrow_colour(kind), esc(kind)));
    }
    h.push_str("<span><i class=\"swatch\" style=\"border-left:2px dashed #b00\"></i>preemption</span><span style=\"color:#e00\">\u{25ef} race or key step</span></p>\n");
    h.push_str("<div class=\"chart\">\n");
    h.push_str(&render(t, false));
    h.push_str("</div>\n");
    if !diagnosis.trim().is_empty() {
        h.push_str(&format!("<h2>Diagnosis</h2>\n<pre>{}</pre>\n", esc(diagnosis)));
    }
    h.push_str(&format!("<h2>Trace</h2>\n<pre>{}</pre>\n</body></html>\n", esc(trace)));
    h
}
