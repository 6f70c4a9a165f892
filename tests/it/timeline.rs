//! Timelines (`--timeline FILE.html|.svg|.json`), the trace in columns,
//! and the explanations in plain words, on scenarios that show each.
//! Pinned to sequential consistency: the runs they draw were chosen
//! under it (the reordering reports have their tests in memory.rs).

use crate::browser::{chromium, needs, ocr};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ipcsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).args(["--memory", "sc"]).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory, removed at the end.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("ipcsim-test-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `command scenario --timeline out`: the run drawn into `out`.
fn draw(command: &str, scenario: &str, out: &Path) {
    let o = ipcsim(&[command, scenario, "--timeline", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
    assert!(stderr(&o).contains("timeline written to"), "{}", stderr(&o));
}

/// The four runs the issue names, each drawn as a page and opened in
/// headless Chromium: the rendered DOM has a lane per process, the
/// happens-before edges and (for the failing three) the failure mark;
/// the two-producer race's screenshot shows its lanes and failure.
#[test]
fn timelines_render_in_a_browser_with_lanes_edges_and_the_failure() {
    if !needs("chromium") || !needs("tesseract") {
        return;
    }
    let dir = Scratch::new("timeline-browser");
    let cases = [
        ("explore", "scenarios/bounded_buffer_two_producers.c", 3, true, "store \u{2192} load"),
        ("explore", "scenarios/forgotten_close.c", 2, true, "fork"),
        ("explore", "scenarios/pipe_mutual_deadlock.c", 2, true, "fork"),
        ("run", "scenarios/semaphore_bounded_buffer.c", 4, false, "sem_post \u{2192} sem_wait"),
    ];
    for (k, (command, scenario, lanes, fails, edge)) in cases.into_iter().enumerate() {
        let page = dir.0.join(format!("t{k}.html"));
        draw(command, scenario, &page);
        let dom = String::from_utf8_lossy(&chromium(&page, &dir.0.join("profile"), None, "1200,900").stdout).into_owned();
        assert_eq!(dom.matches("class=\"lane-label\"").count(), lanes, "{scenario}: lanes");
        assert!(dom.contains(&format!("class=\"edge\" data-kind=\"{edge}\"")), "{scenario}: a {edge} edge");
        assert_eq!(dom.contains("class=\"failure\""), fails, "{scenario}: the failure mark");
        // Self-contained: nothing fetched, no script (the SVG namespace is
        // a name, not a fetch).
        assert!(
            !dom.contains("<script") && !dom.contains("src=\"http") && !dom.contains("href=\"http") && !dom.contains("url(http"),
            "self-contained"
        );
    }
    // Each screenshot compared loosely: a picture (not a blank page)
    // whose text has the lanes and, for the failing runs, the failure and
    // its explanation.
    let expect: [&[&str]; 4] = [
        &["process 1001", "process 1002", "Failure", "Lost update"],
        &["process 1001", "Failure", "Forgotten close"],
        &["process 1001", "Failure", "Deadlock cycle"],
        &["process 1001", "process 1003", "running"],
    ];
    for (k, seen) in expect.iter().enumerate() {
        let shot = dir.0.join(format!("t{k}.png"));
        chromium(&dir.0.join(format!("t{k}.html")), &dir.0.join("profile"), Some(&shot), "1200,700");
        assert!(std::fs::metadata(&shot).unwrap().len() > 20_000, "t{k}: a blank screenshot");
        let text = ocr(&shot);
        for s in seen.iter() {
            assert!(text.contains(s), "t{k}: the screenshot does not show {s:?}; OCR read:\n{text}");
        }
    }
}

/// The SVG is well-formed XML: an `<svg>` root, a mark per visible
/// operation with its text as a `<title>`, the failure drawn.
#[test]
fn the_svg_timeline_is_well_formed_xml_with_a_mark_per_operation() {
    let dir = Scratch::new("timeline-svg");
    let out = dir.0.join("race.svg");
    draw("explore", "scenarios/bounded_buffer_two_producers.c", &out);
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    let marks: Vec<_> = doc.descendants().filter(|n| n.attribute("class") == Some("op")).collect();
    let steps: std::collections::BTreeSet<&str> = marks.iter().filter_map(|m| m.attribute("data-step")).collect();
    assert!(marks.len() >= 30 && steps.len() == marks.len(), "one mark per visible operation of the shrunk run: {}", marks.len());
    let title = marks[9].children().find(|c| c.tag_name().name() == "title").and_then(|t| t.text()).unwrap();
    assert!(title.contains("store i32 s->buffer[s->in]") && title.contains("bounded_buffer_two_producers.c:26"), "{title}");
    assert!(doc.descendants().any(|n| n.attribute("class") == Some("failure")));
    assert!(doc.descendants().any(|n| n.attribute("class") == Some("preemption")));
    assert!(doc.descendants().filter(|n| n.attribute("class") == Some("highlight")).count() >= 4, "the lost update's steps ringed");
}

/// The trace-event JSON has the format's documented fields: every event
/// a name, a phase, pid and tid; slices a timestamp and duration; flows
/// an id, the finishing one bound to its enclosing slice.
#[test]
fn the_trace_event_json_has_the_documented_fields() {
    let dir = Scratch::new("timeline-json");
    let out = dir.0.join("race.json");
    draw("explore", "scenarios/bounded_buffer_two_producers.c", &out);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let events = v["traceEvents"].as_array().unwrap();
    let phase = |p: &'static str| events.iter().filter(move |e| e["ph"] == p);
    for e in events {
        assert!(e["name"].is_string() && e["ph"].is_string() && e["pid"].is_i64() && e["tid"].is_i64(), "{e}");
    }
    assert_eq!(phase("M").filter(|e| e["name"] == "process_name").count(), 3);
    assert!(phase("X").count() >= 37);
    for e in phase("X") {
        assert!(e["ts"].is_u64() && e["dur"].is_u64(), "{e}");
    }
    let (starts, ends) = (phase("s").count(), phase("f").count());
    assert!(starts > 0 && starts == ends, "flows come in pairs");
    for e in phase("f") {
        assert!(e["id"].is_u64() && e["bp"] == "e", "{e}");
    }
}

/// `--trace-format columns`: one column per process, every line within
/// the width asked for.
#[test]
fn the_trace_in_columns_has_a_column_per_process_within_the_width() {
    let o = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["explore", "scenarios/bounded_buffer_two_producers.c", "--trace-format", "columns", "--memory", "sc"])
        .env("COLUMNS", "90")
        .output()
        .unwrap();
    let err = stderr(&o);
    let header = err.lines().find(|l| l.trim_start().starts_with("step ")).expect("a header");
    assert!(header.contains("process 1001") && header.contains("process 1002"), "{header}");
    let rows: Vec<&str> = err
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("step "))
        .take_while(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == 's'))
        .collect();
    assert!(rows.len() > 30, "{rows:#?}");
    assert!(rows.iter().all(|l| l.chars().count() <= 90), "{rows:#?}");
    // A producer's store sits in its own (second) column.
    let store = rows.iter().find(|l| l.trim_start().starts_with("10 ")).unwrap();
    assert!(store.split(" | ").nth(1).is_some_and(|c| c.contains("store s->buffer")), "{store}");
}

#[test]
fn a_timeline_file_of_another_kind_is_refused_before_anything_runs() {
    let o = ipcsim(&["run", "scenarios/lost_update.c", "--timeline", "out.png"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".html, .svg or .json"), "{}", stderr(&o));
    assert!(!Path::new("out.png").exists());
}

/// The explanation `explore` prints above a failing run's trace.
fn explained(args: &[&str]) -> String {
    stderr(&ipcsim(args)).lines().filter(|l| l.starts_with("ipcsim: ") && l.contains(": ")).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_lost_update_is_explained_with_both_reads_and_writes() {
    let text = explained(&["explore", "scenarios/bounded_buffer_two_producers.c"]);
    assert!(
        text.contains("Lost update: 1001 and 1002 both read `s->in` = 1 (lines 26, 27) before either wrote it back (lines 27, 27)"),
        "{text}"
    );
    let text = explained(&["explore", "scenarios/lost_update.c"]);
    assert!(text.contains("Lost update:") && text.contains("both read"), "{text}");
}

#[test]
fn a_deadlock_cycle_is_explained_round_the_cycle() {
    let text = explained(&["explore", "scenarios/pipe_mutual_deadlock.c"]);
    assert!(
        text.contains("Deadlock cycle: 1000 waits for pipe#1 written by 1001 (line 21); 1001 waits for pipe#0 written by 1000"),
        "{text}"
    );
    assert!(!text.contains("Forgotten close"), "each waits for the other's data, not for end-of-file: {text}");
}

#[test]
fn a_forgotten_close_is_explained_with_who_holds_the_write_end() {
    let text = explained(&["explore", "scenarios/forgotten_close.c"]);
    assert!(text.contains("Forgotten close: process 1001 waits in read(fd 3)") && text.contains("process 1000 (fd 4)"), "{text}");
}

#[test]
fn a_busy_wait_nobody_releases_is_explained() {
    let text = explained(&["explore", "scenarios/bounded_buffer_two_producers.c"]);
    assert!(text.contains("Busy-wait nobody will release: process 1000 spins at line 31"), "{text}");
}

/// A message lost to a full queue, which the receiver then waits for in
/// vain; and a run that went right is not explained (the scenario's own
/// refused send is part of what it shows).
#[test]
fn a_message_lost_to_a_full_non_blocking_queue_is_explained() {
    let dir = Scratch::new("lost-message");
    let file = dir.0.join("lost.c");
    std::fs::write(
        &file,
        "#include <fcntl.h>\n#include <mqueue.h>\n#include <sys/wait.h>\n#include <unistd.h>\n\
         int main(void) {\n    struct mq_attr attr = {0, 1, 16, 0};\n\
         \x20   mqd_t q = mq_open(\"/lost\", O_CREAT | O_RDWR | O_NONBLOCK, 0600, &attr);\n    mq_unlink(\"/lost\");\n\
         \x20   mq_send(q, \"one\", 3, 0);\n    mq_send(q, \"two\", 3, 0);\n\
         \x20   if (fork() == 0) {\n        char buf[16];\n        struct mq_attr a = {0, 1, 16, 0};\n        mq_setattr(q, &a, NULL);\n\
         \x20       mq_receive(q, buf, 16, NULL);\n        mq_receive(q, buf, 16, NULL);\n        return 0;\n    }\n    wait(NULL);\n    return 0;\n}\n",
    )
    .unwrap();
    let text = explained(&["explore", file.to_str().unwrap()]);
    assert!(text.contains("Lost message: process 1000's non-blocking send at line 10") && text.contains("EAGAIN"), "{text}");
    let text = explained(&["run", "scenarios/mq_nonblocking_full.c", "--trace"]);
    assert!(!text.contains("Lost message"), "{text}");
}

#[test]
fn an_atomicity_violation_is_explained_check_then_use() {
    let text = explained(&["explore", "scenarios/check_then_use.c"]);
    assert!(
        text.contains("Atomicity violation: process 1001 read `s->divisor` = 5 at line 21 and again at line 22")
            && text.contains("process 1000 wrote 0 to it at line 25"),
        "{text}"
    );
    assert!(!text.contains("Order violation"), "{text}");
}

#[test]
fn an_order_violation_is_explained_read_before_write() {
    let dir = Scratch::new("order");
    let file = dir.0.join("order.c");
    std::fs::write(
        &file,
        "#include <assert.h>\n#include <sys/mman.h>\n#include <sys/wait.h>\n#include <unistd.h>\n\
         int main(void) {\n    int *data = mmap(NULL, 4, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n\
         \x20   if (fork() == 0) {\n        assert(*data == 42);\n        return 0;\n    }\n    *data = 42;\n    int st;\n    wait(&st);\n\
         \x20   return WIFSIGNALED(st);\n}\n",
    )
    .unwrap();
    let text = explained(&["explore", file.to_str().unwrap()]);
    assert!(
        text.contains("Order violation: process 1001 read `")
            && text.contains("at line 8")
            && text.contains("before process 1000 wrote it at line 11"),
        "{text}"
    );
}

/// A handler is joined to the step that sent its signal: SIGCHLD's
/// handler to the child's exit, and a `kill`'s handler to the `kill`.
#[test]
fn a_signal_handler_is_joined_to_what_sent_the_signal() {
    let dir = Scratch::new("timeline-signal");
    let out = dir.0.join("sig.svg");
    draw("run", "scenarios/sigchld_reaper.c", &out);
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let edge = doc.descendants().find(|n| n.attribute("data-kind") == Some("signal \u{2192} handler")).expect("a signal edge");
    let title = edge.children().find_map(|c| c.text()).unwrap();
    assert!(title.starts_with("signal \u{2192} handler: step 4 (1001)"), "from the child's exit: {title}");
    let out = dir.0.join("kill.svg");
    draw("run", "tests/diff/198_sigsuspend_ping_pong.c", &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.matches("data-kind=\"signal \u{2192} handler\"").count() >= 4, "each kill joined to its handler");
}

/// A message's receive is joined to its send: queues, mailboxes, links
/// and sockets (a pipe keeps its own kind of edge).
#[test]
fn each_received_message_is_joined_to_its_send() {
    let dir = Scratch::new("timeline-messages");
    for (scenario, at_least) in [("mbox_bounded", 5), ("socket_client_server", 4), ("link_ping_pong", 4), ("mq_lecture", 1)] {
        let out = dir.0.join(format!("{scenario}.svg"));
        draw("run", &format!("scenarios/{scenario}.c"), &out);
        let text = std::fs::read_to_string(&out).unwrap();
        let n = text.matches("data-kind=\"send \u{2192} receive\"").count();
        assert!(n >= at_least, "{scenario}: {n} send \u{2192} receive edges");
    }
    let out = dir.0.join("pipe.svg");
    draw("run", "scenarios/pipe_sleep.c", &out);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("data-kind=\"pipe write \u{2192} read\"") && !text.contains("data-kind=\"send \u{2192} receive\""));
}

/// `--watch`: the strip shows the locations asked for, and only them.
#[test]
fn watch_chooses_the_locations_the_strip_shows() {
    let dir = Scratch::new("timeline-watch");
    let out = dir.0.join("w.svg");
    let o = ipcsim(&[
        "run",
        "scenarios/semaphore_bounded_buffer.c",
        "--timeline",
        out.to_str().unwrap(),
        "--watch",
        "s->in",
        "--watch",
        "s->out",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let strip = doc.descendants().find(|n| n.attribute("class") == Some("watched")).expect("a strip");
    let rows: Vec<&str> = strip
        .children()
        .filter(|n| n.tag_name().name() == "text")
        .filter_map(|n| n.children().find(|c| c.tag_name().name() == "title"))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(rows, ["s->in (shm#0+16)", "s->out (shm#0+20)"]);
}

/// A run longer than the timeline draws is drawn from its last steps,
/// where it ended, and says what was left out.
#[test]
fn a_long_run_is_drawn_from_its_last_steps() {
    let dir = Scratch::new("timeline-long");
    let file = dir.0.join("long.c");
    std::fs::write(
        &file,
        "#include <assert.h>\n#include <sys/mman.h>\n#include <sys/wait.h>\n#include <unistd.h>\n\
         int main(void) {\n    int *n = mmap(NULL, 4, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n\
         \x20   if (fork() == 0) {\n        for (int i = 0; i < 3000; i++)\n            *n = i;\n        return 0;\n    }\n\
         \x20   wait(NULL);\n    assert(*n == 0);\n    return 0;\n}\n",
    )
    .unwrap();
    let out = dir.0.join("long.svg");
    let o = ipcsim(&["run", file.to_str().unwrap(), "--timeline", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let marks = doc.descendants().filter(|n| n.attribute("class") == Some("op")).count();
    assert!(marks <= 2_000 && marks > 1_900, "{marks} marks");
    let omitted = doc.descendants().find(|n| n.attribute("class") == Some("omitted")).and_then(|n| n.text()).unwrap();
    assert!(omitted.starts_with("steps 1\u{2013}"), "{omitted}");
    assert!(doc.descendants().any(|n| n.attribute("class") == Some("failure")), "the failure, at the end, is drawn");
}
