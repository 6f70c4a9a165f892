//! A random or PCT search on several threads reports what it reports on
//! one: the lowest failing run, each outcome with its count and the token
//! of its lowest run.

use sim::explore::{self, Options, StrategyKind};

fn compile(file: &str) -> sim::ir::Program {
    let text = std::fs::read_to_string(file).unwrap();
    sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap()
}

/// What a search reports, as text to compare.
fn report(s: &explore::Search) -> String {
    let failure = s.failure.as_ref().map(|f| (f.run, f.seed, f.token.clone(), f.result.outcome.clone()));
    let outcomes: Vec<_> =
        s.outcomes.iter().map(|o| (o.count, o.token.clone(), o.failed, serde_json::to_string(&o.outcome).unwrap())).collect();
    format!("{} {failure:?} {outcomes:?}", s.runs)
}

#[test]
fn two_threads_report_what_one_reports() {
    for (file, strategy, collect) in [
        ("scenarios/bounded_buffer_two_producers.c", StrategyKind::Random, false),
        ("scenarios/bounded_buffer_two_producers.c", StrategyKind::Pct { depth: 3 }, false),
        ("scenarios/lost_update.c", StrategyKind::Random, true),
        ("scenarios/pipe_sleep.c", StrategyKind::Pct { depth: 2 }, true),
    ] {
        let prog = compile(file);
        let mut reports = Vec::new();
        for jobs in [1, 2, 3] {
            let mut o = Options::for_program("x").runs(300);
            (o.strategy, o.seed, o.jobs) = (strategy, 11, jobs);
            let s = if collect { explore::outcomes(&prog, &o, &mut |_| {}) } else { explore::explore(&prog, &o, &mut |_| {}) };
            reports.push(report(&s));
        }
        assert_eq!(reports[0], reports[1], "{file} {strategy:?}: one thread vs two");
        assert_eq!(reports[0], reports[2], "{file} {strategy:?}: one thread vs three");
    }
}

#[test]
fn the_command_line_prints_the_same_with_any_number_of_jobs() {
    let run = |jobs: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
            .args(["explore", "scenarios/lost_update.c", "--outcomes", "--runs", "200", "--json", "--jobs", jobs])
            .output()
            .unwrap();
        (out.status.code(), out.stdout)
    };
    assert_eq!(run("1"), run("2"));
}

/// `ipcsim ARGS`, sent SIGINT (Ctrl-C) after 0.7 s: what it printed,
/// and whether it stopped within 20 s of it.
pub fn interrupted(args: &[&str]) -> (std::process::Output, bool) {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let started = std::time::Instant::now();
    let out = child.wait_with_output().unwrap();
    (out, started.elapsed() < std::time::Duration::from_secs(20))
}

#[test]
fn ctrl_c_ends_a_random_search_with_the_runs_made() {
    for jobs in ["1", "2"] {
        let (out, soon) = interrupted(&["explore", "tests/programs/peers_naive_pc_b.c", "--runs", "100000000", "--json", "--jobs", jobs]);
        assert!(soon, "the search stopped soon after Ctrl-C");
        assert_eq!(out.status.code(), Some(3), "--jobs {jobs}: {}", String::from_utf8_lossy(&out.stderr));
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(j["interrupted"].as_bool(), Some(true), "{j}");
        assert!(j["runs"].as_u64().is_some_and(|n| n > 0 && n < 100_000_000), "{j}");
    }
}

/// `explore --shard I/N --json` on each shard, then `merge`: the whole
/// search's first failure and outcomes.
#[test]
fn merged_shards_find_what_the_whole_range_finds() {
    let ipcsim = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let dir = std::env::temp_dir().join(format!("ipcsim-test-shards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    for (file, extra) in [("scenarios/bounded_buffer_two_producers.c", None), ("scenarios/lost_update.c", Some("--outcomes"))] {
        let mut common = vec!["explore", file, "--seed", "40", "--runs", "120", "--json"];
        common.extend(extra);
        let (_, whole) = ipcsim(&common);
        let mut paths = Vec::new();
        for i in 1..=2 {
            let shard = format!("{i}/2");
            let mut args = common.clone();
            args.extend(["--shard", &shard]);
            let path = dir.join(format!("{i}.json"));
            std::fs::write(&path, ipcsim(&args).1).unwrap();
            paths.push(path.display().to_string());
        }
        let mut args = vec!["merge", "--json"];
        args.extend(paths.iter().map(String::as_str));
        let (code, merged) = ipcsim(&args);
        let (whole, merged) = (json(&whole), json(&merged));
        assert_eq!(code, Some(1), "{file}: a failure is found");
        assert_eq!((&merged["seed"], &merged["token"]), (&whole["seed"], &whole["token"]), "{file}: the first failure");
        if extra.is_some() {
            assert_eq!(merged["outcomes"].as_array().unwrap().len(), whole["outcomes"].as_array().unwrap().len());
            for (m, w) in merged["outcomes"].as_array().unwrap().iter().zip(whole["outcomes"].as_array().unwrap()) {
                assert_eq!((&m["count"], &m["token"], &m["seed"]), (&w["count"], &w["token"], &w["seed"]), "{file}");
            }
        }
        // One shard alone is not the whole search.
        let (code, _) = ipcsim(&["merge", &paths[0]]);
        assert_eq!(code, Some(2));
        // Nor is a shard of another program, or a shard numbered past N.
        let other = dir.join("other.json");
        std::fs::write(
            &other,
            ipcsim(&["explore", "scenarios/pipe_sleep.c", "--seed", "40", "--runs", "120", "--json", "--shard", "2/2"]).1,
        )
        .unwrap();
        assert_eq!(ipcsim(&["merge", &paths[0], &other.display().to_string()]).0, Some(2));
        let bad = dir.join("bad.json");
        std::fs::write(&bad, std::fs::read_to_string(&paths[1]).unwrap().replace("\"index\":2", "\"index\":5")).unwrap();
        assert_eq!(ipcsim(&["merge", &paths[0], &bad.display().to_string()]).0, Some(2));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Exhaustive search split into shards (`--shard I/N`, its subtrees) and
/// merged finds the whole search's distinct failures; a correct program's
/// merged shards are verified; and `--jobs 2` reports what `--jobs 1`
/// does.
#[test]
fn merged_exhaustive_shards_and_threads_find_what_the_whole_search_finds() {
    let ipcsim = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().unwrap();
        (out.status.code(), serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap())
    };
    let kinds = |v: &serde_json::Value| -> Vec<(String, String)> {
        let mut k: Vec<_> = v["failures"].as_array().unwrap().iter().map(|f| (f["kind"].to_string(), f["at"].to_string())).collect();
        k.sort();
        k
    };
    let dir = std::env::temp_dir().join(format!("ipcsim-test-xshards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (file, code) in
        [("scenarios/pause_lost_wakeup.c", 1), ("scenarios/lost_update.c", 1), ("scenarios/bounded_buffer_one_producer.c", 0)]
    {
        let common = ["explore", file, "--strategy", "exhaustive", "--keep-going", "--json"];
        let (c, whole) = ipcsim(&common);
        assert_eq!(c, Some(code), "{file}");
        let (c, two) = ipcsim(&[&common[..], &["--jobs", "2"]].concat());
        assert_eq!((c, kinds(&two), &two["complete"]), (Some(code), kinds(&whole), &whole["complete"]), "{file}: --jobs 2");
        let mut paths = Vec::new();
        for i in 1..=2 {
            let shard = format!("{i}/2");
            let (_, report) = ipcsim(&[&common[..], &["--shard", &shard]].concat());
            let path = dir.join(format!("x{i}.json"));
            std::fs::write(&path, report.to_string()).unwrap();
            paths.push(path.display().to_string());
        }
        let (c, merged) = ipcsim(&["merge", "--json", &paths[0], &paths[1]]);
        assert_eq!(c, Some(code), "{file}: merged");
        assert_eq!((kinds(&merged), &merged["complete"]), (kinds(&whole), &whole["complete"]), "{file}: merged");
        // A shard alone is not the whole search.
        assert_eq!(ipcsim_code(&["merge", &paths[0]]), Some(2));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn ipcsim_code(args: &[&str]) -> Option<i32> {
    std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().unwrap().status.code()
}
