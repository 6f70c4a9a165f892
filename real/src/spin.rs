//! Spinning on the real kernel (`sim::interp::spin`): a process that came
//! back to the same private state having read shared locations that still
//! hold what it read would only spin until one of them changes. It waits
//! for that on the real mapping instead, saying so on the control page, so
//! the supervisor can tell a run in which every process is blocked or
//! spinning (a livelock) within milliseconds rather than at the timeout.

use crate::process::RealProc;
use sim::interp::spin::Watch;
use sim::interp::{Access, AccessKind};

/// Looks made without sleeping, first: a hand-over between processes
/// taking turns (a few microseconds natively) stays about that short.
const BUSY_LOOKS: u32 = 200;

/// Then looks made after giving the core to whoever else wants it: the
/// process waited for may be off the CPU (more processes than cores).
const YIELD_LOOKS: u32 = 100;

/// How long a waiting process sleeps between looks at its locations.
const LOOK_EVERY: libc::timespec = libc::timespec { tv_sec: 0, tv_nsec: 50_000 };

impl RealProc<'_> {
    /// Notes a shared access; if it is a load that closes a spin, waits
    /// until a location read changes (or a signal comes) and returns
    /// true: the access is then made afresh.
    pub(crate) fn spun(&mut self, a: &Access) -> bool {
        let AccessKind::Load(m) = a.kind else {
            self.spin.clear();
            return false;
        };
        let fp = sim::interp::spin::fingerprint(&self.proc, &mut self.digest);
        let watch = Watch { obj: a.obj, off: a.off, width: m.width() };
        let Some(reads) = self.spin.spin_reads(fp, |w| self.peek(w)) else {
            let value = self.peek(&watch);
            self.spin.push(fp, watch, value, a.expr);
            return false;
        };
        self.spin.clear();
        self.env.ctl.set_spinning(self.pid, true);
        let mut looks: u32 = 0;
        while reads.iter().all(|(w, v)| self.peek(w) == *v) && !self.signal_waiting() {
            looks = looks.saturating_add(1);
            if looks < BUSY_LOOKS {
                std::hint::spin_loop();
            } else if looks < BUSY_LOOKS + YIELD_LOOKS {
                // SAFETY: a plain system call.
                unsafe { libc::sched_yield() };
            } else {
                // SAFETY: a sleep with a constant request.
                unsafe { libc::nanosleep(&LOOK_EVERY, std::ptr::null_mut()) };
            }
        }
        self.env.ctl.set_spinning(self.pid, false);
        true
    }

    /// Forgets the loads seen (the process did something else).
    pub(crate) fn spin_broken(&mut self) {
        self.spin.clear();
    }

    /// The bytes at a location, zero-extended, read from the real mapping
    /// (0 past its end).
    fn peek(&self, w: &Watch) -> u64 {
        let Some((p, n)) = self.shared.get(w.obj) else { return 0 };
        let (o, k) = (w.off as usize, w.width as usize);
        let mut b = [0u8; 8];
        if o + k <= n && k <= 8 {
            for (i, byte) in b.iter_mut().enumerate().take(k) {
                // SAFETY: inside the live mapping; other processes may
                // write it at any time (a torn read only ends a wait).
                *byte = unsafe { std::ptr::read_volatile((p + o + i) as *const u8) };
            }
        }
        u64::from_le_bytes(b)
    }
}
