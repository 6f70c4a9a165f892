//! Memory models (`--memory sc|tso`): x86-TSO's store buffers as moves of
//! the search, fences and atomics that forbid the reorderings, and the
//! litmus tests' allowed and forbidden outcomes per model, as the
//! published x86-TSO tables give them (Sewell et al., CACM 2010).

use std::collections::BTreeSet;
use std::process::Command;

fn ipcsim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().expect("run ipcsim");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn peterson_without_fences_loses_an_increment_under_tso_and_the_trace_names_the_reordering() {
    let (code, out, err) = ipcsim(&["explore", "scenarios/peterson_tso.c", "--memory", "tso", "--races", "off"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("counter") && !out.contains("counter 6 "), "{out}");
    assert!(err.contains("shrunk"), "{err}");
    // A load went ahead of the process's own buffered store to its flag.
    assert!(err.lines().any(|l| l.contains("load i32 s->flag[other]") && l.contains("ahead of its buffered store s->flag[me]")), "{err}");
    // The report above the trace names the reordering and the fence.
    let why = err.lines().find(|l| l.starts_with("ipcsim: Store-buffer reordering")).unwrap_or_else(|| panic!("{err}"));
    assert!(why.contains("loaded `s->flag[other]` = 0 ahead of its own store `s->flag[me]` := 1 (line 24)"), "{why}");
    assert!(why.contains("A full fence after line 25") && why.contains("__sync_synchronize();"), "{why}");
}

#[test]
fn a_store_off_the_end_of_a_mapping_is_sigsegv_under_every_model() {
    for model in ["sc", "tso", "arm"] {
        let (code, _, err) = ipcsim(&["run", "tests/programs/arm_store_past_mapping_end.c", "--memory", model]);
        assert_eq!(code, 1, "{model}: {err}");
        assert!(err.contains("killed by SIGSEGV: out-of-bounds access"), "{model}: {err}");
    }
}

#[test]
fn a_buffered_store_draining_after_ftruncate_shrank_its_object_is_lost_not_a_crash() {
    let file = "tests/programs/tso_flush_after_ftruncate.c";
    let (code, _, err) = ipcsim(&["explore", file, "--memory", "tso", "--runs", "50", "--jobs", "1"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = ipcsim(&["explore", file, "--memory", "tso", "--strategy", "exhaustive"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("verified"), "{err}");
}

#[test]
fn a_failure_no_other_process_could_see_is_not_blamed_on_a_reordering() {
    let (code, _, err) = ipcsim(&["explore", "tests/programs/own_stores_then_a_failed_assert.c", "--memory", "tso", "--runs", "10"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("Assertion `p[1] == 3' failed"), "{err}");
    assert!(!err.contains("Store-buffer reordering") && !err.contains("__sync_synchronize"), "{err}");
}

#[test]
fn peterson_without_fences_is_verified_under_sequential_consistency() {
    let (code, _, err) = ipcsim(&["explore", "scenarios/peterson_tso.c", "--strategy", "exhaustive", "--races", "off", "--memory", "sc"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("verified under sequential consistency"), "{err}");
}

#[test]
fn peterson_with_a_fence_is_clean_over_ten_thousand_seeds_and_verified_under_tso() {
    let (code, _, err) = ipcsim(&["explore", "scenarios/peterson_fenced.c", "--memory", "tso", "--runs", "10000", "--jobs", "2"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("no failure in 10000 runs"), "{err}");
    let (code, _, err) = ipcsim(&["explore", "scenarios/peterson_fenced.c", "--memory", "tso", "--strategy", "exhaustive"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("verified under x86-TSO with store buffers of at most 8 stores"), "{err}");
}

#[test]
fn a_tso_token_replays_only_under_tso() {
    let (_, _, err) = ipcsim(&["explore", "scenarios/peterson_tso.c", "--memory", "tso", "--races", "off"]);
    let cmd = err.lines().find_map(|l| l.split("replay: ").nth(1)).expect("a replay command");
    assert!(cmd.contains("--memory tso"), "{cmd}");
    let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
    let (code, out, _) = ipcsim(&args);
    assert_eq!(code, 1, "the replay fails again: {out}");
    let sc: Vec<&str> = args.iter().map(|&a| if a == "tso" { "sc" } else { a }).collect();
    let (code, _, err) = ipcsim(&sc);
    assert_eq!(code, 2, "a tso token is refused under sc: {err}");
}

/// A litmus test: `procs` bodies over `int x, y, r[4]` in shared memory;
/// the parent runs the first and prints `show` after every child ended.
fn litmus(procs: &[&str], show: &str) -> String {
    let mut c = String::from(
        "#include <stdio.h>\n#include <sys/mman.h>\n#include <sys/wait.h>\n#include <unistd.h>\n\
         struct s { int x, y, r[4]; };\nstatic struct s *s;\n",
    );
    for (k, body) in procs.iter().enumerate() {
        c.push_str(&format!("static void p{k}(void) {{ {body} }}\n"));
    }
    c.push_str("int main(void) {\n    s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n");
    for k in 1..procs.len() {
        c.push_str(&format!("    if (fork() == 0) {{ p{k}(); _exit(0); }}\n"));
    }
    c.push_str(&format!("    p0();\n    while (wait(NULL) > 0)\n        ;\n    printf({show});\n    return 0;\n}}\n"));
    c
}

/// Every outcome an exhaustive search finds under `model`: the lines
/// the program prints.
fn outcomes(name: &str, src: &str, model: &str) -> BTreeSet<String> {
    let dir = std::env::temp_dir().join(format!("ipcsim-litmus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}_{model}.c"));
    std::fs::write(&file, src).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, err) = ipcsim(&["explore", f, "--strategy", "exhaustive", "--outcomes", "--memory", model, "--races", "off"]);
    assert_eq!(code, 0, "{name} under {model}: {out}{err}");
    let seen: BTreeSet<String> =
        out.lines().filter_map(|l| l.trim().strip_prefix("stdout: \"")).map(|l| l.trim_end_matches('"').replace("\\n", "")).collect();
    assert!(!seen.is_empty(), "{name}: {out}");
    let _ = std::fs::remove_file(&file);
    // The last test out removes the directory (it fails while others'
    // files remain).
    let _ = std::fs::remove_dir(&dir);
    seen
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn store_buffering_shows_both_zero_under_tso_only_and_not_with_fences() {
    let sb = litmus(&["s->x = 1; s->r[0] = s->y;", "s->y = 1; s->r[1] = s->x;"], "\"%d %d\\n\", s->r[0], s->r[1]");
    assert_eq!(outcomes("sb", &sb, "sc"), set(&["0 1", "1 0", "1 1"]));
    assert_eq!(outcomes("sb", &sb, "tso"), set(&["0 0", "0 1", "1 0", "1 1"]));
    let fenced = litmus(
        &["s->x = 1; __sync_synchronize(); s->r[0] = s->y;", "s->y = 1; atomic_thread_fence(memory_order_seq_cst); s->r[1] = s->x;"],
        "\"%d %d\\n\", s->r[0], s->r[1]",
    )
    .replace("#include <stdio.h>", "#include <stdio.h>\n#include <stdatomic.h>");
    assert_eq!(outcomes("sb_fenced", &fenced, "tso"), set(&["0 1", "1 0", "1 1"]));
    // A locked exchange orders like a fence.
    let xchg = litmus(
        &["__sync_lock_test_and_set(&s->x, 1); s->r[0] = s->y;", "__atomic_exchange_n(&s->y, 1, __ATOMIC_SEQ_CST); s->r[1] = s->x;"],
        "\"%d %d\\n\", s->r[0], s->r[1]",
    );
    assert_eq!(outcomes("sb_xchg", &xchg, "tso"), set(&["0 1", "1 0", "1 1"]));
}

#[test]
fn message_passing_load_buffering_iriw_and_two_plus_two_writes_are_forbidden_under_both() {
    let mp = litmus(&["s->x = 1; s->y = 1;", "s->r[0] = s->y; s->r[1] = s->x;"], "\"%d %d\\n\", s->r[0], s->r[1]");
    let lb = litmus(&["s->r[0] = s->x; s->y = 1;", "s->r[1] = s->y; s->x = 1;"], "\"%d %d\\n\", s->r[0], s->r[1]");
    let iriw = litmus(
        &["s->x = 1;", "s->y = 1;", "s->r[0] = s->x; s->r[1] = s->y;", "s->r[2] = s->y; s->r[3] = s->x;"],
        "\"%d %d %d %d\\n\", s->r[0], s->r[1], s->r[2], s->r[3]",
    );
    let w22 = litmus(&["s->x = 1; s->y = 2;", "s->y = 1; s->x = 2;"], "\"%d %d\\n\", s->x, s->y");
    for model in ["sc", "tso"] {
        let mp = outcomes("mp", &mp, model);
        assert!(!mp.contains("1 0") && mp.contains("1 1") && mp.contains("0 0"), "MP under {model}: {mp:?}");
        let lb = outcomes("lb", &lb, model);
        assert!(!lb.contains("1 1") && lb.contains("0 0"), "LB under {model}: {lb:?}");
        let iriw = outcomes("iriw", &iriw, model);
        assert!(!iriw.contains("1 0 1 0") && iriw.contains("1 1 1 1"), "IRIW under {model}: {iriw:?}");
        let w22 = outcomes("w22", &w22, model);
        assert!(!w22.contains("1 1") && w22.contains("2 2") && w22.contains("2 1"), "2+2W under {model}: {w22:?}");
    }
}

/// The C11 tables for relaxed accesses, as the arm model gives them: SB,
/// MP and IRIW show their weak outcomes unless fences (or release and
/// acquire) forbid them; coherence holds. LB and 2+2W, which C11 and ARM
/// allow, are not produced: loads read stores that exist, in the order
/// they were made (the README says so).
#[test]
fn the_arm_model_shows_the_weak_outcomes_c11_allows_and_fences_forbid_them() {
    let two = "\"%d %d\\n\", s->r[0], s->r[1]";
    let sb = litmus(&["s->x = 1; s->r[0] = s->y;", "s->y = 1; s->r[1] = s->x;"], two);
    assert_eq!(outcomes("sb", &sb, "arm"), set(&["0 0", "0 1", "1 0", "1 1"]));
    let sb_fenced = litmus(&["s->x = 1; __sync_synchronize(); s->r[0] = s->y;", "s->y = 1; __sync_synchronize(); s->r[1] = s->x;"], two);
    assert_eq!(outcomes("sb_fenced", &sb_fenced, "arm"), set(&["0 1", "1 0", "1 1"]));

    let mp = litmus(&["s->x = 1; s->y = 1;", "s->r[0] = s->y; s->r[1] = s->x;"], two);
    assert!(outcomes("mp", &mp, "arm").contains("1 0"), "MP's stale read");
    let mp_rel_acq = litmus(
        &["s->x = 1; __atomic_store_n(&s->y, 1, __ATOMIC_RELEASE);", "s->r[0] = __atomic_load_n(&s->y, __ATOMIC_ACQUIRE); s->r[1] = s->x;"],
        two,
    );
    assert_eq!(outcomes("mp_rel_acq", &mp_rel_acq, "arm"), set(&["0 0", "0 1", "1 1"]));
    let mp_fences = litmus(
        &[
            "s->x = 1; __atomic_thread_fence(__ATOMIC_RELEASE); s->y = 1;",
            "s->r[0] = s->y; __atomic_thread_fence(__ATOMIC_ACQUIRE); s->r[1] = s->x;",
        ],
        two,
    );
    assert_eq!(outcomes("mp_fences", &mp_fences, "arm"), set(&["0 0", "0 1", "1 1"]));
    // A relaxed flag orders nothing.
    let mp_relaxed = litmus(
        &["s->x = 1; __atomic_store_n(&s->y, 1, __ATOMIC_RELAXED);", "s->r[0] = __atomic_load_n(&s->y, __ATOMIC_RELAXED); s->r[1] = s->x;"],
        two,
    );
    assert!(outcomes("mp_relaxed", &mp_relaxed, "arm").contains("1 0"));

    let four = "\"%d %d %d %d\\n\", s->r[0], s->r[1], s->r[2], s->r[3]";
    let iriw = litmus(&["s->x = 1;", "s->y = 1;", "s->r[0] = s->x; s->r[1] = s->y;", "s->r[2] = s->y; s->r[3] = s->x;"], four);
    assert!(outcomes("iriw", &iriw, "arm").contains("1 0 1 0"), "IRIW: the readers disagree on the order of the writes");
    let iriw_fenced = litmus(
        &[
            "s->x = 1;",
            "s->y = 1;",
            "s->r[0] = s->x; __sync_synchronize(); s->r[1] = s->y;",
            "s->r[2] = s->y; __sync_synchronize(); s->r[3] = s->x;",
        ],
        four,
    );
    assert!(!outcomes("iriw_fenced", &iriw_fenced, "arm").contains("1 0 1 0"));

    // Coherence: once a process has read a store, never an older one.
    let corr = litmus(&["s->x = 1; s->x = 2;", "s->r[0] = s->x; s->r[1] = s->x;"], two);
    let corr = outcomes("corr", &corr, "arm");
    assert!(
        corr.contains("2 2") && corr.contains("0 1") && !corr.contains("2 1") && !corr.contains("1 0") && !corr.contains("2 0"),
        "{corr:?}"
    );

    let lb = litmus(&["s->r[0] = s->x; s->y = 1;", "s->r[1] = s->y; s->x = 1;"], two);
    assert!(!outcomes("lb", &lb, "arm").contains("1 1"), "LB is not produced");
    let w22 = litmus(&["s->x = 1; s->y = 2;", "s->y = 1; s->x = 2;"], "\"%d %d\\n\", s->x, s->y");
    assert!(!outcomes("w22", &w22, "arm").contains("1 1"), "2+2W is not produced");
}

/// The one-producer naive ring buffer: verified under sc and x86-TSO, a
/// stale slot under arm, explained; with release and acquire on the
/// indices, verified under arm too.
#[test]
fn the_naive_ring_buffer_is_clean_under_tso_and_reads_a_stale_slot_under_arm() {
    let naive = "tests/programs/peers_naive_pc_b.c";
    let (code, _, err) = ipcsim(&["explore", naive, "--memory", "tso", "--strategy", "exhaustive", "--races", "off"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("verified under x86-TSO"), "{err}");
    let (code, _, err) = ipcsim(&["explore", naive, "--memory", "arm", "--races", "off"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.lines().any(|l| l.contains("load i32 s->buffer[s->out]") && l.contains("(a stale value")), "{err}");
    let why = err.lines().find(|l| l.starts_with("ipcsim: Stale read")).unwrap_or_else(|| panic!("{err}"));
    assert!(
        why.contains("loaded `s->buffer[s->out]` = 0") && why.contains("already read `s->in`") && why.contains("__ATOMIC_RELEASE"),
        "{why}"
    );
    // The token replays the stale read.
    let cmd = err.lines().find_map(|l| l.split("replay: ").nth(1)).expect("a replay command");
    assert!(cmd.contains("--memory arm"), "{cmd}");
    let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
    let (code, _, err) = ipcsim(&args);
    assert_eq!(code, 1, "the replay fails again: {err}");
    let fixed = "scenarios/ring_buffer_release_acquire.c";
    let (code, _, err) = ipcsim(&["explore", fixed, "--memory", "arm", "--strategy", "exhaustive"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("verified under the arm model"), "{err}");
}

/// A data race report says what the race means for the memory model.
#[test]
fn a_data_race_report_notes_that_only_race_free_programs_are_model_independent() {
    let (_, _, err) = ipcsim(&["explore", "scenarios/lost_update.c"]);
    assert!(err.contains("data race") && err.contains("behaves the same under every memory model") && err.contains("DRF-SC"), "{err}");
}

/// Runs the SB-rounds program natively (`cc -O2`) up to five times; true
/// once a run shows a store overtaken by a load.
fn native_store_buffering_shows(rounds: &str) -> bool {
    let dir = crate::native::Scratch::new("sb-native");
    let bin = dir.0.join("sb");
    let cc = std::process::Command::new("cc").args(["-O2", "-o"]).arg(&bin).arg(SB_ROUNDS).output().expect("run cc");
    assert!(cc.status.success(), "{}", String::from_utf8_lossy(&cc.stderr));
    (0..5).any(|_| {
        let out = std::process::Command::new(&bin).arg(rounds).output().expect("run the native binary");
        String::from_utf8_lossy(&out.stdout).contains(OVERTAKEN)
    })
}

const SB_ROUNDS: &str = "tests/programs/store_buffering_rounds.c";
const OVERTAKEN: &str = "a store was overtaken by a load";

#[test]
fn the_real_backend_shows_store_buffering_as_the_native_binary_does_and_only_tso_explains_it() {
    use ipcsim::crosscheck;
    use sim::kernel::{Memory, MemoryModel};
    let rounds = "10000";
    if !native_store_buffering_shows(rounds) {
        eprintln!("skipped: this machine showed no store buffering natively in 5 runs");
        return;
    }
    let file = std::path::Path::new(SB_ROUNDS);
    let prog = sim::lang::compile(SB_ROUNDS, &std::fs::read_to_string(file).unwrap(), &sim::lang::fs_loader).unwrap();
    let mut opts = sim::options::Options::for_program("store_buffering_rounds");
    opts.argv.push(rounds.into());
    // Plain runs (chaos's pauses let the buffers drain), one at a time:
    // a round shows it only while both processes are on a core at once,
    // which a loaded machine (the rest of the suite) rarely grants. Alone
    // it shows in about one run in three; under load, keep trying for a
    // minute (the test harness's clock, not the simulation's).
    let cfg = real::RealConfig::new(&opts, false, 5000);
    let worker = std::path::Path::new(env!("CARGO_BIN_EXE_ipcsim"));
    let overtaken = |s: &crosscheck::RealSeen| String::from_utf8_lossy(&s.run.outcome.stream(1)).contains(OVERTAKEN);
    let start = std::time::Instant::now();
    let mut seed = 0;
    let seen = loop {
        let mut seen = crosscheck::real_outcomes(worker, file, &cfg, (seed, 20), 1, &mut |_| {}).expect("real runs");
        // A run the harness killed at its timeout says how loaded the
        // machine was, not what the program can do (this one never
        // blocks): no model is asked to explain it.
        seen.retain(|s| !s.run.hung);
        if seen.iter().any(overtaken) {
            break seen;
        }
        assert!(start.elapsed().as_secs() < 60, "ipcsim real never showed the store buffering the native binary shows");
        seed += 20;
    };
    opts.memory = Memory { model: MemoryModel::Tso, ..Memory::SC };
    let check = crosscheck::explain(&prog, &opts, &seen, 20);
    assert!(check.unexplained.is_empty(), "tso explains every real outcome: {check:?}");
    opts.memory = Memory::SC;
    let check = crosscheck::explain(&prog, &opts, &seen, 20);
    assert_eq!(check.unexplained.len(), 1, "sc explains all but the reordering: {check:?}");
    assert!(String::from_utf8_lossy(&check.unexplained[0].outcome.stream(1)).contains(OVERTAKEN), "{check:?}");
}

#[test]
fn an_atomic_int_incremented_with_plus_plus_loses_nothing_under_every_model_and_a_plain_int_does() {
    let file = "tests/programs/atomic_counter.c";
    for model in ["sc", "tso", "arm"] {
        let (code, _, err) = ipcsim(&["explore", file, "--strategy", "exhaustive", "--memory", model]);
        assert_eq!(code, 0, "{model}: {err}");
        assert!(err.contains("verified"), "{model}: {err}");
    }
    let dir = crate::native::Scratch::new("plain-counter");
    let plain = dir.0.join("plain_counter.c");
    let src = std::fs::read_to_string(file).expect("read the program").replace("atomic_int *n", "int *n");
    std::fs::write(&plain, src).expect("write the copy");
    let (code, out, err) = ipcsim(&["explore", plain.to_str().expect("utf-8"), "--memory", "sc"]);
    assert_eq!(code, 1, "a plain int loses an increment:\n{out}{err}");
    assert!(err.contains("Lost update"), "{err}");
}
