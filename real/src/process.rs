//! One program process on the real kernel: the interpreter runs its IR;
//! at each visible operation this loop performs the real system call (or
//! lets the shared access happen on the real mapping).

use crate::chaos::Chaos;
use crate::control::Ctl;
use crate::shared::RealShared;
use sim::interp::{Event, Process, RunCtx};
use sim::ir::Program;

/// Everything a real process needs besides its interpreter state.
pub struct Env<'a> {
    /// The program.
    pub prog: &'a Program,
    /// Fuel between visible operations.
    pub fuel: u64,
    /// Most processes in the run.
    pub max_procs: usize,
    /// The control page.
    pub ctl: Ctl,
    /// The log's write end.
    pub log: i32,
    /// Identity (device, inode) of the captured stdout and stderr.
    pub capture: [(u64, u64); 2],
    /// Prefix for shm names when there is no private `/dev/shm`.
    pub prefix: Option<String>,
    /// Chaos seed, if chaos is on.
    pub chaos: Option<u64>,
}

/// A running real process.
pub struct RealProc<'a> {
    /// Shared environment.
    pub env: Env<'a>,
    /// Its virtual pid.
    pub pid: i32,
    /// Its parent's virtual pid.
    pub ppid: i32,
    /// Its parent's real pid (to notice adoption by init).
    pub parent_real: i32,
    /// Interpreter state.
    pub proc: Process,
    /// Its real shared mappings.
    pub shared: RealShared,
    /// Its chaos source.
    pub chaos: Option<Chaos>,
}

impl RealProc<'_> {
    /// Runs the process to its end; never returns.
    pub fn run(mut self) -> ! {
        let mut granted = false;
        loop {
            let mut ctx = RunCtx { shared: &mut self.shared, fuel: self.env.fuel, instructions: 0, granted, performed: None };
            let ev = self.proc.run(self.env.prog, &mut ctx);
            granted = false;
            match ev {
                Event::Access(_) => {
                    if let Some(c) = self.chaos.as_mut() {
                        c.before_step();
                    }
                    granted = true;
                }
                Event::Syscall(call) => {
                    if let Some(c) = self.chaos.as_mut() {
                        c.before_step();
                    }
                    let r = self.syscall(&call);
                    if r < 0 {
                        self.proc.set_errno(self.env.prog, (-r) as i32);
                        self.proc.resume(-1);
                    } else {
                        self.proc.resume(r);
                    }
                }
                // SAFETY: ending the process; stdio was flushed by the
                // interpreter's own writes, exactly as natively.
                Event::Exit(code) => unsafe { libc::_exit(code) },
                Event::Killed(fault) => match fault.signal {
                    Some(sig) => die(sig.number()),
                    None => self.stop_undefined(),
                },
                // A long private computation: natively it just goes on (a
                // parent may kill it); the run's timeout bounds it.
                Event::OutOfFuel => {}
            }
        }
    }
}

impl RealProc<'_> {
    /// Stops at undefined behaviour the interpreter caught: natively the
    /// process might run on, but its interpreter cannot, so it says so
    /// in the log (the outcome shows `UndefinedBehaviour`, no signal)
    /// and exits; what the rest of the run does is undefined.
    fn stop_undefined(&self) -> ! {
        crate::log::send(self.env.log, &crate::log::Record::Undefined { pid: self.pid });
        // SAFETY: ending the process.
        unsafe { libc::_exit(UNDEFINED_EXIT) }
    }
}

/// The exit code of a process stopped at undefined behaviour (its
/// parent may see it; the outcome records the undefined behaviour).
pub const UNDEFINED_EXIT: i32 = 127;

/// Dies of `sig` as the native program would (the fault the interpreter
/// caught is the one the hardware would have raised).
pub fn die(sig: i32) -> ! {
    // SAFETY: restoring the default action and raising a signal.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
        libc::_exit(128 + sig)
    }
}
