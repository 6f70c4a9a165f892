//! A timeline as SVG: lanes left to right by step, a mark per operation
//! (its text, place and source line as the mark's `<title>`, which a
//! browser shows on hover, and as a numbered label list under the
//! picture), arrows for happens-before edges, the strip of watched
//! values. No script, no external reference: it opens offline.

use super::{MarkKind, Timeline};
use crate::markup::esc;
use sim::trace::LaneState;
use std::fmt::Write;

/// Pixels per step.
const DX: f64 = 16.0;
/// Height of a lane.
const LANE: f64 = 36.0;
/// Width of the lane labels.
const LEFT: f64 = 124.0;
/// Above the lanes (the step ruler).
const TOP: f64 = 40.0;
/// Height of a strip row.
const ROW: f64 = 22.0;
/// Height of a label line.
const LABEL: f64 = 13.0;

/// The colour of a lane state, and its name in the legend.
pub fn state_style(s: LaneState) -> (&'static str, String) {
    match s {
        LaneState::Running => ("#7bc67b", "running".into()),
        LaneState::Ready => ("#d9ecd9", "ready".into()),
        LaneState::Blocked(on) => ("#f2b8b5", format!("blocked in {on}()")),
        LaneState::Spinning => ("#f5d76e", "spinning (parked)".into()),
        LaneState::Sleeping => ("#b9d3ee", "sleeping".into()),
        LaneState::Zombie => ("#c8c8c8", "zombie".into()),
    }
}

fn mark_colour(k: MarkKind) -> &'static str {
    match k {
        MarkKind::Call => "#555555",
        MarkKind::Load => "#1f5fbf",
        MarkKind::Store => "#d0661a",
        MarkKind::End => "#000000",
        MarkKind::Other => "#8a5cc2",
    }
}

/// The colour of an edge kind.
pub fn arrow_colour(kind: &str) -> &'static str {
    match kind {
        "fork" => "#2e7d32",
        "store \u{2192} load" => "#1f5fbf",
        "pipe write \u{2192} read" => "#6a1b9a",
        "sem_post \u{2192} sem_wait" => "#c2185b",
        "signal \u{2192} handler" => "#ef6c00",
        "send \u{2192} receive" => "#00838f",
        _ => "#444444",
    }
}

/// The SVG document (with its XML declaration when `standalone`).
pub fn render(t: &Timeline, standalone: bool) -> String {
    let lane_y = |pid: i32| TOP + t.pids.iter().position(|&p| p == pid).unwrap_or(0) as f64 * LANE + LANE / 2.0;
    let x = |step: u64| LEFT + step.saturating_sub(t.first) as f64 * DX + DX / 2.0;
    let width = LEFT + (t.last + 1 - t.first) as f64 * DX + 40.0;
    let lanes_bottom = TOP + t.pids.len() as f64 * LANE;
    let strip_top = lanes_bottom + 24.0;
    let labels_top = strip_top + t.watched.len() as f64 * ROW + 24.0;
    let height = labels_top + t.marks.len() as f64 * LABEL + 20.0;
    let mut s = String::new();
    if standalone {
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"{w:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {w:.0} {height:.0}\" font-family=\"monospace\" font-size=\"11\">",
        w = width.max(480.0)
    );
    let _ = writeln!(s, "<title>{}</title>", esc(&t.title));
    s.push_str("<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n");
    // The step ruler.
    if t.first > 1 {
        let _ = writeln!(
            s,
            "<text class=\"omitted\" x=\"8\" y=\"{}\" fill=\"#777\">steps 1\u{2013}{} not drawn</text>",
            TOP - 22.0,
            t.first - 1
        );
    }
    for step in (t.first..=t.last).filter(|k| k % 5 == 0 || *k == t.first) {
        let _ = writeln!(s, "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#777\">{step}</text>", x(step), TOP - 8.0);
    }
    // Lanes.
    s.push_str("<g class=\"lanes\">\n");
    for (k, pid) in t.pids.iter().enumerate() {
        let y = TOP + k as f64 * LANE;
        let _ = writeln!(s, "<text class=\"lane-label\" x=\"8\" y=\"{:.1}\" font-size=\"13\">process {pid}</text>", y + LANE / 2.0 + 4.0);
        let _ = writeln!(s, "<line x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/>", y + LANE, width, y + LANE);
    }
    for sp in &t.spans {
        let (fill, name) = state_style(sp.state);
        let y = lane_y(sp.pid) - LANE / 2.0 + 6.0;
        let _ = writeln!(
            s,
            "<rect class=\"state\" data-pid=\"{}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"><title>process {}: {} (steps {}\u{2013}{})</title></rect>",
            sp.pid,
            x(sp.from) - DX / 2.0,
            (sp.to - sp.from) as f64 * DX,
            LANE - 12.0,
            sp.pid,
            esc(&name),
            sp.from,
            sp.to - 1
        );
    }
    s.push_str("</g>\n");
    // Preemptions: a dashed line down the lanes before the step.
    for &(step, from, by) in &t.preemptions {
        let px = x(step) - DX / 2.0;
        let _ = writeln!(
            s,
            "<line class=\"preemption\" x1=\"{px:.1}\" y1=\"{:.1}\" x2=\"{px:.1}\" y2=\"{lanes_bottom:.1}\" stroke=\"#b00\" stroke-dasharray=\"3 3\"><title>preemption: {from} could go on; {by} runs instead (step {step})</title></line>",
            TOP - 4.0
        );
    }
    // Arrows between lanes.
    s.push_str("<g class=\"edges\">\n");
    for a in &t.arrows {
        let _ = writeln!(
            s,
            "<line class=\"edge\" data-kind=\"{}\" x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"1.3\" marker-end=\"url(#head)\"><title>{}: step {} ({}) \u{2192} step {} ({})</title></line>",
            esc(a.kind),
            x(a.from.0),
            lane_y(a.from.1),
            x(a.to.0),
            lane_y(a.to.1),
            arrow_colour(a.kind),
            esc(a.kind),
            a.from.0,
            a.from.1,
            a.to.0,
            a.to.1
        );
    }
    s.push_str("</g>\n<g class=\"marks\">\n");
    for m in &t.marks {
        let (cx, cy) = (x(m.step), lane_y(m.pid));
        if m.highlighted {
            let _ = writeln!(
                s,
                "<circle class=\"highlight\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"8\" fill=\"none\" stroke=\"#e00\" stroke-width=\"2.5\"/>"
            );
        }
        let _ = writeln!(
            s,
            "<circle class=\"op\" data-step=\"{}\" cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"4.5\" fill=\"{}\"><title>step {} \u{b7} {} \u{b7} {}\n{}  @ {}</title></circle>",
            m.step,
            mark_colour(m.kind),
            m.step,
            m.pid,
            esc(&m.text),
            esc(&m.source),
            esc(&m.place)
        );
    }
    s.push_str("</g>\n");
    if let Some(f) = &t.failure {
        let fx = x(f.step) + DX / 2.0;
        let _ = writeln!(
            s,
            "<g class=\"failure\"><line x1=\"{fx:.1}\" y1=\"{:.1}\" x2=\"{fx:.1}\" y2=\"{lanes_bottom:.1}\" stroke=\"#e00\" stroke-width=\"3\"/>",
            TOP - 4.0
        );
        for pid in &f.pids {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#e00\" font-size=\"16\" font-weight=\"bold\">\u{2716}</text>",
                fx + 3.0,
                lane_y(*pid) + 5.0
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#e00\" text-anchor=\"end\" font-weight=\"bold\">{}</text></g>",
            fx - 4.0,
            TOP - 20.0,
            esc(&f.text)
        );
    }
    // The strip of watched values.
    if !t.watched.is_empty() {
        let _ = writeln!(s, "<g class=\"watched\"><text x=\"8\" y=\"{:.1}\" fill=\"#555\">shared memory</text>", strip_top - 8.0);
        for (k, w) in t.watched.iter().enumerate() {
            let y = strip_top + k as f64 * ROW;
            let _ = writeln!(
                s,
                "<text x=\"8\" y=\"{:.1}\" font-size=\"10\"><title>{}</title>{}</text>",
                y + 14.0,
                esc(&w.name),
                esc(&short(&w.label, 18))
            );
            for (j, (step, v)) in w.values.iter().enumerate() {
                let until = w.values.get(j + 1).map_or(t.last + 1, |n| n.0);
                let _ = writeln!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fff8e1\" stroke=\"#d0a040\"><title>{} = {} from step {}</title></rect><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    x(*step) - DX / 2.0,
                    y + 2.0,
                    (until - step) as f64 * DX,
                    ROW - 4.0,
                    esc(&w.name),
                    esc(v),
                    step,
                    x(*step) - DX / 2.0 + 2.0,
                    y + 15.0,
                    esc(v)
                );
            }
        }
        s.push_str("</g>\n");
    }
    // Every operation as a label, in step order.
    s.push_str("<g class=\"labels\" font-size=\"10\">\n");
    for (k, m) in t.marks.iter().enumerate() {
        let colour = if m.highlighted { "#e00" } else { "#333" };
        let _ = writeln!(
            s,
            "<text x=\"8\" y=\"{:.1}\" fill=\"{colour}\">{:>4}  {}  {}  @ {}</text>",
            labels_top + k as f64 * LABEL,
            m.step,
            m.pid,
            esc(&m.text),
            esc(&m.place)
        );
    }
    s.push_str("</g>\n</svg>\n");
    s
}

/// At most `n` characters.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n - 1).collect();
        format!("{cut}\u{2026}")
    }
}
