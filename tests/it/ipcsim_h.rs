//! `include/ipcsim.h`, the native mailboxes and links: its own test
//! programs (`tests/ipcsim_h/`) print what they expect, natively (gcc) and
//! under the simulator, except the few that go past a limit only one side
//! has (the native message pool, the simulator's 64 processes) or use
//! calls outside the subset.

use crate::native::{par_check, run_native_timeout, run_sim, show, Scratch};
use std::path::{Path, PathBuf};

/// Programs that test what only the native header has.
const NATIVE_ONLY: &[&str] = &["errors", "limits", "signals", "unbounded"];

fn programs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/ipcsim_h")
        .expect("tests/ipcsim_h exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    v.sort();
    v
}

fn expected(f: &Path) -> Vec<u8> {
    std::fs::read(f.with_extension("out")).expect("each program has its .out")
}

#[test]
fn the_native_header_passes_its_own_tests() {
    let scratch = Scratch::new("ipcsim-h");
    let files = programs();
    assert!(files.len() >= 10, "{} programs", files.len());
    let fails = par_check(&files, |f| {
        let n = run_native_timeout(f, &scratch.0, 20)?.ok_or("hung natively")?;
        if n.stdout != expected(f) {
            return Err(show("stdout", &expected(f), &n.stdout));
        }
        Ok(())
    });
    assert!(fails.is_empty(), "{}", fails.join("\n\n"));
}

#[test]
fn the_simulator_agrees_with_the_native_header() {
    let files: Vec<PathBuf> = programs().into_iter().filter(|f| !NATIVE_ONLY.iter().any(|n| f.ends_with(format!("{n}.c")))).collect();
    let fails = par_check(&files, |f| {
        let s = run_sim(f)?;
        if s.stdout != expected(f) {
            return Err(show("stdout", &expected(f), &s.stdout));
        }
        Ok(())
    });
    assert!(fails.is_empty(), "{}", fails.join("\n\n"));
}
