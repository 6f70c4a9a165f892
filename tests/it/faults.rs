//! Injected faults (`--crash`, `--net-faults`): found by the search as
//! choices of the scheduler, shrunk to the one that matters, replayed
//! from their token, and absent unless asked for.

use std::process::Command;

fn ipcsim(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().expect("run ipcsim");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn injected(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains("(injected)]")).collect()
}

fn replay_args(text: &str) -> Vec<String> {
    let cmd = text.lines().find_map(|l| l.split("replay: ").nth(1)).expect("a replay command");
    cmd.split_whitespace().skip(1).map(str::to_string).collect()
}

#[test]
fn a_lost_datagram_is_a_deadlock_that_names_it_shrunk_to_the_one_loss() {
    let (code, out) = ipcsim(&["explore", "scenarios/udp_readings.c", "--net-faults", "loss"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("deadlock") && out.contains("blocked in recvfrom()"), "{out}");
    assert!(out.contains("the datagram \"stop\" (4 bytes) sent to it was lost (injected)"), "{out}");
    assert_eq!(injected(&out).len(), 1, "one loss is all it takes:\n{out}");
}

#[test]
fn a_server_crash_between_request_and_reply_hangs_the_client_that_forgot_a_close() {
    let (code, out) = ipcsim(&["explore", "scenarios/rpc_crash_hangs.c", "--crash", "any"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("process 1000: blocked in read()") && out.contains("process 1001 crashed (injected)"), "{out}");
    assert!(out.contains("the other end is held by itself (a close it forgot?)"), "{out}");
    let faults = injected(&out);
    assert_eq!(faults.len(), 1, "{out}");
    assert!(faults[0].contains("1001  killed by SIGKILL  [crashed (injected)]"), "{out}");
    // The request went out before the server died.
    let lines: Vec<&str> = out.lines().collect();
    let crash = lines.iter().position(|l| l.contains("[crashed (injected)]")).unwrap();
    assert!(lines[..crash].iter().any(|l| l.contains("1000  send(")), "{out}");
}

#[test]
fn the_client_that_handles_a_dead_server_is_clean_under_crashes() {
    let (code, out) = ipcsim(&["explore", "scenarios/rpc_crash_handled.c", "--crash", "any", "--runs", "3000"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn without_faults_both_programs_are_clean_over_ten_thousand_seeds() {
    for f in ["scenarios/udp_readings.c", "scenarios/rpc_crash_hangs.c"] {
        let (code, out) = ipcsim(&["explore", f, "--runs", "10000", "--jobs", "2"]);
        assert_eq!(code, 0, "{f}: {out}");
        assert!(out.contains("no failure in 10000 runs"), "{out}");
    }
}

#[test]
fn an_injected_fault_replays_from_its_token_and_only_with_its_options() {
    let (_, out) = ipcsim(&["explore", "scenarios/udp_readings.c", "--net-faults", "loss"]);
    let args = replay_args(&out);
    assert!(args.iter().any(|a| a == "--net-faults"), "{args:?}");
    let mut with_trace: Vec<&str> = args.iter().map(String::as_str).collect();
    with_trace.push("--trace");
    let (code, again) = ipcsim(&with_trace);
    assert_eq!(code, 1, "{again}");
    assert_eq!(injected(&again), injected(&out));
    let bare: Vec<&str> = args.iter().map(String::as_str).take_while(|a| *a != "--net-faults").collect();
    let (code, refused) = ipcsim(&bare);
    assert_eq!(code, 2, "a token made with faults does not replay without them: {refused}");
}

#[test]
fn duplicated_and_reordered_datagrams_give_outcomes_loopback_alone_never_does() {
    let count = |args: &[&str]| {
        let (_, out) = ipcsim(args);
        out.lines().find_map(|l| l.split(" distinct outcome").next()?.trim().parse::<u32>().ok()).expect("a count")
    };
    let plain = count(&["explore", "scenarios/udp_readings.c", "--outcomes", "--runs", "500"]);
    let faulty = count(&["explore", "scenarios/udp_readings.c", "--outcomes", "--runs", "500", "--net-faults", "dup,reorder"]);
    assert_eq!(plain, 1);
    assert!(faulty > 1, "{faulty}");
}

#[test]
fn a_reset_connection_is_seen_by_the_echo_client() {
    let (code, out) = ipcsim(&["explore", "scenarios/tcp_echo.c", "--net-faults", "reset"]);
    assert_eq!(code, 1, "{out}");
    let faults = injected(&out);
    assert_eq!(faults.len(), 1, "{out}");
    assert!(faults[0].contains("[connection reset (injected)]"), "{out}");
    assert!(out.contains("killed by SIGPIPE: send on a socket whose connection is shut down, closed or reset"), "{out}");
}

#[test]
fn bad_fault_options_are_refused() {
    let (code, out) = ipcsim(&["explore", "scenarios/udp_readings.c", "--net-faults", "loss,fire"]);
    assert_eq!(code, 2);
    assert!(out.contains("unknown network fault 'fire'"), "{out}");
    let (code, _) = ipcsim(&["explore", "scenarios/udp_readings.c", "--crash", "server"]);
    assert_eq!(code, 2);
}

#[test]
fn the_timeline_of_a_failure_marks_the_injected_fault() {
    let dir = std::env::temp_dir().join(format!("ipcsim-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("crash.svg");
    let (code, out) = ipcsim(&["explore", "scenarios/rpc_crash_hangs.c", "--crash", "any", "--timeline", svg.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.contains("crashed (injected)"), "the crash is drawn and named");
    std::fs::remove_dir_all(&dir).ok();
}

/// A program in a scratch file, run with `ipcsim run` (strict time).
fn run_program(name: &str, text: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!("ipcsim-timeouts-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join(format!("{name}.c"));
    std::fs::write(&f, text).unwrap();
    let r = ipcsim(&["run", f.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    r
}

#[test]
fn receive_timeouts_and_poll_timeouts_run_out_on_the_virtual_clock() {
    let text = r#"
#include <stdio.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (struct sockaddr *)&a, sizeof a);
    struct timeval tv = {0, 250000};
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    double t0 = now();
    char b[8];
    int r = recv(s, b, sizeof b, 0);
    printf("recv %d %s after %.2f s\n", r, errno == EAGAIN ? "EAGAIN" : "?", now() - t0);
    int p[2];
    pipe(p);
    struct pollfd f = {p[0], POLLIN, 0};
    t0 = now();
    r = poll(&f, 1, 300);
    printf("poll %d after %.2f s\n", r, now() - t0);
    return 0;
}
"#;
    let (code, out) = run_program("timeouts", text);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("recv -1 EAGAIN after 0.25 s"), "{out}");
    assert!(out.contains("poll 0 after 0.30 s"), "{out}");
}

#[test]
fn a_udp_client_that_retries_survives_one_loss_but_not_three() {
    let (code, out) = ipcsim(&["explore", "scenarios/udp_retry.c", "--net-faults", "loss", "--outcomes"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("try 1: no reply in time\\nreply: hello"), "one loss costs a retry:\n{out}");
    assert!(out.contains("(FAILURE): 1000: exit 1"), "three losses make it give up:\n{out}");
}
