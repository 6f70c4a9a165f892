//! The simulator's run limits (sim::abi::limits): a program that forks,
//! allocates or prints without bound ends the way it would natively
//! under the matching rlimit, and never exhausts ipcsim.

use std::os::unix::process::CommandExt;
use std::process::Command;

/// Runs `ipcsim run FILE` with ipcsim's own address space capped at
/// `max_as` bytes: past it ipcsim's allocations fail and it aborts.
fn run_capped(file: &str, max_as: u64) -> (i32, String, String) {
    capped(&["run", file], max_as)
}

/// `ipcsim ARGS` with its address space capped at `max_as` bytes.
fn capped(args: &[&str], max_as: u64) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipcsim"));
    cmd.args(args);
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit { rlim_cur: max_as, rlim_max: max_as };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

const GIB: u64 = 1 << 30;

#[test]
fn a_deadlock_sixty_five_thousand_steps_long_is_found_and_reported_in_bounded_memory() {
    let (code, _, err) = capped(&["explore", "tests/programs/two_writers_fill_a_pipe.c", "--runs", "1", "--jobs", "1"], 3 * GIB);
    assert_eq!(code, 1, "{}", err.chars().rev().take(2000).collect::<String>());
    assert!(err.contains("deadlock") && err.contains("65538 steps"), "{}", err.chars().rev().take(2000).collect::<String>());
}

#[test]
fn the_race_detector_forgets_reaped_children_so_endless_forks_run_in_bounded_memory() {
    let (code, _, err) = capped(&["run", "tests/programs/fork_and_reap_forever.c", "--max-steps", "30000"], GIB / 2);
    assert!(code == 0 || code == 1 || code == 3, "{code}: {}", err.chars().rev().take(1000).collect::<String>());
    assert!(!err.contains("memory allocation") && !err.contains("internal error"), "{err}");
    assert!(err.contains("30000 steps"), "{}", err.chars().rev().take(1000).collect::<String>());
}

#[test]
fn a_main_whose_locals_pass_the_stack_limit_dies_of_sigsegv() {
    let (code, out, err) = run_capped("tests/programs/main_frame_past_the_stack_limit.c", 2 * GIB);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("killed by SIGSEGV: stack overflow"), "{err}");
}

#[test]
fn forked_children_share_their_parents_memory_until_they_write() {
    // 60 live children of a 32 MiB process: 1.9 GiB if fork copied.
    let (code, out, err) = run_capped("tests/limits/cow_fork.c", GIB + GIB / 2);
    assert_eq!((code, out.as_str()), (0, "sum 420\n"), "{err}");
}

#[test]
fn the_runs_memory_budget_makes_malloc_fail_with_enomem() {
    let (code, out, err) = run_capped("tests/limits/memory_budget.c", 8 * GIB);
    assert_eq!((code, out.as_str()), (0, "1 of 3 could not allocate\n"), "{err}");
}

#[test]
fn output_past_the_limit_is_dropped_and_the_run_says_so() {
    let (code, out, err) = run_capped("tests/limits/endless_output.c", 2 * GIB);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.len(), sim::abi::limits::MAX_OUTPUT);
    assert!(err.contains("output truncated"), "{err}");
}

/// Reaped processes leave the process table: a program that forks and
/// reaps children one after another keeps the table as small as the
/// processes that exist at once (a step scans the table, so it would
/// otherwise grow slower with every fork), and no exit is lost.
#[test]
fn reaped_processes_leave_the_process_table() {
    let src = r#"
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    for (int i = 0; i < 500; i++) {
        pid_t p = fork();
        if (p == 0) exit(i % 7);
        waitpid(p, 0, 0);
    }
    fork();
    return 0;
}
"#;
    use sim::explore::{self, random::Random, Options};
    let prog = sim::lang::compile("seq.c", src, &sim::lang::fs_loader).unwrap();
    let opts = Options::for_program("seq");
    let mut history = sim::kernel::History::new(false);
    let cfg = opts.config();
    let mut cx = sim::kernel::StepCtx { prog: &prog, config: &cfg, history: &mut history, instructions: 0 };
    let mut m = sim::kernel::Machine::new(&mut cx);
    let (mut ready, mut most) = (Vec::new(), 0);
    loop {
        m.ready(&cfg, &mut ready);
        let Some(&i) = ready.first() else { break };
        m.play(i, &mut cx);
        most = most.max(m.procs.len());
    }
    assert!(most <= 3, "the table held {most} processes");
    assert_eq!(cx.history.outcome.exits.len(), 502);
    let r = explore::run(&prog, &cfg, &mut Random::new(1), false);
    assert!(!r.failed() && r.machine.procs.is_empty(), "{:?}", r.end);
}

/// Shared memory that nothing refers to any more goes back to the run:
/// 3,000 anonymous shared mappings made and unmapped one after another,
/// and 40 shm objects of 256 MiB created, touched, unmapped, closed and
/// unlinked, fit in the budget (and in ipcsim's memory) as they do on
/// Linux, where at most one exists at a time.
#[test]
fn unmapped_and_unlinked_shared_objects_are_freed() {
    for f in ["tests/limits/anon_mapping_churn.c", "tests/limits/shm_object_churn.c"] {
        let (code, out, err) = run_capped(f, 2 * GIB);
        assert_eq!((code, out.as_str()), (0, "done\n"), "{f}: {err}");
    }
}
