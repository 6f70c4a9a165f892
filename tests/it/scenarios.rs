//! Every scenario compiles with `cc -Wall -lrt -pthread` and runs
//! natively; one whose header says "schedule-independent" prints exactly
//! what ipcsim prints.

use crate::native::{c_files, par_check, run_native, run_sim, show, Scratch};

#[test]
fn schedule_independent_scenarios_print_what_they_print_natively() {
    let scratch = Scratch::new("scen");
    let files = c_files("scenarios");
    assert!(!files.is_empty());
    let fails = par_check(&files, |f| {
        let native = run_native(f, &scratch.0)?;
        let text = std::fs::read_to_string(f).map_err(|e| e.to_string())?;
        if !text.contains("schedule-independent") {
            return Err("the header says neither schedule-independent nor how to check it".into());
        }
        let s = run_sim(f)?;
        if (native.stdout.as_slice(), native.stderr.as_slice(), native.status) != (s.stdout.as_slice(), s.stderr.as_slice(), s.status) {
            return Err(show("outcome", &[native.stdout, native.stderr].concat(), &[s.stdout, s.stderr].concat()));
        }
        Ok(())
    });
    assert!(fails.is_empty(), "{}", fails.join("\n\n"));
}
