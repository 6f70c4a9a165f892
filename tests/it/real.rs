//! The real backend: every scenario's real outcomes are ones the simulator
//! produces (crosscheck exits 0), chaos reproduces the two-producer race,
//! and nothing a run creates outlives it.

use std::process::Command;

fn ipcsim(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).envs(env.iter().copied()).output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn shm_leftovers() -> Vec<String> {
    std::fs::read_dir("/dev/shm")
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("ipcsim.") || n.starts_with("conf_"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn crosscheck_explains_every_scenarios_real_outcomes() {
    for f in crate::native::c_files("scenarios") {
        let name = crate::native::stem(&f);
        // Runs that sleep or always hang are slow for real: fewer of them.
        let (runs, timeout) = match name.as_str() {
            "pipe_sleep" => ("1", "6000"),
            "forgotten_close" => ("1", "400"),
            "bounded_buffer_two_producers" => ("60", "400"),
            _ => ("30", "2000"),
        };
        let (code, out) = ipcsim(&["crosscheck", f.to_str().unwrap(), "--runs", runs, "--timeout-ms", timeout], &[]);
        assert_eq!(code, 0, "{}:\n{out}", f.display());
    }
}

#[test]
fn chaos_reproduces_the_lost_item_on_the_real_kernel_within_100_runs() {
    let (code, out) = ipcsim(&["real", "scenarios/bounded_buffer_two_producers.c", "--chaos", "--runs", "100", "--timeout-ms", "300"], &[]);
    assert_eq!(code, 1, "a failure is seen:\n{out}");
    assert!(out.contains("FAILURE"), "{out}");
}

#[test]
fn without_a_namespace_names_are_prefixed_and_removed() {
    let (code, out) = ipcsim(&["real", "scenarios/named_shm.c", "--runs", "3"], &[("IPCSIM_NO_NAMESPACE", "1")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("names were prefixed") && out.contains("parent read: hello from the child"), "{out}");
    assert_eq!(shm_leftovers(), Vec::<String>::new());
}

#[test]
fn a_real_run_leaves_nothing_in_dev_shm() {
    let (code, out) = ipcsim(&["real", "scenarios/named_shm.c", "--runs", "3"], &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(shm_leftovers(), Vec::<String>::new());
    assert!(!std::path::Path::new("/dev/shm/ipcsim_named_shm_demo_real_check").exists());
}

#[test]
fn run_and_real_agree_that_a_parent_killing_its_spinning_child_is_no_failure() {
    let f = "tests/programs/parent_kills_spinning_child.c";
    let (code, out) = ipcsim(&["run", f], &[]);
    assert_eq!(code, 0, "run:\n{out}");
    assert!(out.contains("child killed by signal 9"), "{out}");
    let (code, out) = ipcsim(&["real", f, "--runs", "3", "--timeout-ms", "3000"], &[]);
    assert_eq!(code, 0, "real:\n{out}");
    assert!(!out.contains("FAILURE"), "{out}");
}

#[test]
fn kill_minus_one_spares_the_caller_in_both_backends() {
    let f = "tests/programs/kill_minus_one_spares_the_caller.c";
    let (code, out) = ipcsim(&["run", f], &[]);
    assert_eq!(code, 0, "run:\n{out}");
    assert!(out.contains("caller alive; child killed by signal 15"), "{out}");
    let (code, out) = ipcsim(&["real", f, "--runs", "2", "--timeout-ms", "3000"], &[]);
    assert_eq!(code, 0, "real:\n{out}");
    assert!(out.contains("caller alive; child killed by signal 15"), "{out}");
}

/// The crosscheck driver as a library: every real outcome of the lost
/// update is explained with a token that replays it, and an outcome the
/// program cannot show (nothing printed, all exited 0) is not.
#[test]
fn the_library_crosscheck_explains_real_outcomes_and_not_impossible_ones() {
    use ipcsim::crosscheck;
    let file = std::path::Path::new("scenarios/lost_update.c");
    let text = std::fs::read_to_string(file).unwrap();
    let prog = sim::lang::compile("scenarios/lost_update.c", &text, &sim::lang::fs_loader).unwrap();
    let opts = sim::options::Options::for_program("lost_update");
    let cfg = real::RealConfig::new(&opts, true, 2000);
    let worker = std::path::Path::new(env!("CARGO_BIN_EXE_ipcsim"));
    let mut seen = crosscheck::real_outcomes(worker, file, &cfg, 10, 0, &mut |_| {}).expect("real runs");
    assert!(!seen.is_empty() && seen.iter().all(|s| !s.run.hung), "{seen:?}");
    let mut impossible = seen[0].clone();
    impossible.run.outcome.writes.clear();
    seen.push(impossible);
    let check = crosscheck::explain(&prog, &opts, &seen, 400);
    assert_eq!(check.explained.len(), seen.len() - 1, "{check:?}");
    assert_eq!(check.unexplained.len(), 1);
    assert!(check.unexplained[0].outcome.writes.is_empty());
    for (r, tok) in &check.explained {
        let again = sim::explore::replay(&prog, &opts, tok, false).expect("the token replays");
        assert_eq!(again.outcome, r.outcome);
    }
}

/// A read one past a malloc block stops the simulated run at undefined
/// behaviour; the real outcomes agree with it up to there, so crosscheck
/// explains them (exit 0) rather than calling the simulator wrong.
#[test]
fn crosscheck_explains_a_program_reading_one_past_a_malloc_block() {
    let (code, out) = ipcsim(&["crosscheck", "tests/programs/oob_read_past_malloc.c", "--runs", "10"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("explained: 1000: stopped at undefined behaviour, 1001: exit 0"), "{out}");
}

/// After undefined behaviour anything may happen: a real run that went on
/// (as native code does: it printed a number and exited 0) is explained
/// by the simulated run that stopped there, as long as it agrees before
/// it; one whose writes before it differ is not.
#[test]
fn a_run_stopped_at_undefined_behaviour_explains_any_real_continuation_that_agrees_before_it() {
    use ipcsim::crosscheck;
    use sim::outcome::{ExitStatus, Outcome, Write};
    let file = "tests/programs/oob_read_past_malloc.c";
    let prog = sim::lang::compile(file, &std::fs::read_to_string(file).unwrap(), &sim::lang::fs_loader).unwrap();
    let opts = sim::options::Options::for_program("oob_read_past_malloc");
    let write = |pid, text: &str| Write { pid, fd: 1, bytes: text.as_bytes().to_vec() };
    let native = Outcome {
        writes: vec![write(1001, "child\n"), write(1000, "0\n")],
        exits: vec![(1000, ExitStatus::Code(0)), (1001, ExitStatus::Code(0))],
    };
    let mut wrong = native.clone();
    wrong.writes[0] = write(1001, "other\n");
    let seen = |outcome| crosscheck::RealSeen {
        run: real::RealRun { outcome, hung: false, blocked: false, isolated: true, sent: Vec::new() },
        count: 1,
    };
    let check = crosscheck::explain(&prog, &opts, &[seen(native), seen(wrong)], 50);
    assert_eq!(check.explained.len(), 1, "{check:?}");
    assert_eq!(check.explained[0].0.outcome.writes[1].bytes, b"0\n");
    assert_eq!(check.unexplained.len(), 1);
}
