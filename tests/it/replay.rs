//! Tokens replay runs exactly, from the command line, in separate
//! processes; a token for another program or options is refused.

use proptest::prelude::*;
use std::process::Command;

const RACE: &str = "scenarios/bounded_buffer_two_producers.c";

fn ipcsim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The trace lines of a report (they start with a right-aligned step).
fn trace_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.get(..5).is_some_and(|h| h.trim().parse::<u64>().is_ok())).collect()
}

#[test]
fn replaying_a_printed_token_prints_the_identical_trace() {
    let (code, _, err) = ipcsim(&["explore", RACE, "--runs", "1000"]);
    assert_eq!(code, 1, "the race is found:\n{err}");
    let cmd = err.lines().find_map(|l| l.split("replay: ").nth(1)).expect("a replay command is printed");
    let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
    assert_eq!(args[0], "replay");
    let mut with_trace = args.clone();
    with_trace.push("--trace");
    let (code2, _, err2) = ipcsim(&with_trace);
    assert_eq!(code2, 1);
    assert!(!trace_lines(&err).is_empty());
    assert_eq!(trace_lines(&err), trace_lines(&err2));
}

#[test]
fn the_same_seed_gives_the_same_trace_in_two_processes() {
    let a = ipcsim(&["run", RACE, "--seed", "7", "--trace", "--time", "lower-bound"]);
    let b = ipcsim(&["run", RACE, "--seed", "7", "--trace", "--time", "lower-bound"]);
    assert_eq!(a, b);
}

#[test]
fn a_token_for_other_options_is_refused_with_status_2() {
    let (_, _, err) = ipcsim(&["run", "scenarios/lost_update.c", "--seed", "3"]);
    let token = err.split_whitespace().find(|w| w.starts_with("ipcsim1-")).expect("token").to_string();
    let (code, _, msg) = ipcsim(&["replay", "scenarios/lost_update.c", &token, "--time", "lower-bound"]);
    assert_eq!(code, 2, "{msg}");
    let (code, _, _) = ipcsim(&["replay", "scenarios/pipe_sleep.c", &token]);
    assert_eq!(code, 2);
    let (code, _, _) = ipcsim(&["replay", "scenarios/lost_update.c", "not-a-token"]);
    assert_eq!(code, 2);
}

proptest! {
    #[test]
    fn tokens_round_trip(binding in any::<u64>(), choices in prop::collection::vec(0u32..40, 0..300)) {
        let t = sim::explore::token::encode(binding, &choices);
        prop_assert_eq!(sim::explore::token::decode(&t, binding), Ok(choices));
        prop_assert!(sim::explore::token::decode(&t, binding ^ 1).is_err());
    }
}

#[test]
fn the_token_shown_in_the_readme_still_replays() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let token = readme.split_whitespace().find(|w| w.starts_with("ipcsim1-")).expect("the README shows a token");
    let (code, _, err) = ipcsim(&["replay", RACE, token, "--time", "lower-bound"]);
    assert_eq!(code, 1, "the README's token must replay the race (update it if options or the prelude changed):\n{err}");
}
