//! Specification mode: histories of operations marked with `ipcsim.h`'s
//! `ipcsim_op_begin`/`ipcsim_op_end`, judged for linearizability against
//! a sequential FIFO (`--spec fifo:N`), in explore, replay and grade.

use std::process::{Command, Output};

fn ipcsim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The racy buffer's failure is found, reported as R0301 with the
/// history in the order of the marks, and its replay command (which
/// carries `--spec`) shows it again.
#[test]
fn a_history_no_fifo_produces_is_a_failure_shown_with_its_history() {
    let out = ipcsim(&["explore", "scenarios/spec_bounded_buffer.c", "--spec", "fifo:2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[R0301]: not linearizable"), "{err}");
    assert!(err.contains("the history (") && err.contains("produce(10) starts") && err.contains("consume() returns"), "{err}");
    let replay = err.lines().find_map(|l| l.split_once("replay: ").map(|(_, c)| c.to_string())).expect("a replay command");
    assert!(replay.contains("--spec fifo:2"), "{replay}");
    let args: Vec<&str> = replay.split_whitespace().skip(1).collect();
    let again = ipcsim(&args);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("R0301"));
    // Without the specification the same program passes its search.
    assert_eq!(ipcsim(&["explore", "scenarios/spec_bounded_buffer.c"]).status.code(), Some(0));
}

/// Exhaustive search proves the protected buffer linearizable against a
/// FIFO of two slots, and finds a history that a FIFO of one slot
/// cannot produce (both produces end before a consume).
#[test]
fn exhaustive_search_verifies_linearizability_or_refutes_it() {
    let file = "tests/grading/spec/reference.c";
    let ok = ipcsim(&["explore", file, "--spec", "fifo:2", "--strategy", "exhaustive", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!((v["complete"].as_bool(), v["failed"].as_bool()), (Some(true), Some(false)), "{}", stderr(&ok));
    assert_eq!(v["spec"], "fifo:2");
    assert_eq!(v["spec_unknown"], 0);
    let small = ipcsim(&["explore", file, "--spec", "fifo:1", "--strategy", "exhaustive"]);
    assert_eq!(small.status.code(), Some(1));
    assert!(stderr(&small).contains("not linearizable"), "{}", stderr(&small));
}

/// Operations a FIFO does not have, and ends without a start, make the
/// history impossible to judge: a failure that says why.
#[test]
fn a_history_that_cannot_be_judged_says_why() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-spec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("push.c");
    std::fs::write(
        &file,
        "#include \"ipcsim.h\"\nint main(void) {\n    ipcsim_op_begin(\"push\", 1);\n    ipcsim_op_end(0);\n    return 0;\n}\n",
    )
    .unwrap();
    let out = ipcsim(&["run", file.to_str().unwrap(), "--spec", "fifo"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("R0302") && err.contains("no operation `push`"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_specification_is_refused_as_usage() {
    for bad in ["stack", "fifo:0", "fifo:x"] {
        let out = ipcsim(&["explore", "scenarios/spec_bounded_buffer.c", "--spec", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr(&out).contains("fifo"), "{}", stderr(&out));
    }
}

/// `grade --spec`: the `linearizable` check, with the history that fails
/// it; without `--spec` a rubric's check says it was not judged.
#[test]
fn grading_in_specification_mode_judges_each_submission_history() {
    let out = ipcsim(&[
        "grade",
        "--json",
        "--spec",
        "fifo:2",
        "--reference",
        "tests/grading/spec/reference.c",
        "scenarios/spec_bounded_buffer.c",
        "tests/grading/spec/reference.c",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let check = |k: usize| v["submissions"][k]["checks"].as_array().unwrap().iter().find(|c| c["id"] == "linearizable").cloned().unwrap();
    let (bad, good) = (check(0), check(1));
    assert_eq!(bad["passed"], false);
    assert!(bad["output"].as_str().unwrap().contains("the history: 1000 consume() starts"), "{bad}");
    assert_eq!(good["passed"], true, "{good}");
    let dir = std::env::temp_dir().join(format!("ipcsim-test-specrubric-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rubric = dir.join("r.toml");
    std::fs::write(&rubric, "[[check]]\nid = \"fifo\"\ntest = \"linearizable\"\npoints = 10\nmessage = \"m\"\n").unwrap();
    let out = ipcsim(&[
        "grade",
        "--json",
        "--rubric",
        rubric.to_str().unwrap(),
        "--reference",
        "tests/grading/spec/reference.c",
        "tests/grading/spec/reference.c",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["submissions"][0]["checks"][0]["output"].as_str().unwrap().contains("give --spec"), "{v}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Exhaustive shards in specification mode merge into one verdict; a
/// shard judged against another specification is refused.
#[test]
fn shards_merge_only_under_one_specification() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-specmerge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shard = |i: u32, spec: Option<&str>| {
        let mut args = vec!["explore", "tests/grading/spec/reference.c", "--strategy", "exhaustive", "--json"];
        let s = format!("{i}/2");
        args.extend(["--shard", &s]);
        if let Some(spec) = spec {
            args.extend(["--spec", spec]);
        }
        let path = dir.join(format!("s{i}-{}.json", spec.unwrap_or("none").replace(':', "")));
        std::fs::write(&path, ipcsim(&args).stdout).unwrap();
        path
    };
    let (a, b, c) = (shard(1, Some("fifo:2")), shard(2, Some("fifo:2")), shard(2, None));
    let merged = ipcsim(&["merge", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap();
    assert_eq!((v["complete"].as_bool(), v["failed"].as_bool(), v["spec"].as_str()), (Some(true), Some(false), Some("fifo:2")), "{v}");
    let refused = ipcsim(&["merge", a.to_str().unwrap(), c.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("another specification"), "{}", stderr(&refused));
    std::fs::remove_dir_all(&dir).unwrap();
}
