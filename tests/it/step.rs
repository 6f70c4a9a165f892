//! `ipcsim step`, driven through its plain mode (stdin and stdout, as
//! over ssh, in a pipe or with a screen reader).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// A session fed `input`, with `args` after `step`, on the textbook's
/// machine (`--memory sc`: no store-buffer flushes among the choices).
fn session(args: &[&str], input: &str) -> Output {
    session_under("sc", args, input)
}

/// A session under memory model `model`.
fn session_under(model: &str, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .arg("step")
        .args(args)
        .args(["--memory", model])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The person schedules both children to read the counter before either
/// writes it back: goal mode says the lost update is reached and gives a
/// token, which `replay` reproduces (the counter ends short, and the
/// explanation is the same).
#[test]
fn a_scripted_session_reaches_the_lost_update_and_its_token_replays_it() {
    let o = session(&["scenarios/lost_update.c", "--goal", "lost-update"], "1000\n1001\n1002\n1001\n1002\n");
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("[1001] load (*counter)") && out.contains("line 18: (*counter)++;"),
        "each choice with its next operation and line: {out}"
    );
    assert!(out.contains("1000  blocked in wait()"), "who waits where: {out}");
    assert!(out.contains("shared: (*counter) (shm#0+0) = 0"), "the shared memory: {out}");
    assert!(out.contains("goal reached: Lost update: 1001 and 1002 both read `(*counter)` = 0"), "{out}");
    let token = out.lines().find_map(|l| l.strip_prefix("token: ")).expect("a token");
    let replay = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["replay", "scenarios/lost_update.c", token, "--trace", "--memory", "sc"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&replay.stdout), "counter = 9 (expected 10)\n");
    assert!(String::from_utf8_lossy(&replay.stderr).contains("Lost update: 1001 and 1002 both read `(*counter)` = 0"));
}

/// Undo takes back the last choice, jump goes back to an earlier one,
/// a process that cannot run is refused with the ones that can.
#[test]
fn undo_jump_and_a_wrong_pid_keep_the_session_going() {
    let o = session(&["scenarios/lost_update.c"], "1000\n1001\nu\nj 0\n1005\nq\n");
    let out = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("undone: back to choice 1"), "{out}");
    assert!(out.contains("back to after choice 0"), "{out}");
    assert!(out.contains("process 1005 cannot take the next step now: choose one of 1000, 1001"), "{out}");
}

/// Goal mode over a session that ends first: not reached (exit 1),
/// with the token of what was done; a goal that is no goal is refused.
#[test]
fn a_goal_not_reached_exits_1_and_a_bad_goal_is_refused() {
    let o = session(&["scenarios/lost_update.c", "--goal", "deadlock"], "1000\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("token: ipcsim1-"));
    let o = session(&["scenarios/lost_update.c", "--goal", "win"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("lost-update"));
}

/// With a token, `n` follows it: the run the token names, step by step.
#[test]
fn next_follows_a_token_to_its_end() {
    let token = "ipcsim1-0d89a09203200889-AAIBAQABAQsAAQ";
    let o = session(&["scenarios/lost_update.c", token], &"n\n".repeat(40));
    let out = text(&o);
    assert!(out.contains("the run ended: all exited") && out.contains("counter = 9"), "{out}");
}

/// The objects view shows the file locks held, and by whom.
#[test]
fn the_session_shows_file_locks() {
    let out = text(&session(&["scenarios/file_lock_counter.c"], &"n\n".repeat(8)));
    assert!(out.contains("flock LOCK_EX on \"/home/ipcsim/counter.txt\", through an open file of 1001"), "{out}");
}

/// The objects view: a message queue's messages, a semaphore's value, a
/// mailbox's messages.
#[test]
fn the_session_shows_queues_and_semaphores() {
    let out = text(&session(&["scenarios/mq_lecture.c"], &"n\n".repeat(6)));
    assert!(out.contains("queue /myqueue: 1 of 10 messages: \"Hello\" (priority 0)"), "{out}");
    let out = text(&session(&["scenarios/semaphore_bounded_buffer.c"], &"n\n".repeat(12)));
    assert!(out.contains("semaphore shm#0+"), "{out}");
    assert!(out.contains("sem_wait(shm#0+"), "a pending sem_wait names its semaphore's place: {out}");
    let out = text(&session(&["scenarios/mbox_bounded.c"], &"n\n".repeat(4)));
    assert!(out.contains("mailbox bounded (capacity 2): 1 message(s): \"early\""), "{out}");
}

/// On a terminal (here a pseudo-terminal from `script`) each choice
/// redraws the screen; `--plain` appends line by line instead.
#[test]
fn a_terminal_gets_a_redrawn_screen_and_plain_keeps_appending() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: script (util-linux) is not installed");
        return;
    }
    let exe = env!("CARGO_BIN_EXE_ipcsim");
    let run = |extra: &str| {
        let mut child = Command::new("script")
            .args(["-qec", &format!("{exe} step scenarios/lost_update.c --goal lost-update --memory sc {extra}"), "/dev/null"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(b"1000\n1001\n1002\n1001\n1002\n").unwrap();
        let o = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let screen = run("");
    assert!(screen.contains("\x1b[2J") && screen.contains("goal reached: Lost update"), "{screen}");
    let plain = run("--plain");
    assert!(!plain.contains("\x1b[2J") && plain.contains("goal reached: Lost update"), "{plain}");
}

/// Under x86-TSO the choices include the store-buffer flushes: `f PID`
/// makes that process's oldest buffered store reach memory, and a
/// reordering can be scheduled by hand (both processes load the other's
/// flag while their own stores wait), with a token that replays it.
#[test]
fn under_tso_the_session_offers_flushes_and_a_reordering_can_be_scheduled_by_hand() {
    let run = |input: &str| text(&session_under("tso", &["scenarios/peterson_tso.c", "--goal", "failure"], input));
    let out = run("f1001\nq\n");
    assert!(out.contains("[f1000] flush s->flag[me] (shm#0+0) := 1 (its oldest buffered store reaches memory)"), "{out}");
    assert!(out.contains("1001  flush i32 s->flag[me] (shm#0+4) := 1 (the buffered store reaches memory)"), "{out}");
    // Both load the other's flag ahead of their own store; then the first move listed, each time.
    let out = run(&format!("1000\n1001\n{}", "n\n".repeat(100)));
    for pid in ["1000", "1001"] {
        let ahead =
            out.lines().any(|l| l.contains(&format!("{pid}  load i32 s->flag[other]")) && l.contains("= 0 (ahead of its buffered store"));
        assert!(ahead, "{pid} loads the other's flag ahead of its own store:\n{out}");
    }
    assert!(out.contains("goal reached: process 1000 exited with status 1"), "{out}");
    let token = out.lines().find_map(|l| l.strip_prefix("token: ")).expect("a token").to_string();
    let o = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["replay", "scenarios/peterson_tso.c", &token, "--memory", "tso"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
}
