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

/// Runs `text` (written to a scratch file `name`) with `ipcsim run`;
/// returns the exit code and stderr.
fn run_cli(name: &str, text: &str) -> (i32, String) {
    let scratch = crate::native::Scratch::new(&format!("detect-{name}"));
    let file = scratch.0.join(name);
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).arg("run").arg(&file).output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Asserts a stack buffer overflow report: the process stopped at
/// undefined behaviour (no signal claimed: Linux may run on), the
/// message is `what`, and it points at line `line` of `name`, whose text
/// `source` is shown with a caret.
fn assert_overflow(name: &str, text: &str, what: &str, line: usize, source: &str) {
    let (code, err) = run_cli(name, text);
    assert_eq!(code, 1, "the run fails:\n{err}");
    assert!(err.contains("process 1000 stopped at undefined behaviour: stack buffer overflow"), "{err}");
    assert!(err.contains(&format!(": {what}\n")), "{err}");
    assert!(!err.contains("killed by"), "no signal is claimed:\n{err}");
    assert!(err.contains(&format!("{name}:{line}:")), "line {line}:\n{err}");
    let shown = err.lines().skip_while(|l| !l.ends_with(source)).nth(1).unwrap_or("");
    assert!(shown.contains('^'), "the line is shown with a caret:\n{err}");
}

#[test]
fn writing_past_a_local_array_is_a_stack_buffer_overflow() {
    let text = "int main(void) {\n    int a[4];\n    int x = 5;\n    a[4] = 1;\n    return x;\n}\n";
    assert_overflow("past.c", text, "write of 4 bytes at offset 16 of local array `a` in `main` (16 bytes)", 4, "a[4] = 1;");
}

#[test]
fn reading_before_a_local_array_is_a_stack_buffer_overflow() {
    let text = "int main(void) {\n    char c = 1;\n    int a[4] = {1, 2, 3, 4};\n    return a[-1] + c;\n}\n";
    assert_overflow("before.c", text, "read of 4 bytes at offset -4 of local array `a` in `main` (16 bytes)", 4, "return a[-1] + c;");
}

#[test]
fn strcpy_past_a_local_buffer_is_a_stack_buffer_overflow() {
    let text = "#include <string.h>\nint main(void) {\n    char b[8];\n    strcpy(b, \"0123456789\");\n    return b[0];\n}\n";
    assert_overflow(
        "strcpy.c",
        text,
        "write of 11 bytes at offset 0 of local array `b` in `main` (8 bytes)",
        4,
        "strcpy(b, \"0123456789\");",
    );
}

#[test]
fn a_loop_writing_one_element_too_many_overflows_on_its_last_iteration() {
    let text = "#include <stdio.h>\nint main(void) {\n    int a[4];\n    int i;\n    for (i = 0; i <= 4; i++)\n        a[i] = i;\n    printf(\"%d\\n\", a[0]);\n    return 0;\n}\n";
    assert_overflow("loop.c", text, "write of 4 bytes at offset 16 of local array `a` in `main` (16 bytes)", 6, "a[i] = i;");
}

#[test]
fn a_callee_writing_past_its_callers_array_names_the_callers_array() {
    let text = "static void fill(long *p, int n) {\n    for (int i = 0; i < n; i++)\n        p[i] = i;\n}\nint main(void) {\n    long small[2];\n    struct { int x; long big[3]; } s;\n    fill(s.big, 3);\n    fill(small, 3);\n    return (int)small[0];\n}\n";
    assert_overflow("callee.c", text, "write of 8 bytes at offset 16 of local array `small` in `main` (16 bytes)", 3, "p[i] = i;");
}

#[test]
fn memcpy_and_memset_past_a_local_struct_are_stack_buffer_overflows() {
    let text = "#include <string.h>\nstruct pt { int x, y; };\nint main(void) {\n    struct pt p;\n    char src[16] = \"abcdefghijklmno\";\n    memcpy(&p, src, sizeof p);\n    memset(&p, 0, sizeof p + 1);\n    return p.x;\n}\n";
    assert_overflow(
        "memset.c",
        text,
        "write of 9 bytes at offset 0 of local struct `p` in `main` (8 bytes)",
        7,
        "memset(&p, 0, sizeof p + 1);",
    );
}

#[test]
fn printing_an_unterminated_local_string_is_a_stack_buffer_overflow() {
    let text = "#include <stdio.h>\nint main(void) {\n    char s[3] = {'a', 'b', 'c'};\n    printf(\"%s\\n\", s);\n    return 0;\n}\n";
    let (code, err) = run_cli("unterminated.c", text);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("stack buffer overflow: read of ") && err.contains("at offset 0 of local array `s` in `main` (3 bytes)"), "{err}");
    assert!(err.contains("unterminated.c:4:"), "{err}");
}

#[test]
fn reading_a_pipe_into_a_too_small_local_buffer_is_a_stack_buffer_overflow() {
    let text = "#include <unistd.h>\nint main(void) {\n    int fd[2];\n    char buf[4];\n    pipe(fd);\n    write(fd[1], \"hello world\", 11);\n    read(fd[0], buf, 11);\n    return buf[0];\n}\n";
    assert_overflow("read.c", text, "write of 11 bytes at offset 0 of local array `buf` in `main` (4 bytes)", 7, "read(fd[0], buf, 11);");
}

/// Asserts an undefined-behaviour report: exit 1, the run stopped (no
/// signal claimed), the message contains `what`, at `name:line`.
fn assert_undefined(name: &str, text: &str, what: &str, line: usize) -> String {
    let (code, err) = run_cli(name, text);
    assert_eq!(code, 1, "the run fails:\n{err}");
    assert!(err.contains("error[R0106]: process 1000 stopped at undefined behaviour: "), "{err}");
    assert!(err.contains(what), "{what}:\n{err}");
    assert!(err.contains(&format!("{name}:{line}:")), "line {line}:\n{err}");
    assert!(err.contains("Linux may not trap") && !err.contains("killed by"), "no signal is claimed:\n{err}");
    err
}

#[test]
fn reading_one_past_a_malloc_block_is_undefined_behaviour_naming_the_block_and_its_line() {
    let text = "#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n    int *a = malloc(16);\n    printf(\"%d\\n\", a[4]);\n    return 0;\n}\n";
    let what = "out-of-bounds read of 4 bytes at offset 16 of a malloc block of 16 bytes allocated at ";
    let err = assert_undefined("heap.c", text, what, 5);
    assert!(err.contains("heap.c:4:14\n"), "the allocation's line:\n{err}");
}

#[test]
fn writing_past_a_global_array_is_undefined_behaviour_naming_the_global() {
    let text = "char g[8];\nint main(void) {\n    char *p = g;\n    p[8] = 1;\n    return 0;\n}\n";
    let _ = assert_undefined("global.c", text, "out-of-bounds write of 1 byte at offset 8 of global `g` (8 bytes)", 4);
}

#[test]
fn use_after_free_and_double_free_are_undefined_behaviour() {
    let uaf = "#include <stdlib.h>\nint main(void) {\n    int *p = malloc(4);\n    free(p);\n    return *p;\n}\n";
    let err = assert_undefined("uaf.c", uaf, "use after free of a malloc block of 4 bytes allocated at ", 5);
    assert!(err.contains("uaf.c:3:14\n"), "{err}");
    let twice = "#include <stdlib.h>\nint main(void) {\n    int *p = malloc(4);\n    free(p);\n    free(p);\n    return 0;\n}\n";
    let err = assert_undefined("twice.c", twice, "double free of a malloc block of 4 bytes allocated at ", 5);
    assert!(err.contains("twice.c:3:14\n"), "{err}");
}

#[test]
fn a_write_call_past_a_string_literal_is_undefined_behaviour_naming_the_call() {
    let text = "#include <unistd.h>\nint main(void) {\n    write(1, \"abc\", 10);\n    return 0;\n}\n";
    let _ = assert_undefined("lit.c", text, "out-of-bounds read of 10 bytes by write() at offset 0 of a string literal of 4 bytes", 3);
}

#[test]
fn a_read_call_past_a_heap_buffer_is_undefined_behaviour_naming_the_call() {
    let text = "#include <stdlib.h>\n#include <unistd.h>\nint main(void) {\n    int fd[2];\n    char *buf = malloc(10);\n    pipe(fd);\n    write(fd[1], \"hi\", 2);\n    read(fd[0], buf, 100);\n    return 0;\n}\n";
    let _ = assert_undefined("rd.c", text, "out-of-bounds write of 100 bytes by read() at offset 0 of a malloc block of 10 bytes", 8);
}

/// Where Linux does trap for certain, the signal stays: a NULL
/// dereference is SIGSEGV; a system call given NULL fails with EFAULT.
#[test]
fn null_stays_sigsegv_and_a_call_given_null_gets_efault() {
    let (code, err) = run_cli("null.c", "int main(void) {\n    int *p = 0;\n    return *p;\n}\n");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("process 1000 killed by SIGSEGV: null pointer dereference"), "{err}");
    let text =
        "#include <errno.h>\n#include <unistd.h>\nint main(void) {\n    return write(1, 0, 3) == -1 && errno == EFAULT ? 0 : 1;\n}\n";
    let (code, err) = run_cli("efault.c", text);
    assert_eq!(code, 0, "{err}");
}

/// Semaphores taken in opposite orders: a deadlock whose explanation
/// names each sem_wait, the semaphore, its value and who could post it,
/// with the wait-for cycle; the correct semaphore bounded buffer never
/// fails.
#[test]
fn semaphores_taken_in_opposite_orders_deadlock_with_a_wait_for_cycle() {
    let f = "tests/programs/semaphores_in_opposite_orders.c";
    let prog = compile(f);
    let (_, r) = first_failure(&prog, f, 200).expect("the deadlock is found");
    let End::Deadlock { stuck, cycle } = &r.end else { panic!("{:?}", r.end) };
    assert_eq!(cycle.len(), 2, "{cycle:?}");
    let why: Vec<String> = stuck.iter().map(|s| s.why(&prog.sources)).collect();
    assert!(why.iter().all(|w| w.contains("blocked in sem_wait() on the semaphore at shm#0+") && w.contains("of value 0")), "{why:?}");
    assert!(why.iter().any(|w| w.contains("process 1000 could post it")), "{why:?}");
    let ok = "scenarios/semaphore_bounded_buffer.c";
    assert!(first_failure(&compile(ok), ok, 2000).is_none(), "the semaphore buffer never fails");
}

/// A routine writing shared memory through a later pointer argument
/// (`strtol(b, &a->end, 10)`) wakes a process spinning on what it wrote:
/// it was reported as a livelock "spinning on a->end = <non-zero>".
#[test]
fn a_routine_writing_another_shared_object_wakes_its_spinner() {
    let f = "tests/programs/routine_writes_second_object.c";
    assert!(first_failure(&compile(f), f, 300).is_none(), "no livelock");
}

/// A receive on a message queue nobody sends to is a deadlock that says
/// so, naming the queue's other holders.
#[test]
fn a_receive_on_a_queue_nobody_sends_to_is_a_deadlock_that_says_so() {
    let text = "#include <fcntl.h>\n#include <mqueue.h>\n#include <sys/wait.h>\n#include <unistd.h>\nint main(void) {\n    mq_unlink(\"/q\");\n    mqd_t q = mq_open(\"/q\", O_CREAT | O_RDWR, 0600, 0);\n    char buf[8192];\n    if (fork() == 0)\n        return 0;\n    mq_receive(q, buf, sizeof buf, 0);\n    return 0;\n}\n";
    let prog = compile_text("mq.c", text);
    let (_, r) = first_failure(&prog, "mq.c", 5).expect("the deadlock");
    let End::Deadlock { stuck, .. } = &r.end else { panic!("{:?}", r.end) };
    let why = stuck[0].why(&prog.sources);
    assert!(why.starts_with("blocked in mq_receive() on an empty message queue, to which nobody sends"), "{why}");
}

/// glibc writes a `sem_t` in place: posting one that lives in read-only
/// memory (a string literal) is SIGSEGV, as natively, not a silent 0.
#[test]
fn posting_a_semaphore_in_read_only_memory_is_sigsegv() {
    let text = "#include <semaphore.h>\n#include <stdio.h>\nint main(void) {\n    sem_t *s = (sem_t *)\"this string is at least thirty-two bytes long!!\";\n    printf(\"%d\\n\", sem_post(s));\n    return 0;\n}\n";
    let prog = compile_text("semro.c", text);
    let (_, r) = first_failure(&prog, "semro.c", 1).expect("the fault");
    assert_eq!(r.outcome.main_status(), Some(sim::outcome::ExitStatus::Signal(11)), "{:?}", r.outcome);
}

fn report_text(prog: &Program, r: &RunResult) -> String {
    sim::diag::render::to_text(&prog.sources, &sim::report::diagnostics(prog, r), false)
}

/// Two processes reading each other's pipe first: the deadlock's wait-for
/// cycle says which pipe each waits for and who would write it.
#[test]
fn two_processes_reading_each_others_pipe_deadlock_in_a_named_cycle() {
    let f = "scenarios/pipe_mutual_deadlock.c";
    let prog = compile(f);
    let (_, r) = first_failure(&prog, f, 10).expect("the deadlock");
    let End::Deadlock { cycle, .. } = &r.end else { panic!("{:?}", r.end) };
    assert_eq!(cycle, &vec![1000, 1001]);
    let text = report_text(&prog, &r);
    assert!(text.contains("wait-for cycle: 1000 waits for pipe#1 written by 1001; 1001 waits for pipe#0 written by 1000"), "{text}");
}

/// A semaphore in private memory copied by fork: the parent's wait is a
/// deadlock that names the child's copy.
#[test]
fn a_semaphore_in_private_memory_deadlocks_naming_the_copies() {
    let f = "scenarios/semaphore_private_memory.c";
    let prog = compile(f);
    let (_, r) = first_failure(&prog, f, 10).expect("the deadlock");
    let End::Deadlock { stuck, .. } = &r.end else { panic!("{:?}", r.end) };
    let why = stuck[0].why(&prog.sources);
    assert!(why.contains("in its own private memory") && why.contains("process 1001 has a copy of its own at the same address"), "{why}");
}

/// Two processes receiving on the two ends of one socketpair before
/// sending: a deadlock whose cycle names the sockets.
#[test]
fn two_processes_receiving_on_a_socketpair_deadlock_in_a_cycle() {
    let text = "#include <sys/socket.h>\n#include <unistd.h>\nint main(void) {\n    int sv[2];\n    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);\n    char c;\n    if (fork() == 0) {\n        read(sv[1], &c, 1);\n        return 0;\n    }\n    recv(sv[0], &c, 1, 0);\n    return 0;\n}\n";
    let prog = compile_text("sockdl.c", text);
    let (_, r) = first_failure(&prog, "sockdl.c", 5).expect("the deadlock");
    let text = report_text(&prog, &r);
    assert!(text.contains("1000 waits for data on a socket from 1001; 1001 waits for data on a socket from 1000"), "{text}");
}

/// A run that leaves named objects and a zombie behind is warned about
/// each, at the line that made it; one that cleans up is not.
#[test]
fn leaks_are_reported_with_the_line_that_made_them() {
    let f = "tests/programs/leaks_everything.c";
    let prog = compile(f);
    let r = explore::run(&prog, &config(Path::new(f), TimeMode::Strict), &mut Random::new(0), false);
    let whats: Vec<(String, u32)> =
        r.leaks.iter().map(|l| (l.what.clone(), l.span.map_or(0, |s| prog.sources.line_col(s.file, s.lo).line))).collect();
    let expect = [
        ("shared memory object \"/leaky\"", 13),
        ("named semaphore \"/leaky_sem\"", 14),
        ("message queue \"/leaky_q\"", 15),
        ("socket file \"leaky.sock\"", 18),
        ("process 1001 was never waited for", 19),
    ];
    assert_eq!(whats.len(), expect.len(), "{whats:?}");
    for ((what, line), (want, want_line)) in whats.iter().zip(expect) {
        assert!(what.starts_with(want) && *line == want_line, "{what} at line {line}, expected {want} at {want_line}");
    }
    let clean = "scenarios/socket_client_server.c";
    let r = explore::run(&compile(clean), &config(Path::new(clean), TimeMode::Strict), &mut Random::new(0), false);
    assert!(r.leaks.is_empty(), "{:?}", r.leaks);
}

/// PCT's strength: a failure that needs one process to run alone for a
/// long stretch (the child's 24 steps before the parent's one look) is
/// found by PCT in a few runs and by random scheduling almost never.
#[test]
fn pct_finds_the_starved_reader_in_fewer_runs_than_random() {
    let f = "tests/programs/starved_reader.c";
    let prog = compile(f);
    let runs_to_failure = |strategy: sim::explore::StrategyKind, seed: u64| {
        let mut o = sim::explore::Options::for_program("starved_reader").runs(300);
        (o.strategy, o.seed, o.shrink) = (strategy, seed * 1000, false);
        explore::explore(&prog, &o, &mut |_| {}).failure.map_or(u64::MAX, |x| x.run)
    };
    let median = |strategy| {
        let mut v: Vec<u64> = (0..20).map(|s| runs_to_failure(strategy, s)).collect();
        v.sort();
        v[10]
    };
    let (pct, random) = (median(sim::explore::StrategyKind::Pct { depth: 3 }), median(sim::explore::StrategyKind::Random));
    assert!(pct <= 10 && pct < random, "median runs to the failure: PCT {pct}, random {random}");
}

#[test]
fn a_process_private_semaphore_posted_by_another_process_leaves_its_waiter_asleep() {
    let f = "tests/programs/sem_private_across_fork.c";
    let prog = compile(f);
    let (_, r) = first_failure(&prog, f, 200).expect("the lost wake-up is found");
    let End::Deadlock { stuck, .. } = &r.end else { panic!("{:?}", r.end) };
    let why = stuck.iter().find(|s| s.pid == 1000).expect("the parent is stuck").why(&prog.sources);
    assert!(why.contains("now of value 1") && why.contains("process-private (pshared 0)"), "{why}");
    // The child may post first: the parent then finds 1 and goes on.
    let cfg = config(Path::new(f), TimeMode::LowerBound);
    assert!((0..200).any(|s| explore::run(&prog, &cfg, &mut Random::new(s), false).end == End::AllExited));
    // Shared (pshared 1), the post always wakes it.
    let mut shared = cfg.clone();
    shared.process.argv.push("1".into());
    assert!((0..200).all(|s| !explore::run(&prog, &shared, &mut Random::new(s), false).failed()));
}

#[test]
fn a_pipeline_whose_yes_ends_of_sigpipe_is_no_failure() {
    let f = "tests/programs/yes_head_pipeline.c";
    let prog = compile(f);
    let cfg = config(Path::new(f), TimeMode::LowerBound);
    for s in 0..50 {
        let r = explore::run(&prog, &cfg, &mut Random::new(s), false);
        assert!(!r.failed(), "seed {s}: {:?}", r.failure());
        assert_eq!(r.outcome.stream(1), b"ok\nyes: signal 13\n");
    }
}

/// Children incrementing a counter kept in a file: without a lock an
/// update is lost (random search finds it, exhaustive search too), with
/// `flock` around each read-modify-write none ever is (exhaustive search
/// verifies it).
#[test]
fn a_file_counter_loses_an_update_without_flock_and_never_with_it() {
    use sim::explore::exhaustive::exhaustive;
    let f = "scenarios/file_lock_counter.c";
    let text = std::fs::read_to_string(f).unwrap();
    let unlocked: String = text.lines().filter(|l| !l.contains("flock(mine, LOCK_")).map(|l| format!("{l}\n")).collect();
    assert_eq!(text.lines().count() - unlocked.lines().count(), 2, "the scenario's two flock calls are taken out");
    let racy = compile_text("file_counter_unlocked.c", &unlocked);
    let (_, r) = first_failure(&racy, f, 1000).expect("the lost update is found");
    let out = String::from_utf8_lossy(&r.outcome.stream(1)).into_owned();
    assert!(out.starts_with("counter = ") && !out.starts_with("counter = 4 "), "{out}");
    assert!(first_failure(&compile(f), f, 2000).is_none(), "the locked counter never loses one");
    let mut o = sim::explore::Options::for_program("file_lock_counter");
    o.strategy = sim::explore::StrategyKind::Exhaustive;
    let v = exhaustive(&compile(f), &o, &mut |_| true);
    assert!(v.complete && v.failures.is_empty(), "{:?}", v.failures.first().map(|d| &d.key));
    let v = exhaustive(&racy, &o, &mut |_| true);
    assert!(!v.failures.is_empty(), "exhaustive search finds the lost update");
}

/// `fcntl` record locks taken AB/BA: exactly one of the two gets
/// `EDEADLK`, in every interleaving (exhaustive search); `flock` locks
/// taken in opposite orders deadlock, and the report names each file and
/// its holder, with the wait-for cycle.
#[test]
fn record_locks_in_opposite_orders_get_edeadlk_and_flocks_deadlock_naming_the_files() {
    use sim::explore::exhaustive::exhaustive;
    let f = "tests/programs/record_locks_ab_ba.c";
    let mut o = sim::explore::Options::for_program("record_locks_ab_ba");
    o.strategy = sim::explore::StrategyKind::Exhaustive;
    let v = exhaustive(&compile(f), &o, &mut |_| true);
    assert!(v.complete && v.failures.is_empty(), "{:?}", v.failures.first().map(|d| &d.key));

    let f = "tests/programs/flocks_in_opposite_orders.c";
    let prog = compile(f);
    let r = explore::run(&prog, &config(Path::new(f), TimeMode::Strict), &mut Random::new(0), false);
    let End::Deadlock { stuck, cycle } = &r.end else { panic!("{:?}", r.end) };
    let why = |pid: i32| stuck.iter().find(|s| s.pid == pid).expect("stuck").why(&prog.sources);
    assert!(why(1001).contains("blocked in flock() waiting for a lock on \"/home/ipcsim/b.lock\", held by process 1002"), "{}", why(1001));
    assert!(why(1002).contains("blocked in flock() waiting for a lock on \"/home/ipcsim/a.lock\", held by process 1001"), "{}", why(1002));
    let mut c = cycle.clone();
    c.sort();
    assert_eq!(c, vec![1001, 1002]);

    // A flock belongs to the open file description: a process's second
    // open of the file waits for its first.
    let text = "#include <fcntl.h>\n#include <sys/file.h>\nint main(void) {\n    int a = open(\"x.lock\", O_RDWR | O_CREAT, 0644), b = open(\"x.lock\", O_RDWR);\n    flock(a, LOCK_EX);\n    flock(b, LOCK_EX);\n    return 0;\n}\n";
    let prog = compile_text("flock_twice.c", text);
    let r = explore::run(&prog, &config(Path::new("flock_twice.c"), TimeMode::Strict), &mut Random::new(0), false);
    let End::Deadlock { stuck, .. } = &r.end else { panic!("{:?}", r.end) };
    let why = stuck[0].why(&prog.sources);
    assert!(why.contains("held by process 1000 (itself, through another open of the file)"), "{why}");
}

#[test]
fn a_compound_shell_command_is_refused_plainly_not_run_as_a_program_named_for() {
    let text = r#"#include <stdlib.h>
#include <sys/wait.h>
int main(void) {
    int st = system("for i in 1 2; do echo $i; done");
    return WIFEXITED(st) && WEXITSTATUS(st) == 2 ? 0 : 1;
}
"#;
    let (code, err) = run_cli("for.c", text);
    assert_eq!(code, 0, "the shell exits with status 2:\n{err}");
    assert!(err.contains("compound commands (if, for, while, until, case, { ... }) are not supported by ipcsim's sh: for"), "{err}");
    assert!(!err.contains("W0602"), "no exec of a program named `for` is attempted:\n{err}");
}
