//! The data-race detector: the races of the naive buffers are found, the
//! synchronised versions have none, and each happens-before edge is
//! needed: without it the same accesses race.

use sim::explore::{self, random::Random, Options, Runner};
use sim::options::RaceMode;

fn run(file: &str, text: &str, seed: u64) -> explore::RunResult {
    let prog = sim::lang::compile(file, text, &sim::lang::fs_loader).unwrap();
    let config = Options::for_program("x").config();
    Runner::new(&prog, &config).with_races(RaceMode::Warn).run(&mut Random::new(seed), false)
}

/// The C expressions of the races found over `seeds` runs.
fn raced(file: &str, text: &str, seeds: u64) -> std::collections::BTreeSet<String> {
    let prog = sim::lang::compile(file, text, &sim::lang::fs_loader).unwrap();
    let mut out = std::collections::BTreeSet::new();
    for seed in 0..seeds {
        for r in run(file, text, seed).races {
            for a in [r.first, r.second] {
                let span = a.expr.unwrap_or(a.span);
                out.insert(prog.sources.file(span.file).text[span.lo as usize..span.hi as usize].to_string());
            }
        }
    }
    out
}

#[test]
fn the_naive_buffer_races_on_in_out_and_the_slots() {
    let file = "scenarios/bounded_buffer_one_producer.c";
    let found = raced(file, &std::fs::read_to_string(file).unwrap(), 20);
    for want in ["s->in", "s->out", "s->buffer[s->in]", "s->buffer[s->out]"] {
        assert!(found.contains(want), "{want} not among {found:?}");
    }
}

#[test]
fn the_synchronised_versions_have_no_race() {
    for file in [
        "scenarios/semaphore_bounded_buffer.c",
        "scenarios/sysv_bounded_buffer.c",
        "scenarios/mbox_bounded.c",
        "scenarios/mq_lecture.c",
        "scenarios/socketpair_request_response.c",
        "scenarios/pipe_sleep.c",
        // Found by review: reads by struct copy, end-of-file, a signal.
        "tests/programs/race_free_struct_copies.c",
        "tests/programs/race_free_pipe_eof.c",
        "tests/programs/race_free_signal.c",
    ] {
        let found = raced(file, &std::fs::read_to_string(file).unwrap(), 30);
        assert!(found.is_empty(), "{file}: {found:?}");
    }
}

/// A child writes `x` and the parent reads it, ordered by `sync` (C
/// statements around the child's write and the parent's read), or not.
fn program(child_after: &str, parent_before: &str) -> String {
    format!(
        r#"#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
struct shared {{ sem_t done; int x; }};
int main(void) {{
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&s->done, 1, 0);
    int p[2];
    pipe(p);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    mqd_t q = mq_open("/races", O_CREAT | O_RDWR, 0600, NULL);
    if (fork() == 0) {{
        s->x = 42;
        {child_after}
        _exit(0);
    }}
    {parent_before}
    printf("%d\n", s->x);
    mq_unlink("/races");
    return 0;
}}
"#
    )
}

#[test]
fn each_synchronisation_orders_the_accesses_and_without_it_they_race() {
    let edges = [
        ("exit before wait", "", "wait(NULL);"),
        ("a pipe write before the read of its byte", "write(p[1], \"k\", 1);", "char c; read(p[0], &c, 1);"),
        ("sem_post before sem_wait", "sem_post(&s->done);", "sem_wait(&s->done);"),
        ("sem_post before a successful sem_trywait", "sem_post(&s->done);", "while (sem_trywait(&s->done) != 0) ;"),
        ("exit before a successful WNOHANG", "", "while (waitpid(-1, NULL, WNOHANG) == 0) ;"),
        ("the last close before end-of-file", "close(p[1]);", "close(p[1]); char c; while (read(p[0], &c, 1) > 0) ;"),
        ("a message before its receive", "mq_send(q, \"k\", 1, 0);", "char m[8192]; mq_receive(q, m, sizeof m, NULL);"),
        ("a socket's bytes before their read", "write(sv[1], \"k\", 1);", "char c; read(sv[0], &c, 1);"),
    ];
    for (what, child, parent) in edges {
        let synced = raced("sync.c", &program(child, parent), 30);
        assert!(synced.is_empty(), "{what}: a false race {synced:?}");
        // The same accesses, the parent not waiting for the edge (it
        // still waits at the end, after the read).
        let unsynced = raced("nosync.c", &program(child, "").replace("    return 0;", "    wait(NULL);\n    return 0;"), 30);
        assert!(unsynced.contains("s->x"), "{what}: without it, no race found: {unsynced:?}");
    }
}

#[test]
fn a_write_before_fork_is_seen_by_the_child_without_a_race() {
    let text = r#"#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    int *x = mmap(NULL, sizeof *x, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    *x = 7;
    if (fork() == 0) {
        printf("%d\n", *x);
        _exit(0);
    }
    wait(NULL);
    *x = 8;
    return 0;
}
"#;
    assert!(raced("fork.c", text, 20).is_empty());
    // Written after the fork instead: the child's read races with it.
    let late = text
        .replace("    *x = 7;\n    if (fork() == 0) {", "    if (fork() == 0) {")
        .replace("    wait(NULL);\n    *x = 8;", "    *x = 7;\n    wait(NULL);");
    assert!(raced("fork2.c", &late, 20).contains("*x"));
}

#[test]
fn looking_for_races_changes_nothing_of_the_run() {
    let file = "scenarios/bounded_buffer_two_producers.c";
    let text = std::fs::read_to_string(file).unwrap();
    let prog = sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap();
    let config = Options::for_program("x").config();
    for seed in 0..10 {
        let on = Runner::new(&prog, &config).with_races(RaceMode::Warn).run(&mut Random::new(seed), true);
        let off = Runner::new(&prog, &config).run(&mut Random::new(seed), true);
        assert_eq!((on.outcome, on.trace, on.choices), (off.outcome, off.trace, off.choices));
    }
}

#[test]
fn races_fail_makes_the_run_fail() {
    let ipcsim = |races: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
            .args(["run", "scenarios/bounded_buffer_one_producer.c", "--races", races])
            .output()
            .unwrap()
    };
    let warn = ipcsim("warn");
    assert_eq!(warn.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&warn.stderr).contains("warning[W0401]: data race"));
    let fail = ipcsim("fail");
    assert_eq!(fail.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&fail.stderr).contains("error[W0401]"));
    assert!(!String::from_utf8_lossy(&ipcsim("off").stderr).contains("W0401"));
}

/// The C expressions of the races an exhaustive search reports.
fn raced_exhaustive(file: &str, mode: RaceMode) -> (sim::explore::exhaustive::Verdict, std::collections::BTreeSet<String>) {
    let text = std::fs::read_to_string(file).unwrap();
    let prog = sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap();
    let mut o = Options::for_program("x");
    o.races = mode;
    o.keep_going = true;
    o.matching = mode != RaceMode::Complete;
    // Every path without state matching: on the textbook's machine, whose
    // paths are fewer (the races are the same under tso).
    o.memory = sim::kernel::Memory::SC;
    let v = sim::explore::exhaustive::exhaustive(&prog, &o, &mut |_| true);
    let mut out = std::collections::BTreeSet::new();
    for (r, _) in &v.races {
        for a in [r.first, r.second] {
            let span = a.expr.unwrap_or(a.span);
            out.insert(prog.sources.file(span.file).text[span.lo as usize..span.hi as usize].to_string());
        }
    }
    (v, out)
}

/// Exhaustive search looks for races along every path it explores: the
/// naive buffer's races on `in`, `out` and the slots, none in the
/// synchronised versions; as failures (`--races fail` and `complete`),
/// each race is a distinct failure of the search; `complete` explores
/// without state matching.
#[test]
fn exhaustive_search_reports_the_races_of_every_path_it_explores() {
    let naive = "scenarios/bounded_buffer_one_producer.c";
    let (v, found) = raced_exhaustive(naive, RaceMode::Warn);
    assert!(v.complete && v.failures.is_empty(), "a race is only a warning");
    for want in ["s->in", "s->out", "s->buffer[s->in]", "s->buffer[s->out]"] {
        assert!(found.contains(want), "{want} not among {found:?}");
    }
    for file in ["scenarios/mbox_bounded.c", "scenarios/pipe_sleep.c", "scenarios/mq_lecture.c"] {
        assert!(raced_exhaustive(file, RaceMode::Warn).1.is_empty(), "{file}");
        let (v, found) = raced_exhaustive(file, RaceMode::Complete);
        assert!(v.complete && found.is_empty() && v.failures.is_empty(), "{file}, every path: {found:?}");
    }
    for mode in [RaceMode::Fail, RaceMode::Complete] {
        let (v, _) = raced_exhaustive(naive, mode);
        assert_eq!(v.failures.len(), v.races.len(), "{mode:?}: each race a failure");
        let d = &v.failures[0];
        assert_eq!(d.key.kind, "data race");
        assert!(matches!(d.found.result.failure(), Some(sim::check::Failure::DataRace { .. })), "its run shows the race");
    }
}
