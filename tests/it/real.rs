//! The real backend: every scenario's real outcomes are ones the simulator
//! produces (crosscheck exits 0), chaos reproduces the two-producer race,
//! and nothing a run creates outlives it.

use std::process::Command;

fn ipcsim(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).envs(env.iter().copied()).output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn shm_leftovers() -> Vec<String> {
    // Other tests run real programs at the same time: an object of a run
    // still going is not a leftover, so wait (up to 10 s) for it to go.
    let list = || -> Vec<String> {
        std::fs::read_dir("/dev/shm")
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with("ipcsim.") || n.starts_with("conf_"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let start = std::time::Instant::now();
    loop {
        let left = list();
        // The test harness's clock, not the simulation's.
        if left.is_empty() || start.elapsed() > std::time::Duration::from_secs(10) {
            return left;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
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
    let mut seen = crosscheck::real_outcomes(worker, file, &cfg, (0, 10), 2, &mut |_| {}).expect("real runs");
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

/// `ipcsim real --json` on a test program: the exit status and the first
/// outcome's stdout and report (or the whole JSON if there is none).
fn real_json(file: &str, args: &[&str], env: &[(&str, &str)]) -> (i32, String, serde_json::Value) {
    let mut all = vec!["real", file, "--json"];
    all.extend_from_slice(args);
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(&all).envs(env.iter().copied()).output().expect("run ipcsim");
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{file}: no JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let first = v["outcomes"][0].clone();
    let stdout: Vec<u8> = first["outcome"]["writes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|w| w["fd"] == 1)
        .flat_map(|w| w["bytes"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8))
        .collect();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&stdout).into_owned(), first)
}

/// Namespace on and off (`IPCSIM_NO_NAMESPACE=1`, names prefixed).
const MODES: [&[(&str, &str)]; 2] = [&[], &[("IPCSIM_NO_NAMESPACE", "1")]];

#[test]
fn a_255_character_shm_name_works_in_both_modes() {
    for env in MODES {
        let (code, out, _) = real_json("tests/programs/long_shm_name.c", &["--runs", "2"], env);
        assert_eq!(code, 0, "{env:?}: {out}");
        assert_eq!(out, "through the long name\nunlink 0\nreopen -1 errno 2\n", "{env:?}");
        assert!(shm_leftovers().iter().all(|n| !n.contains("nnnnnnnn")), "{:?}", shm_leftovers());
    }
}

/// A child that spins for ever stays in its loop on the real kernel (the
/// fuel of a visible-operation-free stretch is the simulator's measure of
/// an endless loop, not a reason to stop or jump): the run hangs and is
/// killed at the timeout, the child never prints, and crosscheck agrees
/// with the simulator, which reports an endless loop.
#[test]
fn a_spinning_child_stays_in_its_loop_and_hangs_like_natively() {
    let f = "tests/programs/child_spins_parent_waits.c";
    let (code, out, first) = real_json(f, &["--runs", "1", "--timeout-ms", "500"], &[]);
    assert_eq!(code, 1, "{first}");
    assert_eq!(first["hung"], true, "{first}");
    assert_eq!(out, "", "the child left its loop");
    let (code, out) = ipcsim(&["crosscheck", f, "--runs", "1", "--timeout-ms", "500"], &[]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = ipcsim(&["real", "tests/programs/parent_kills_spinning_child.c", "--runs", "1"], &[]);
    assert_eq!(code, 0, "{out}");
}

/// A run in which every process is blocked or spins on shared memory
/// nobody can change any more ends as a livelock as soon as the
/// supervisor sees it, not at the timeout (a minute here); a spinner that
/// a sleeping process releases later is left alone.
#[test]
fn a_real_livelock_is_told_from_a_hang_and_a_released_spinner_is_not_one() {
    let f = "tests/programs/spin_on_shared_flag.c";
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["real", f, "--json", "--runs", "4", "--jobs", "2", "--timeout-ms", "60000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Which killed process's exit the supervisor sees varies (the parent
    // may reap its killed child first): one outcome or two, all livelocks.
    let outcomes = v["outcomes"].as_array().unwrap();
    assert!(outcomes.iter().all(|o| o["livelock"] == true && o["outcome"]["writes"].as_array().unwrap().is_empty()), "{v}");
    assert_eq!(outcomes.iter().map(|o| o["count"].as_u64().unwrap()).sum::<u64>(), 4, "{v}");
    let (code, out, first) = real_json(f, &["--runs", "4", "--timeout-ms", "60000", "--", "go"], &[]);
    assert_eq!(code, 0, "{first}");
    assert_eq!(out, "child saw go\nparent done (go)\n");
    let (code, out) = ipcsim(&["crosscheck", f, "--runs", "2", "--timeout-ms", "60000"], &[]);
    assert_eq!(code, 0, "the simulator explains the livelock: {out}");
}

/// Two processes handing a Peterson lock back and forth a thousand times
/// each wait out the other's critical section in turn, so both are seen
/// waiting at almost any instant: that is progress, not a livelock (it
/// was reported as one in most runs).
#[test]
fn processes_taking_turns_at_a_spin_lock_are_no_livelock() {
    let (code, out) = ipcsim(&["real", "scenarios/peterson_fenced.c", "--runs", "20", "--", "1000"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("20 runs: 1000-1001: exit 0") && out.contains("counter 2000 (expected 2000)"), "{out}");
}

/// `--jobs` runs real runs side by side and changes nothing a user reads
/// of a program with one outcome: the runs counted and their outcome.
#[test]
fn real_runs_on_several_jobs_count_every_run_once() {
    let f = "scenarios/semaphore_bounded_buffer.c";
    let report = |jobs: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(["real", f, "--json", "--runs", "30", "--jobs", jobs]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["runs"].clone(),
            v["outcomes"].as_array().unwrap().iter().map(|o| (o["count"].clone(), o["outcome"].clone())).collect::<Vec<_>>(),
        )
    };
    let one = report("1");
    assert_eq!(one.0, 30);
    assert_eq!(one.1.len(), 1, "{one:?}");
    assert_eq!(report("3"), one);
}

/// Processes are counted while they exist (running or not yet reaped),
/// not over the run: 100 children one after another all work, and the
/// fork that would make the 65th process at once fails with EAGAIN.
#[test]
fn the_process_limit_counts_processes_that_exist_at_once() {
    let (code, out, _) = real_json("tests/programs/process_limit.c", &["--runs", "1", "--timeout-ms", "20000"], &[]);
    assert_eq!(code, 0, "{out}");
    let want = format!("sequential 100, concurrent {}, then errno 11\n", sim::abi::limits::MAX_PROCS - 1);
    assert_eq!(out, want);
    assert_eq!(sim_stdout("tests/programs/process_limit.c"), want, "the simulator agrees");
}

/// What `ipcsim run FILE` prints on stdout (seed 0).
fn sim_stdout(file: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(["run", file]).output().expect("run ipcsim");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_fork_bomb_ends_promptly_with_eagain_on_the_real_kernel() {
    let t = std::time::Instant::now();
    let (code, out, first) = real_json("tests/programs/fork_bomb.c", &["--runs", "1", "--timeout-ms", "20000"], &[]);
    assert_eq!(code, 0, "{first}");
    assert_eq!(first["hung"], false);
    assert!(out.contains("EAGAIN"), "{out}");
    assert!(t.elapsed() < std::time::Duration::from_secs(15), "{:?}", t.elapsed());
    let (code, out) = ipcsim(&["explore", "tests/programs/fork_bomb.c", "--runs", "20"], &[]);
    assert_eq!(code, 0, "the simulator ends it too:\n{out}");
    assert!(sim_stdout("tests/programs/fork_bomb.c").contains("EAGAIN"));
}

#[test]
fn a_descriptor_leak_gets_emfile_where_the_simulator_does() {
    let (code, out, _) = real_json("tests/programs/fd_leak.c", &["--runs", "1"], &[]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, format!("{} descriptors, then errno 24\n", sim::abi::limits::MAX_FDS - 3));
    assert_eq!(sim_stdout("tests/programs/fd_leak.c"), out, "the simulator agrees");
}

/// The real clocks start where the simulator's do (`abi::EPOCH_SECS`,
/// monotonic 0), so a program seeding `rand` with the time crosschecks.
#[test]
fn real_clocks_start_at_the_simulators_epoch() {
    let f = "tests/programs/print_time.c";
    let (code, out, _) = real_json(f, &["--runs", "1"], &[]);
    assert_eq!(code, 0, "{out}");
    let e = sim::abi::EPOCH_SECS;
    assert!(out.starts_with(&format!("time {e} realtime {e} dice ")) && out.ends_with("\nmonotonic 0\n"), "{out}");
    let (code, out) = ipcsim(&["crosscheck", f, "--runs", "3"], &[]);
    assert_eq!(code, 0, "{out}");
}

/// 40 MiB of output: the run keeps 16 MiB (`abi::limits::MAX_OUTPUT`),
/// says so, and ipcsim's memory stays bounded: the peak resident sizes
/// (`VmHWM`) of ipcsim and every process under it, read from `/proc`
/// while they run. (`wait4`'s peak would count the test binary's pages,
/// which the child holds until it execs: other tests' memory.)
#[test]
fn real_output_is_bounded_and_said_to_be_truncated() {
    let out = tempfile("big_output.out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["real", "tests/programs/big_output.c", "--runs", "2", "--timeout-ms", "60000"])
        .stdout(std::fs::File::create(&out).unwrap())
        .spawn()
        .expect("run ipcsim");
    let mut peaks = std::collections::BTreeMap::new();
    let status = loop {
        peak_sizes(child.id() as i32, &mut peaks);
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let text = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    assert_eq!(status.code(), Some(0), "{text}");
    assert!(text.contains("output truncated"), "{text}");
    let peak_mb = peaks.values().sum::<u64>() / 1024;
    eprintln!("peak RSS of ipcsim real with 40 MiB of output: {peak_mb} MB (ipcsim and the processes under it, summed)");
    // About 95 MB (release). Unbounded, the two runs' 80 MiB of output
    // and its copies would go far past this.
    assert!(peak_mb < 320, "{peak_mb} MB");
}

/// Records the peak resident size (kB) of `pid` and its descendants.
fn peak_sizes(pid: i32, peaks: &mut std::collections::BTreeMap<i32, u64>) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let hwm = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
    if let Some(kb) = hwm {
        let e = peaks.entry(pid).or_insert(0);
        *e = (*e).max(kb);
    }
    let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    for c in children.split_whitespace().filter_map(|c| c.parse().ok()) {
        peak_sizes(c, peaks);
    }
}

fn tempfile(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("ipcsim-test-{}-{name}", std::process::id()))
}

/// Real pids of processes whose command line mentions `tag`.
fn processes_with(tag: &str) -> Vec<i32> {
    let me = std::process::id() as i32;
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&p| p != me)
        .filter(|p| std::fs::read(format!("/proc/{p}/cmdline")).is_ok_and(|c| String::from_utf8_lossy(&c).contains(tag)))
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum Stop {
    /// Ctrl-C: SIGINT to the process group.
    CtrlC,
    Term,
    Kill,
    /// SIGKILL to ipcsim's whole process group (driver and worker at
    /// once: only the guard is left to end the run).
    GroupKill,
}

/// Starts `ipcsim real` on `program` (its shm name made unique), waits
/// for the run's processes, stops ipcsim as `how` says, and checks that
/// within a second no process of the run and no shm name is left.
fn stop_real_run(program: &str, cmd: &str, how: Stop, env: &[(&str, &str)]) {
    let tag = format!("stoptest{}x{:?}x{}x{}", std::process::id(), how, env.len(), cmd);
    let src = std::fs::read_to_string(program).unwrap().replace("SHM_NAME", &tag);
    let file = tempfile(&format!("{tag}.c"));
    std::fs::write(&file, src).unwrap();
    use std::os::unix::process::CommandExt;
    let child = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args([cmd, file.to_str().unwrap(), "--runs", "5", "--timeout-ms", "60000"])
        .envs(env.iter().copied())
        .process_group(0)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run ipcsim");
    let pid = child.id() as i32;
    let t = std::time::Instant::now();
    // The driver, the worker, its guard and the program's two processes.
    while processes_with(&tag).len() < 5 {
        assert!(t.elapsed().as_secs() < 20, "the run's processes never appeared");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let sent = std::time::Instant::now();
    // SAFETY: signalling the child we started (or its own group).
    match how {
        Stop::CtrlC => unsafe { libc::kill(-pid, libc::SIGINT) },
        Stop::Term => unsafe { libc::kill(pid, libc::SIGTERM) },
        Stop::Kill => unsafe { libc::kill(pid, libc::SIGKILL) },
        Stop::GroupKill => unsafe { libc::kill(-pid, libc::SIGKILL) },
    };
    let out = child.wait_with_output().unwrap();
    while !processes_with(&tag).is_empty() && sent.elapsed().as_millis() < 1000 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let gone = sent.elapsed();
    let left = processes_with(&tag);
    // Never leave them behind, even when failing.
    for &p in &left {
        unsafe { libc::kill(p, libc::SIGKILL) };
    }
    let shm: Vec<String> = std::fs::read_dir("/dev/shm").unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    for n in shm.iter().filter(|n| n.contains(&tag)) {
        let _ = std::fs::remove_file(format!("/dev/shm/{n}"));
    }
    let _ = std::fs::remove_file(&file);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    eprintln!("{cmd} {program} {how:?} {env:?}: all gone {gone:?} after the signal");
    assert!(left.is_empty(), "{how:?} {env:?}: processes left: {left:?}\n{text}");
    assert!(shm.iter().all(|n| !n.contains(&tag)), "{how:?} {env:?}: shm left: {shm:?}");
    match how {
        Stop::Kill | Stop::GroupKill => assert_eq!(out.status.code(), None),
        _ => {
            assert_eq!(out.status.code(), Some(3), "{how:?} {env:?}: {text}");
            assert!(text.contains("interrupted after 0 runs"), "{text}");
        }
    }
}

#[test]
fn ctrl_c_sigterm_and_sigkill_leave_no_process_or_name_of_a_real_run() {
    for env in MODES {
        for how in [Stop::CtrlC, Stop::Term, Stop::Kill, Stop::GroupKill] {
            stop_real_run("tests/programs/spin_forever.c", "real", how, env);
        }
    }
}

#[test]
fn stopping_a_run_with_a_sleeping_child_or_a_crosscheck_leaves_nothing() {
    for env in MODES {
        for how in [Stop::CtrlC, Stop::Term, Stop::Kill, Stop::GroupKill] {
            stop_real_run("tests/programs/sleep_forever.c", "real", how, env);
        }
        stop_real_run("tests/programs/spin_forever.c", "crosscheck", Stop::CtrlC, env);
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
    let native =
        Outcome::new(vec![write(1001, "child\n"), write(1000, "0\n")], vec![(1000, ExitStatus::Code(0)), (1001, ExitStatus::Code(0))]);
    let mut wrong = native.clone();
    wrong.writes[0] = write(1001, "other\n");
    let seen = |outcome| crosscheck::RealSeen {
        run: real::RealRun { outcome, hung: false, blocked: false, livelock: false, isolated: true, sent: Vec::new() },
        count: 1,
    };
    let check = crosscheck::explain(&prog, &opts, &[seen(native), seen(wrong)], 50);
    assert_eq!(check.explained.len(), 1, "{check:?}");
    assert_eq!(check.explained[0].0.outcome.writes[1].bytes, b"0\n");
    assert_eq!(check.unexplained.len(), 1);
}

/// Each write() is one write in a real outcome, whatever its size: two
/// writes of exactly one log packet's payload were joined into one (and
/// crosscheck then found the outcome impossible), and a write larger than
/// a packet must stay whole.
#[test]
fn writes_the_size_of_a_log_packet_stay_separate_writes() {
    let f = "tests/programs/packet_sized_writes.c";
    let (code, _, first) = real_json(f, &["--runs", "1"], &[]);
    assert_eq!(code, 0, "{first}");
    let sizes: Vec<usize> = first["outcome"]["writes"].as_array().unwrap().iter().map(|w| w["bytes"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, vec![4087, 4087, 10000, 2]);
    let (code, out) = ipcsim(&["crosscheck", f, "--runs", "2"], &[]);
    assert_eq!(code, 0, "{out}");
}

/// Without a namespace, the message queues a run creates are unlinked
/// after it. Queues are listed through the mqueue filesystem, mounted
/// for the test (a machine that refuses the mount skips the check).
#[test]
fn without_a_namespace_the_runs_message_queues_are_unlinked() {
    let dir = tempfile("mqueue");
    std::fs::create_dir_all(&dir).unwrap();
    let mounted = Command::new("mount").args(["-t", "mqueue", "none", dir.to_str().unwrap()]).status().is_ok_and(|s| s.success());
    if mounted {
        // Leftovers of an earlier, broken run would be blamed on this one.
        for e in std::fs::read_dir(&dir).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains("queue_left_open")) {
            let _ = std::fs::remove_file(e.path());
        }
    }
    let (code, out) = ipcsim(&["real", "tests/programs/queue_left_open.c", "--runs", "2"], &[("IPCSIM_NO_NAMESPACE", "1")]);
    let left: Vec<String> = if mounted {
        let names = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        let _ = Command::new("umount").arg(&dir).status();
        names
    } else {
        eprintln!("mqueue filesystem not mountable here: queue leftovers not checked");
        Vec::new()
    };
    let _ = std::fs::remove_dir(&dir);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"1\\n\""), "{out}");
    assert!(left.iter().all(|n| !n.contains("queue_left_open")), "left behind: {left:?}");
}

/// A name the rules refuse fails alike in both backends, for shm, queues
/// and semaphores (the real backend returned the errno as a descriptor).
#[test]
fn refused_ipc_names_fail_alike_in_both_backends() {
    let f = "tests/diff/151_refused_ipc_names.c";
    let (code, out, _) = real_json(f, &["--runs", "1"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("shm_open /a/b: -1 22"), "{out}");
    assert_eq!(sim_stdout(f), out);
}

/// `--exec NAME=FILE.c` runs a C file under a name `exec` finds, `--file`
/// seeds the run's file system, `--show-files` prints what the run left,
/// and an exec of a program ipcsim does not have is ENOENT with W0602;
/// crosscheck explains the real run (the same program, files compared).
#[test]
fn exec_of_a_c_file_and_seeded_files_work_from_the_command_line() {
    let scratch = crate::native::Scratch::new("cli-exec");
    let dir = &scratch.0;
    let child = "#include <stdio.h>\nint main(int argc, char **argv) {\n    char line[64];\n    FILE *in = fopen(\"input.txt\", \"r\");\n    FILE *out = fopen(\"out.txt\", \"w\");\n    while (in && fgets(line, sizeof line, in)) fprintf(out, \"%s: %s\", argv[1], line);\n    fclose(out);\n    return 7;\n}\n";
    let parent = "#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {\n    if (fork() == 0) { execl(\"./worker\", \"worker\", \"tag\", (char *)NULL); _exit(1); }\n    int st;\n    wait(&st);\n    if (fork() == 0) { execlp(\"no-such-program\", \"x\", (char *)NULL); _exit(3); }\n    int st2;\n    wait(&st2);\n    printf(\"worker %d, missing %d\\n\", WEXITSTATUS(st), WEXITSTATUS(st2));\n    return 0;\n}\n";
    std::fs::write(dir.join("child.c"), child).unwrap();
    std::fs::write(dir.join("parent.c"), parent).unwrap();
    std::fs::write(dir.join("host_in.txt"), "alpha\nbeta\n").unwrap();
    let file = |n: &str| dir.join(n).display().to_string();
    let exec = format!("worker={}", file("child.c"));
    let seed = format!("input.txt={}", file("host_in.txt"));
    let (code, out) = ipcsim(&["run", &file("parent.c"), "--exec", &exec, "--file", &seed, "--show-files"], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("worker 7, missing 3"), "{out}");
    assert!(out.contains("ipcsim: file out.txt (21 bytes):\ntag: alpha\ntag: beta"), "{out}");
    assert!(out.contains("warning[W0602]: exec of `no-such-program`"), "{out}");
    assert!(out.contains(&format!("--exec {exec} --file {seed}")), "the replay command keeps both:\n{out}");
    let (code, out) = ipcsim(&["crosscheck", &file("parent.c"), "--exec", &exec, "--file", &seed, "--runs", "3"], &[]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = ipcsim(&["run", &file("parent.c"), "--exec", "..=x.c"], &[]);
    assert_eq!(code, 2, "a name that is no program is refused:\n{out}");
}

/// A printf argument of the wrong class and `void main` are warned about
/// (W0301, W0302) at their places, and the program runs all the same,
/// printing what a native run prints.
#[test]
fn format_argument_and_void_main_warnings_do_not_stop_a_run() {
    let scratch = crate::native::Scratch::new("cli-warn");
    let file = scratch.0.join("warned.c");
    std::fs::write(
        &file,
        "#include <stdio.h>\nvoid main(void) {\n    double avg = 2.5;\n    int n = 3;\n    printf(\"%f %d\\n\", n, avg);\n}\n",
    )
    .unwrap();
    let (code, out) = ipcsim(&["run", &file.display().to_string()], &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[W0302]: `main` returns `void`"), "{out}");
    assert!(out.contains("warning[W0301]: `%f` expects a `double`, but this argument has type `int`"), "{out}");
    assert!(out.contains("warned.c:5:23"), "the warning points at the argument:\n{out}");
    assert!(out.contains("2.500000 3\n"), "{out}");
}

/// Where the kernel refuses the run a network namespace of its own, a
/// program that opens an `AF_INET` socket is refused (exit 4), never run
/// on the host's network.
#[test]
fn an_inet_program_is_refused_without_a_network_namespace() {
    let (code, out) = ipcsim(&["real", "scenarios/udp_readings.c", "--runs", "1"], &[("IPCSIM_NO_NAMESPACE", "1")]);
    assert_eq!(code, 4, "{out}");
    assert!(out.contains("network namespace") && out.contains("AF_INET"), "{out}");
    let (code, out) = ipcsim(&["real", "scenarios/udp_readings.c", "--runs", "3"], &[]);
    assert_eq!(code, 0, "with its namespace it runs: {out}");
}

/// A handler ends a loop that makes no system call, on the real kernel
/// as natively: a private busy wait (`while (!got) ;`), and a loop of
/// shared accesses. Both used to hang until the timeout: the handler ran
/// only at a system call.
#[test]
fn a_signal_handler_interrupts_loops_without_system_calls() {
    for (file, out) in [
        ("tests/programs/handler_ends_a_private_busy_wait.c", "child got it"),
        ("tests/programs/handler_ends_a_shared_counting_loop.c", "child stopped: 1"),
    ] {
        let (code, text) = ipcsim(&["real", file, "--runs", "5", "--timeout-ms", "5000"], &[]);
        assert_eq!(code, 0, "{file}:\n{text}");
        assert!(text.contains(&format!("5 runs: 1000-1001: exit 0\n  stdout: \"{out}\\n\"")), "{file}:\n{text}");
    }
}

/// An orphan sees its new parent (pid 1) even when its parent exits at
/// once after the fork: the child took its real parent from getppid,
/// which may already name the process that adopted it, and then waited
/// for ever for its parent to change (a third of the runs hung).
#[test]
fn an_orphan_whose_parent_exits_at_once_sees_itself_adopted() {
    let (code, text) = ipcsim(&["real", "tests/diff/165_zombies_and_orphans.c", "--runs", "20", "--timeout-ms", "5000"], &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with("1 distinct outcome in 20 real runs"), "{text}");
}

/// `crosscheck --no-chaos` makes plain real runs and says so, and shows
/// each explained outcome's output beside the command that replays it.
#[test]
fn crosscheck_without_chaos_says_so_and_shows_what_it_explained() {
    let (code, text) = ipcsim(&["crosscheck", "scenarios/lost_update.c", "--no-chaos", "--runs", "3", "--sim-runs", "500"], &[]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("in 3 plain runs"), "{text}");
    let explained = text.split("  explained: ").nth(1).unwrap_or_else(|| panic!("{text}"));
    assert!(
        explained.contains("\n    stdout: \"counter = ") && explained.contains("\n    by: ipcsim replay scenarios/lost_update.c"),
        "{text}"
    );
}
