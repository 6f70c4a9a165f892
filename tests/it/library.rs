//! ipcsim as a library, without the command line: explore a scenario,
//! check the failure's kind and line, replay its token, snapshot the
//! trace; and the determinism wrapper over every scenario.

use crate::native::c_files;
use sim::check::{End, Failure};
use sim::explore::{self, random::Random, Determinism, Options, Scheduler};
use sim::kernel::TimeMode;

#[test]
fn the_library_finds_explains_and_replays_the_two_producer_race() {
    let file = "scenarios/bounded_buffer_two_producers.c";
    let text = std::fs::read_to_string(file).unwrap();
    let prog = sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap();
    let opts = Options::for_program("bounded_buffer_two_producers").runs(100);
    let search = explore::explore(&prog, &opts, &mut |_| {});
    let found = search.failure.expect("the lost item is found");
    // The consumer spins for a fourth item nobody will produce.
    assert_eq!(found.result.failure(), Some(Failure::Stuck("livelock")));
    let End::Livelock(stuck) = &found.result.end else { panic!("{:?}", found.result.end) };
    let line = prog.sources.line_col(stuck[0].span.file, stuck[0].span.lo).line;
    assert_eq!((stuck[0].pid, line), (1000, 31), "the consumer's loop");
    let again = explore::replay(&prog, &opts, &found.token, true).expect("the token replays");
    assert_eq!(again.outcome, found.result.outcome);
    let trace = sim::trace::to_text(again.trace.as_deref().unwrap(), &prog.sources);
    insta::with_settings!({ snapshot_path => "../../traces", prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("library_two_producers_race", trace);
    });
}

#[test]
fn every_scenario_runs_the_same_when_its_schedules_are_replayed() {
    for f in c_files("scenarios") {
        let text = std::fs::read_to_string(&f).unwrap();
        let prog = sim::lang::compile(&f.display().to_string(), &text, &sim::lang::fs_loader).unwrap();
        let cfg = Options::for_program("s").time(TimeMode::LowerBound).config();
        let mut sched = Determinism::new(Random::new(0));
        for k in 0..20 {
            if k > 0 {
                assert!(sched.new_execution());
            }
            explore::run(&prog, &cfg, &mut sched, false);
        }
        assert!(sched.mismatches.is_empty(), "{}: {:?}", f.display(), sched.mismatches.first());
    }
}

#[test]
fn a_token_replays_from_another_path_to_the_same_text() {
    let file = "scenarios/lost_update.c";
    let text = std::fs::read_to_string(file).unwrap();
    let prog = sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap();
    let opts = Options::for_program("lost_update").runs(200);
    let found = explore::explore(&prog, &opts, &mut |_| {}).failure.expect("the lost update is found");
    let elsewhere = sim::lang::compile("/tmp/copy/lost_update.c", &text, &sim::lang::fs_loader).unwrap();
    let again = explore::replay(&elsewhere, &opts, &found.token, false).expect("bound to the text, not the path");
    assert_eq!(again.outcome, found.result.outcome);
}

#[test]
fn the_determinism_wrapper_reports_a_replay_that_meets_other_ready_sets() {
    use sim::explore::Task;
    let t = |pid| Task { pid, yielding: false, fault: false, flush: false, stale: false };
    let mut sched = Determinism::new(Random::new(0));
    sched.next_task(&[t(1000), t(1001)], None);
    assert!(sched.new_execution());
    sched.next_task(&[t(1000), t(1002)], None);
    assert_eq!(sched.mismatches.len(), 1);
}

/// Remembers whether any choice offered a yielding process.
struct SeesYield(bool);

impl Scheduler for SeesYield {
    fn new_execution(&mut self) -> bool {
        false
    }
    fn next_task(&mut self, ready: &[sim::explore::Task], _current: Option<i32>) -> usize {
        self.0 |= ready.iter().any(|t| t.yielding);
        0
    }
    fn next_u64(&mut self) -> u64 {
        0
    }
}

#[test]
fn a_scheduler_sees_which_ready_processes_are_yielding() {
    let text = "#include <sched.h>\n#include <sys/wait.h>\n#include <unistd.h>\n\
        int main(void) { pid_t c = fork(); for (int i = 0; i < 3; i++) sched_yield(); if (c) wait(NULL); return 0; }\n";
    let prog = sim::lang::compile("y.c", text, &sim::lang::fs_loader).unwrap();
    let mut sched = SeesYield(false);
    explore::run(&prog, &Options::for_program("y").config(), &mut sched, false);
    assert!(sched.0, "a process at sched_yield is offered as yielding");
}

/// Shared memory creates happens-before edges where it is read: a load
/// that reads what another process stored is ordered after the store
/// (a reads-from edge, in a traced run), and a load of a byte nobody
/// stored has none.
#[test]
fn a_load_reading_another_process_store_gets_a_reads_from_edge() {
    use sim::trace::{EdgeKind, What};
    let src = r#"
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    int *s = mmap(0, 8, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) { s[0] = 42; return 0; }
    wait(0);
    return s[0] + s[1] == 42 ? 0 : 1;
}
"#;
    let prog = sim::lang::compile("rf.c", src, &sim::lang::fs_loader).unwrap();
    let opts = Options::for_program("rf");
    let r = explore::run(&prog, &opts.config(), &mut Random::new(0), true);
    let trace = r.trace.as_deref().unwrap();
    let step_of = |f: &dyn Fn(&What) -> bool| trace.iter().find(|e| f(&e.what)).map(|e| e.step).unwrap();
    // Under tso the store reaches memory at its flush.
    let store = step_of(&|w| matches!(w, What::Store { at, .. } | What::Flush { at, .. } if at.off == 0));
    let load0 = step_of(&|w| matches!(w, What::Load { at, .. } if at.off == 0));
    let load4 = step_of(&|w| matches!(w, What::Load { at, .. } if at.off == 4));
    let rf: Vec<_> = r.edges.iter().filter(|e| e.kind == EdgeKind::ReadsFrom).map(|e| (e.from, e.to)).collect();
    assert_eq!(rf, vec![(store, load0)], "load of s[1] ({load4}) reads no store");
    assert!(!r.failed());
}

/// The happens-before edge from a child's exit to the `wait` that reaps
/// it starts at the step the trace shows as `exit(...)` (an exit is two
/// steps; the second, the end, has no event).
#[test]
fn the_exit_wait_edge_starts_at_the_traced_exit() {
    use sim::trace::{EdgeKind, What};
    let src = "#include <stdlib.h>\n#include <sys/wait.h>\n#include <unistd.h>\nint main(void) {\n    if (fork() == 0) exit(3);\n    wait(0);\n    return 0;\n}\n";
    let prog = sim::lang::compile("ew.c", src, &sim::lang::fs_loader).unwrap();
    let r = explore::run(&prog, &Options::for_program("ew").config(), &mut Random::new(0), true);
    let trace = r.trace.as_deref().unwrap();
    let exit_step = trace.iter().find(|e| e.pid == 1001 && matches!(e.what, What::Exit { code: 3 })).map(|e| e.step).unwrap();
    let edge = r.edges.iter().find(|e| e.kind == EdgeKind::ExitWait).expect("an exit-wait edge");
    assert_eq!(edge.from, exit_step);
}
