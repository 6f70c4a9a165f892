//! `bench`: whole runs timed; the figures go in the README and notes.

use super::{load, options};
use crate::cli::{BenchArgs, TimeArg};
use crate::Status;
use sim::explore;

pub fn bench(a: BenchArgs) -> Status {
    let prog = match load(&a.file, false, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, None, TimeArg::LowerBound);
    let cfg = opts.config();
    let mut sched = explore::scheduler(&opts);
    let (mut steps, mut instructions, mut failures) = (0u64, 0u64, 0u64);
    let start = std::time::Instant::now();
    let runner = explore::Runner::new(&prog, &cfg);
    for k in 0..a.runs {
        if k > 0 {
            sched.new_execution();
        }
        let r = runner.run(&mut *sched, false);
        steps += r.steps;
        instructions += r.instructions;
        failures += r.failed() as u64;
        runner.recycle(r);
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!("program       {}", a.file.display());
    println!("runs          {} in {:.3} s ({:.1} runs/s), {} failed", a.runs, secs, a.runs as f64 / secs, failures);
    println!("visible steps {} ({:.0} steps/s)", steps, steps as f64 / secs);
    println!("instructions  {} ({:.1} M IR instructions/s)", instructions, instructions as f64 / secs / 1e6);
    Status::Clean
}
