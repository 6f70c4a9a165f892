//! Grading: a reference bounded buffer and submissions that each have one
//! classic defect, each with the verdict a teacher expects; Gradescope's
//! results.json in its documented shape.

use std::collections::BTreeMap;

fn grade(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["grade", "--reference", "tests/grading/reference.c", "--json"];
    all.extend_from_slice(args);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(&all).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The checks each submission fails, by submission name.
fn failed(report: &serde_json::Value) -> BTreeMap<String, Vec<String>> {
    report["submissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let name = std::path::Path::new(s["submission"].as_str().unwrap()).file_stem().unwrap().to_string_lossy().into_owned();
            let fails = s["checks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["passed"] == false)
                .map(|c| c["id"].as_str().unwrap().to_string())
                .collect();
            (name, fails)
        })
        .collect()
}

#[test]
fn each_classic_defect_fails_its_own_check_and_the_correct_ones_pass() {
    let report = grade(&["tests/grading"]);
    let got = failed(&report);
    let has = |name: &str, id: &str| got[name].iter().any(|f| f == id);
    // Correct, whatever order their processes print in.
    assert_eq!(got["different_order"], Vec::<String>::new(), "{report}");
    // Correct, but it cannot do all the reference can.
    assert_eq!(got["over_synchronised"], vec!["complete"], "{report}");
    assert!(has("no_mutex", "safe"), "an item lost or taken twice: {:?}", got["no_mutex"]);
    assert!(has("deadlock_order", "no-deadlock"), "{:?}", got["deadlock_order"]);
    assert!(has("private_memory", "no-deadlock"), "{:?}", got["private_memory"]);
    assert!(has("busy_wait", "no-race"), "{:?}", got["busy_wait"]);
    assert!(has("no_wait", "no-leak"), "{:?}", got["no_wait"]);
    assert!(has("never_unlinked", "no-leak"), "{:?}", got["never_unlinked"]);
    // What a regrade needs: the versions, budget and run options.
    assert!(report["ipcsim"].is_string() && report["budget"]["states"].is_u64(), "{report}");
    assert_eq!(report["options"]["max_steps"], 100_000);
    // Every unsafe outcome comes with a command that replays it.
    for s in report["submissions"].as_array().unwrap() {
        for u in s["unsafe"].as_array().unwrap() {
            assert!(u["command"].as_str().unwrap().starts_with("ipcsim replay "), "{u}");
        }
    }
}

#[test]
fn an_output_diff_would_fail_the_correct_submission_that_prints_in_another_order() {
    let exact = failed(&grade(&["--compare", "exact", "tests/grading/different_order.c"]));
    // Compared as the whole output's text (what an output diff does), its
    // interleavings are ones the reference never prints.
    assert!(exact["different_order"].iter().any(|f| f == "safe"), "{:?}", exact["different_order"]);
    let per_process = failed(&grade(&["tests/grading/different_order.c"]));
    assert!(per_process["different_order"].is_empty());
}

#[test]
fn a_submission_that_does_not_compile_gets_the_diagnostic_and_nothing_else() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-grade-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.c");
    std::fs::write(&bad, "int main(void) { return x; }\n").unwrap();
    let report = grade(&[bad.to_str().unwrap()]);
    let s = &report["submissions"][0];
    assert_eq!(s["score"], 0);
    let checks = s["checks"].as_array().unwrap();
    assert!(checks[0]["output"].as_str().unwrap().contains("broken.c:1:"), "{}", checks[0]);
    assert!(checks[1..].iter().all(|c| c["output"].as_str().unwrap().contains("not graded")));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Gradescope's documented shape: a top-level score, and tests each with
/// a name, score, max_score, output and visibility.
#[test]
fn gradescope_results_have_the_documented_shape() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-gradescope-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/no_mutex.c", "tests/grading/no_wait.c", "--gradescope"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for name in ["no_mutex", "no_wait"] {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap()).unwrap();
        let tests = v["tests"].as_array().unwrap();
        let sum: f64 = tests.iter().map(|t| t["score"].as_f64().unwrap()).sum();
        assert_eq!(v["score"].as_f64(), Some(sum));
        for t in tests {
            assert!(t["name"].is_string() && t["max_score"].is_number() && t["output"].is_string(), "{t}");
            assert!(["hidden", "after_due_date", "after_published", "visible"].contains(&t["visibility"].as_str().unwrap()));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--html DIR`: a self-contained page per submission (no script, no
/// link out) with its checks, and each finding and unsafe outcome with
/// its replay command and its counterexample's trace.
#[test]
fn html_pages_show_each_finding_with_its_trace() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-html-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/deadlock_order.c", "tests/grading/no_mutex.c", "--html"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(dir.join("deadlock_order.html")).unwrap();
    assert!(page.contains("deadlock at tests/grading/deadlock_order.c:"), "the finding");
    assert!(page.contains("Replay: <code>ipcsim replay tests/grading/deadlock_order.c ipcsim1-"), "its replay command");
    assert!(page.contains("sem_wait("), "its trace");
    assert!(page.contains("FAILED") && page.contains("no-deadlock"));
    let unsafe_page = std::fs::read_to_string(dir.join("no_mutex.html")).unwrap();
    assert!(unsafe_page.contains("Outcomes the reference never produces"));
    for p in [&page, &unsafe_page] {
        assert!(!p.contains("<script") && !p.contains("http://") && !p.contains("https://"), "self-contained");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--rubric FILE`: the file's checks, points and dependencies; a check
/// whose dependency failed is not graded.
#[test]
fn a_rubric_file_sets_the_checks_points_and_dependencies() {
    let report = grade(&["--rubric", "tests/grading/rubric.toml", "tests/grading/no_mutex.c", "tests/grading/never_unlinked.c"]);
    let subs = report["submissions"].as_array().unwrap();
    let ids: Vec<&str> = subs[0]["checks"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["compiles", "no-lost-items", "no-deadlock", "clean-up"]);
    assert_eq!(subs[0]["max"], 100);
    // no_mutex loses items: clean-up depends on that check, so it is not graded.
    let clean_up = &subs[0]["checks"][3];
    assert_eq!((clean_up["passed"].as_bool(), clean_up["score"].as_u64()), (Some(false), Some(0)));
    assert!(clean_up["output"].as_str().unwrap().contains("not graded"), "{clean_up}");
    // never_unlinked is safe, but leaves its names: 90.
    assert_eq!(subs[1]["score"], 90);
}

/// A rubric that cannot be used is refused with its place: the file,
/// line and column, the line, and a caret (exit 2).
#[test]
fn a_bad_rubric_is_refused_with_its_place() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-rubric-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("[[check]]\nid = \"a\"\ntest = \"safe\"\npoints = 1\nmessage = \"m\"\ndepends = [\"b\"]\n", "depends on `b`", 6),
        ("[[check]]\nid = \"a\"\ntest = \"fast\"\npoints = 1\nmessage = \"m\"\n", "unknown variant", 3),
        ("[[check]]\nid = \"a\"\ntest = \"safe\"\npoints = -1\nmessage = \"m\"\n", "invalid value", 4),
    ];
    for (k, (text, says, line)) in cases.into_iter().enumerate() {
        let path = dir.join(format!("r{k}.toml"));
        std::fs::write(&path, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
            .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/no_wait.c", "--rubric"])
            .arg(&path)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains(says), "{err}");
        assert!(err.contains(&format!("r{k}.toml:{line}:")) && err.contains('^'), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--real N` adds the `explained` check: the submission's real-kernel
/// runs (with chaos) are ones the simulator produces.
#[test]
fn real_runs_of_a_submission_are_explained_by_the_simulator() {
    let report = grade(&["--real", "5", "tests/grading/different_order.c"]);
    let checks = report["submissions"][0]["checks"].as_array().unwrap();
    let explained = checks.iter().find(|c| c["id"] == "explained").expect("the explained check");
    assert_eq!(explained["passed"], true, "{explained}");
    assert!(report["submissions"][0]["checks"].as_array().unwrap().len() == 9);
}

/// A reference whose child prints two items and whose parent says it is
/// done, and a submission printing the same items in its own words.
fn worded(dir: &std::path::Path, child: &str, parent: &str) -> (String, String) {
    std::fs::create_dir_all(dir).unwrap();
    let prog = |child: &str, parent: &str| {
        format!(
            "#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\nint main(void) {{\n  if (fork() == 0) {{ printf(\"{child}\"); return 0; }}\n  wait(NULL);\n  printf(\"{parent}\");\n  return 0;\n}}\n"
        )
    };
    let (r, s) = (dir.join("reference.c"), dir.join("submission.c"));
    std::fs::write(&r, prog("item 1\\nitem 2\\n", "done\\n")).unwrap();
    std::fs::write(&s, prog(child, parent)).unwrap();
    (r.display().to_string(), s.display().to_string())
}

fn grade_with(reference: &str, args: &[&str]) -> BTreeMap<String, Vec<String>> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--json", "--reference", reference])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    failed(&serde_json::from_slice(&out.stdout).unwrap())
}

/// `--extract REGEX`: only what the expression matches (its groups) is
/// compared, so the submission's own wording does not count; and a
/// rubric's `[compare]` table says the same.
#[test]
fn a_regular_expression_compares_only_what_it_extracts() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-extract-{}", std::process::id()));
    let (r, s) = worded(&dir, "Item:  1\\nItem:  2\\n", "all done.\\n");
    assert!(grade_with(&r, &[&s])["submission"].iter().any(|f| f == "safe"), "worded otherwise, compared as text");
    assert!(grade_with(&r, &["--extract", r"(?i)item:?\s*(\d+)", &s])["submission"].is_empty());
    // Extracting still tells a wrong item apart.
    let (r, wrong) = worded(&dir.join("wrong"), "Item:  1\\nItem:  3\\n", "done\\n");
    assert!(grade_with(&r, &["--extract", r"(?i)item:?\s*(\d+)", &wrong])["submission"].iter().any(|f| f == "safe"));
    let rubric = dir.join("rubric.toml");
    std::fs::write(
        &rubric,
        "[compare]\nextract = '(?i)item:?\\s*(\\d+)'\n\n[[check]]\nid = \"safe\"\ntest = \"safe\"\npoints = 1\nmessage = \"m\"\n",
    )
    .unwrap();
    assert!(grade_with(&r, &["--rubric", rubric.to_str().unwrap(), &s])["submission"].is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--normalise`: sorting lines, trimming, squeezing blanks and ignoring
/// case make such differences not count; without them they do.
#[test]
fn normalisers_make_order_spacing_and_case_not_count() {
    let dir = std::env::temp_dir().join(format!("ipcsim-test-normalise-{}", std::process::id()));
    let (r, s) = worded(&dir, "ITEM  2 \\nitem 1\\n", "Done\\n");
    assert!(grade_with(&r, &[&s])["submission"].iter().any(|f| f == "safe"));
    assert!(grade_with(&r, &["--normalise", "sort-lines,trim", &s])["submission"].iter().any(|f| f == "safe"), "case still counts");
    assert!(grade_with(&r, &["--normalise", "sort-lines,trim,squeeze,ignore-case", &s])["submission"].is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A regular expression that does not compile is refused (exit 2), from
/// the command line or at its place in a rubric.
#[test]
fn a_bad_regular_expression_is_refused() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/no_wait.c", "--extract", "item (\\d+"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("regular expression") && err.contains("item (\\d+"), "{err}");
    let dir = std::env::temp_dir().join(format!("ipcsim-test-badre-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rubric = dir.join("r.toml");
    std::fs::write(&rubric, "[[check]]\nid = \"a\"\ntest = \"safe\"\npoints = 1\nmessage = \"m\"\n\n[compare]\nextract = 'x[('\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/no_wait.c", "--rubric"])
        .arg(&rubric)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("r.toml:8:") && err.contains('^'), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Each unsafe outcome is shown by a shrunk schedule (no more
/// preemptions than the one the search found), and its command replays
/// a run that prints what the outcome says.
#[test]
fn unsafe_outcomes_are_shrunk_and_their_commands_replay_them() {
    let report = grade(&["tests/grading/no_mutex.c"]);
    let unsafe_ = report["submissions"][0]["unsafe"].as_array().unwrap();
    assert!(!unsafe_.is_empty());
    for u in unsafe_.iter().take(3) {
        let s = &u["shrunk"];
        assert!(s["preemptions"].as_u64().unwrap() <= s["preemptions_before"].as_u64().unwrap(), "{u}");
        let cmd = u["command"].as_str().unwrap();
        let args: Vec<&str> = cmd.split_whitespace().skip(1).collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
        let mut printed: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect();
        printed.sort();
        // The lines each process printed, as the outcome says (quoted, escaped).
        let said = u["outcome"].as_str().unwrap();
        let mut expected: Vec<String> = said
            .split('"')
            .skip(1)
            .step_by(2)
            .flat_map(|q| q.split("\\n").filter(|l| !l.is_empty()).map(String::from).collect::<Vec<_>>())
            .collect();
        expected.sort();
        assert_eq!(printed, expected, "{cmd}");
    }
}

/// The HTML page, opened in headless Chromium (offline: no network
/// flags) and photographed; the screenshot, read back by OCR, shows the
/// score, the failed check and the finding where a student looks.
#[test]
fn an_html_page_renders_in_a_browser_showing_the_findings() {
    use crate::browser::{needs, run_bounded};
    if !needs("chromium") || !needs("tesseract") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("ipcsim-test-browser-{}", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["grade", "--reference", "tests/grading/reference.c", "tests/grading/deadlock_order.c", "--html"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let (page, shot) = (dir.join("deadlock_order.html"), dir.join("shot.png"));
    let browser = run_bounded(
        std::process::Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"])
            .args(["--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,1400"])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", page.display())),
    );
    assert!(shot.exists(), "no screenshot: {}", String::from_utf8_lossy(&browser.stderr));
    let ocr = run_bounded(std::process::Command::new("tesseract").arg(&shot).arg("stdout").env("OMP_THREAD_LIMIT", "1"));
    let text = String::from_utf8_lossy(&ocr.stdout);
    for seen in ["Score: 45/100", "no-deadlock", "FAILED", "Findings", "deadlock at"] {
        assert!(text.contains(seen), "the screenshot does not show {seen:?}; OCR read:\n{text}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
