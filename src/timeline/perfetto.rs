//! A timeline in the Chrome trace-event format (JSON object form), which
//! ui.perfetto.dev and chrome://tracing open: each process a track
//! (`process_name` metadata), each operation a complete slice (`ph: X`)
//! one step long, each lane state a slice on a second track of the
//! process, each happens-before edge a flow (`ph: s` then `ph: f`). One
//! step is drawn as one microsecond: the virtual clock of a run is
//! mostly zero, the order of steps is what matters.

use super::svg::state_style;
use super::Timeline;
use serde_json::{json, Value};

/// Thread ids within a process's track.
const OPS: i32 = 1;
const STATES: i32 = 2;

/// The trace-event document.
pub fn render(t: &Timeline) -> Value {
    let mut ev: Vec<Value> = Vec::new();
    for pid in &t.pids {
        ev.push(json!({ "name": "process_name", "ph": "M", "pid": pid, "tid": OPS, "args": { "name": format!("process {pid}") } }));
        ev.push(json!({ "name": "thread_name", "ph": "M", "pid": pid, "tid": OPS, "args": { "name": "operations" } }));
        ev.push(json!({ "name": "thread_name", "ph": "M", "pid": pid, "tid": STATES, "args": { "name": "state" } }));
    }
    for m in &t.marks {
        ev.push(json!({
            "name": m.text, "cat": "op", "ph": "X", "ts": m.step, "dur": 1, "pid": m.pid, "tid": OPS,
            "args": { "step": m.step, "at": m.place, "source": m.source, "highlighted": m.highlighted },
        }));
    }
    for s in &t.spans {
        ev.push(json!({ "name": state_style(s.state).1, "cat": "state", "ph": "X", "ts": s.from, "dur": s.to - s.from, "pid": s.pid, "tid": STATES }));
    }
    for (id, a) in t.arrows.iter().enumerate() {
        ev.push(json!({ "name": a.kind, "cat": "happens-before", "ph": "s", "id": id, "ts": a.from.0, "pid": a.from.1, "tid": OPS }));
        ev.push(
            json!({ "name": a.kind, "cat": "happens-before", "ph": "f", "bp": "e", "id": id, "ts": a.to.0, "pid": a.to.1, "tid": OPS }),
        );
    }
    for &(step, from, by) in &t.preemptions {
        ev.push(json!({ "name": format!("preempted: {by} runs instead"), "cat": "preemption", "ph": "i", "s": "p", "ts": step, "pid": from, "tid": OPS }));
    }
    if let Some(f) = &t.failure {
        for pid in &f.pids {
            ev.push(json!({ "name": f.text, "cat": "failure", "ph": "i", "s": "p", "ts": f.step, "pid": pid, "tid": OPS }));
        }
    }
    json!({ "traceEvents": ev, "displayTimeUnit": "ms", "otherData": { "title": t.title, "unit": "one step is drawn as 1 us" } })
}
