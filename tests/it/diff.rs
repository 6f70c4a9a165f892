//! The differential suite: every program in `tests/diff/`,
//! `tests/corpus/` and `tests/frontend/ok/` prints the same bytes and
//! ends the same way natively (gcc) and under ipcsim.

use crate::native::{c_files, par_check, run_native, run_sim, show, Scratch};
use std::path::Path;

fn same_as_native(file: &Path, dir: &Path) -> Result<(), String> {
    let n = run_native(file, dir)?;
    let s = run_sim(file)?;
    if n.stdout != s.stdout {
        return Err(show("stdout", &n.stdout, &s.stdout));
    }
    if n.stderr != s.stderr {
        return Err(show("stderr", &n.stderr, &s.stderr));
    }
    if n.status != s.status {
        return Err(format!("native ended with {}, ipcsim with {}", n.status, s.status));
    }
    Ok(())
}

#[test]
fn every_differential_program_matches_gcc() {
    let scratch = Scratch::new("diff");
    let files = c_files("tests/diff");
    assert!(files.len() >= 60, "the differential corpus has {} programs", files.len());
    let fails = par_check(&files, |f| same_as_native(f, &scratch.0));
    assert!(fails.is_empty(), "{} of {} programs differ:\n\n{}", fails.len(), files.len(), fails.join("\n\n"));
}

#[test]
fn every_accepted_frontend_program_matches_gcc() {
    let scratch = Scratch::new("ok");
    let files = c_files("tests/frontend/ok");
    let fails = par_check(&files, |f| same_as_native(f, &scratch.0));
    assert!(fails.is_empty(), "{} of {} programs differ:\n\n{}", fails.len(), files.len(), fails.join("\n\n"));
}

#[test]
fn every_course_style_program_matches_gcc() {
    let scratch = Scratch::new("corpus");
    let files = c_files("tests/corpus");
    assert!(files.len() >= 40, "the course-style corpus has {} programs", files.len());
    let fails = par_check(&files, |f| same_as_native(f, &scratch.0));
    assert!(fails.is_empty(), "{} of {} programs differ:\n\n{}", fails.len(), files.len(), fails.join("\n\n"));
}
