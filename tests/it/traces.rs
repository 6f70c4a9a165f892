//! Snapshots of each scenario's canonical trace at a fixed seed, in
//! `traces/` (reviewed like code). A change in what ipcsim does to a
//! scenario shows up here as a diff.

use crate::native::{c_files, config};
use sim::explore::{self, random::Random};
use sim::kernel::TimeMode;

#[test]
fn scenario_traces_match_their_snapshots() {
    for f in c_files("scenarios") {
        let text = std::fs::read_to_string(&f).unwrap();
        let prog = sim::lang::compile(&f.display().to_string(), &text, &sim::lang::fs_loader).unwrap();
        let r = explore::run(&prog, &config(&f, TimeMode::Strict), &mut Random::new(1), true);
        let mut snap = sim::trace::to_text(r.trace.as_deref().unwrap(), &prog.sources);
        snap.push_str(&format!("end: {}\n", r.end.name()));
        for (pid, s) in &r.outcome.exits {
            snap.push_str(&format!("process {pid}: {s}\n"));
        }
        let name = crate::native::stem(&f);
        insta::with_settings!({ snapshot_path => "../../traces", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, snap);
        });
    }
}
