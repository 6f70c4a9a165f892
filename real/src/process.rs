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
    /// Most processes in the run.
    pub max_procs: usize,
    /// The control page.
    pub ctl: Ctl,
    /// The log's write end.
    pub log: i32,
    /// Identity (device, inode) of the captured stdout and stderr.
    pub capture: [(u64, u64); 2],
    /// `--stdout tty`: the captured outputs are terminals for `isatty`.
    pub tty: bool,
    /// Prefix for shm names when there is no private `/dev/shm`.
    pub prefix: Option<String>,
    /// The run has its own network namespace with its loopback up.
    pub net: bool,
    /// The run's own directory, where socket paths live (the program's
    /// working directory is its `home/ipcsim`).
    pub rundir: String,
    /// The run's mailboxes and links.
    pub messages: crate::message::Messages,
    /// Chaos seed, if chaos is on.
    pub chaos: Option<u64>,
    /// The run's clock (started before the first process).
    pub clock: RunClock,
    /// How the first process was started (`exec` of the program itself).
    pub argv0: String,
    /// stdout buffering, for a new image.
    pub stdout: sim::interp::StdoutMode,
}

/// The run's clocks start at the simulator's: `CLOCK_MONOTONIC` at 0 and
/// `CLOCK_REALTIME` at the epoch when the run starts, then advance with
/// real time, the same for every process of the run.
#[derive(Clone, Copy)]
pub struct RunClock(libc::timespec);

impl RunClock {
    /// A clock starting now.
    pub fn start() -> RunClock {
        RunClock(now())
    }

    /// Real ns since the run started.
    pub fn elapsed_ns(&self) -> u64 {
        let (a, b) = (self.0, now());
        let ns = (b.tv_sec - a.tv_sec) as i128 * 1_000_000_000 + (b.tv_nsec - a.tv_nsec) as i128;
        ns.max(0) as u64
    }
}

fn now() -> libc::timespec {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime into a local.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts
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
    /// Its mailbox descriptors and the mailboxes they are (copied by
    /// `fork` with the process).
    pub mbox_fds: std::collections::BTreeMap<i32, u32>,
    /// `link_capacity`.
    pub link_capacity: i32,
    /// The working directory as the program sees it, when `chdir` moved
    /// it (`None`: the simulator's `CWD`); the real one stays the run
    /// directory's, so paths are mapped, never followed.
    pub cwd: Option<Vec<u8>>,
    /// Its signal handlers.
    pub handlers: crate::signal::Handlers,
    /// Its shared loads since its last other visible operation.
    pub spin: sim::interp::spin::Streak,
    /// The cached digest of its private regions (for its fingerprint).
    pub digest: sim::interp::spin::RegionDigest,
    /// When it stops at a shared access.
    pub pace: crate::pace::Pace,
}

impl RealProc<'_> {
    /// Runs the process to its end; never returns.
    pub fn run(mut self) -> ! {
        let mut granted = false;
        // A call a handler interrupted, to make again once it returned.
        let mut redo = None;
        loop {
            let ev = match redo.take() {
                Some(call) => Event::Syscall(call),
                None => {
                    // A signal the real kernel noted runs its handler
                    // here, at a visible operation (never inside a
                    // granted access).
                    if !granted {
                        self.take_signal();
                    }
                    // A private loop runs as natively, until the program
                    // or the run's timeout ends it, but comes back every
                    // SIGNAL_FUEL iterations to take a signal.
                    let through = self.pace.through(self.chaos.as_ref());
                    let mut ctx =
                        RunCtx { shared: &mut self.shared, fuel: SIGNAL_FUEL, instructions: 0, granted, performed: None, through };
                    let ev = self.proc.run(self.env.prog, &mut ctx);
                    let ran = through - ctx.through;
                    self.pace.ran(ran, self.chaos.as_mut());
                    if ran > 0 {
                        // Accesses unseen: no streak of loads goes on.
                        self.spin_broken();
                    }
                    ev
                }
            };
            granted = false;
            match ev {
                // A signal the kernel noted: its handler runs first; the
                // access stops again once it returned.
                Event::Access(_) if self.signal_waiting() => {}
                Event::Access(a) => {
                    if let Some(c) = self.chaos.as_mut() {
                        c.before_access();
                    }
                    granted = true;
                    // After a wait out of a spin, the access is made
                    // afresh (a signal may come first).
                    if self.pace.stopped() && self.spun(&a) {
                        self.pace.waited();
                        granted = false;
                    }
                }
                Event::Syscall(call) => {
                    self.spin_broken();
                    if let Some(c) = self.chaos.as_mut() {
                        c.before_step();
                    }
                    let r = self.syscall(&call);
                    if r == -(libc::EINTR as i64) && self.restart_after_handler(&call) {
                        continue;
                    }
                    if r == crate::exec::EXECUTED {
                        continue;
                    }
                    if r < 0 {
                        self.proc.set_errno(self.env.prog, (-r) as i32);
                        self.proc.resume(call.failure_value());
                    } else {
                        self.proc.resume(r);
                    }
                }
                Event::SigReturn => {
                    self.spin_broken();
                    // Back from a handler of a fault: natively the
                    // instruction faults again; the process dies of it.
                    if let Some(sig) = self.handlers.fault_after() {
                        die(sig);
                    }
                    redo = self.handler_returned();
                }
                // SAFETY: ending the process; stdio was flushed by the
                // interpreter's own writes, exactly as natively.
                Event::Exit(code) => unsafe { libc::_exit(code) },
                Event::Killed(fault) => match fault.signal {
                    // A handler for the fault's signal runs first.
                    Some(sig) if self.enter_fault_handler(sig.number()) => {}
                    Some(sig) => die(sig.number()),
                    None => self.stop_undefined(),
                },
                // A long private stretch: the top of the loop takes a
                // signal if one came, and the process resumes where it
                // was (at a loop's back edge or a call).
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
    pub(crate) fn stop_undefined(&self) -> ! {
        crate::log::send(self.env.log, &crate::log::Record::Undefined { pid: self.pid });
        // SAFETY: ending the process.
        unsafe { libc::_exit(UNDEFINED_EXIT) }
    }
}

/// Loop iterations and calls a process runs between two looks for a
/// signal when it makes no visible operation (`while (!flag) ;` waiting
/// for a handler to set a private flag): about a millisecond.
const SIGNAL_FUEL: u64 = 1 << 16;

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
