//! ipcsim finds what it is for: the lost item, the lost update, the
//! forgotten close (deadlock), the spin nobody ends (livelock); and finds
//! nothing in a correct program.

use crate::native::config;
use sim::check::End;
use sim::explore::{self, random::Random, RunResult};
use sim::ir::Program;
use sim::kernel::TimeMode;
use std::path::Path;

fn compile(path: &str) -> Program {
    let text = std::fs::read_to_string(path).unwrap();
    sim::lang::compile(path, &text, &sim::lang::fs_loader).unwrap()
}

fn compile_text(name: &str, text: &str) -> Program {
    sim::lang::compile(name, text, &sim::lang::fs_loader).unwrap()
}

/// The first failing run among `seeds` seeds.
fn first_failure(prog: &Program, file: &str, seeds: u64) -> Option<(u64, RunResult)> {
    let cfg = config(Path::new(file), TimeMode::LowerBound);
    (0..seeds).map(|s| (s, explore::run(prog, &cfg, &mut Random::new(s), false))).find(|(_, r)| r.failed())
}

#[test]
fn finds_the_lost_item_with_two_producers_within_1000_seeds() {
    let f = "scenarios/bounded_buffer_two_producers.c";
    let (seed, r) = first_failure(&compile(f), f, 1000).expect("the race is found");
    assert!(seed < 1000);
    assert!(matches!(r.end, End::Livelock(_)) || !r.faults.is_empty(), "{:?}", r.end);
}

#[test]
fn finds_the_lost_update_within_1000_seeds() {
    let f = "scenarios/lost_update.c";
    let (_, r) = first_failure(&compile(f), f, 1000).expect("the lost update is found");
    let out = String::from_utf8_lossy(&r.outcome.stream(1)).into_owned();
    assert!(out.contains("counter = ") && !out.contains("counter = 10 "), "{out}");
}

#[test]
fn the_correct_buffer_survives_10000_seeds_without_failure_or_livelock() {
    let f = "../shared/peers/naive_pc_b.c";
    let path = if Path::new(f).exists() { f } else { "scenarios/bounded_buffer_one_producer.c" };
    assert!(first_failure(&compile(path), path, 10_000).is_none());
}

#[test]
fn the_forgotten_close_is_a_deadlock_naming_the_read_and_the_parents_write_end() {
    let f = "scenarios/forgotten_close.c";
    let prog = compile(f);
    let r = explore::run(&prog, &config(Path::new(f), TimeMode::Strict), &mut Random::new(0), false);
    let End::Deadlock { stuck, cycle } = &r.end else { panic!("{:?}", r.end) };
    let child = stuck.iter().find(|s| s.pid == 1001).expect("the child is stuck");
    let why = child.why(&prog.sources);
    assert!(why.contains("read(fd 3)") && why.contains("still open in process 1000 as fd 4"), "{why}");
    let parent = stuck.iter().find(|s| s.pid == 1000).expect("the parent is stuck");
    assert!(parent.why(&prog.sources).contains("wait()"));
    // The parent waits for the child, which waits for the parent's write end.
    assert_eq!(cycle, &vec![1000, 1001]);
    assert_eq!(prog.sources.line_col(child.span.file, child.span.lo).line, 20);
}

#[test]
fn a_consumer_spinning_on_an_empty_buffer_nobody_fills_is_a_livelock_naming_its_loop() {
    let text = r#"#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
struct shared { int buffer[4]; int in, out; };
int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) {
        while (s->in == s->out)
            ; /* nobody ever produces */
        return 0;
    }
    wait(NULL);
    return 0;
}
"#;
    let prog = compile_text("spin.c", text);
    let r = explore::run(&prog, &config(Path::new("spin.c"), TimeMode::Strict), &mut Random::new(0), false);
    let End::Livelock(stuck) = &r.end else { panic!("{:?}", r.end) };
    let spinner = stuck.iter().find(|s| s.parked()).expect("a parked process");
    let why = spinner.why(&prog.sources);
    assert_eq!(spinner.pid, 1001);
    assert_eq!(prog.sources.line_col(spinner.span.file, spinner.span.lo).line, 8);
    assert!(why.contains("s->in (shm#0+16)") && why.contains("s->out (shm#0+20)"), "{why}");
    assert!(r.steps < 20, "the busy-wait costs a handful of steps, not {}", r.steps);
}

#[test]
fn the_pipe_example_shows_the_child_blocked_in_read_until_two_seconds() {
    let f = "scenarios/pipe_sleep.c";
    let prog = compile(f);
    let r = explore::run(&prog, &config(Path::new(f), TimeMode::Strict), &mut Random::new(0), true);
    let trace = r.trace.unwrap();
    let read = trace.iter().find(|e| e.pid == 1001 && sim::trace::describe(&e.what, &prog.sources).starts_with("read(")).expect("a read");
    assert_eq!(read.time, 2_000_000_000);
    let line = sim::trace::to_text(std::slice::from_ref(read), &prog.sources);
    assert!(line.contains("\"hi\"") && line.contains("blocked since 0.000000"), "{line}");
}
