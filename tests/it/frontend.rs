//! Front-end tests as data (rust-analyzer style): each rejected program in
//! `tests/frontend/err/` sits beside the diagnostics it must produce
//! (`.txt`). `UPDATE_EXPECT=1 cargo test` rewrites them; review the diff.

use crate::native::c_files;
use std::path::Path;

fn diagnostics_of(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let name = file.display().to_string();
    match sim::lang::compile(&name, &text, &sim::lang::fs_loader) {
        Ok(_) => "(compiles without diagnostics)\n".into(),
        Err(e) => sim::diag::render::to_text(&e.sources, &e.diagnostics, false),
    }
}

#[test]
fn rejected_programs_give_their_expected_diagnostics() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut fails = Vec::new();
    let files = c_files("tests/frontend/err");
    assert!(files.len() >= 30);
    for f in &files {
        let got = diagnostics_of(f);
        let expect_path = f.with_extension("txt");
        if update {
            std::fs::write(&expect_path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if got != want {
            fails.push(format!("{}:\n--- expected\n{want}\n--- got\n{got}", f.display()));
        }
        assert!(got.contains("error["), "{} must be rejected, got:\n{got}", f.display());
    }
    assert!(fails.is_empty(), "{} files differ (UPDATE_EXPECT=1 to accept):\n{}", fails.len(), fails.join("\n"));
}

#[test]
fn every_diagnostic_points_at_a_line_with_a_caret() {
    for f in c_files("tests/frontend/err") {
        let got = diagnostics_of(&f);
        if got.contains("E0312") {
            continue; // "no main" has no place to point at
        }
        assert!(got.contains("┌─") && got.contains('^'), "{}: no location or caret in\n{got}", f.display());
    }
}

#[test]
fn three_independent_errors_are_all_reported() {
    let got = diagnostics_of(Path::new("tests/frontend/err/three_errors.c"));
    assert_eq!(got.matches("error[").count(), 3, "{got}");
}

/// C89's implicit int (`main()`, a function without a return type), as
/// old course programs write it: gcc accepts it with a warning (newer
/// gcc refuses it, so it is not in the differential suite).
#[test]
fn a_function_without_a_return_type_returns_int() {
    let text =
        "#include <stdio.h>\ntwice(int x) { return 2 * x; }\nmain()\n{\n    printf(\"%d\\n\", twice(21));\n    return twice(2);\n}\n";
    let prog = sim::lang::compile("implicit.c", text, &|_, _| None).expect("compiles");
    let cfg = sim::explore::Options::for_program("implicit").config();
    let r = sim::explore::run(&prog, &cfg, &mut sim::explore::random::Random::new(0), false);
    assert_eq!(r.outcome.stream(1), b"42\n");
    assert_eq!(r.outcome.main_status(), Some(sim::outcome::ExitStatus::Code(4)));
}
