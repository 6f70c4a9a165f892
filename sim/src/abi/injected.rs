//! The faults ipcsim can inject into a run (`--crash`, `--net-faults`):
//! a vocabulary shared by the kernel that performs them, the search that
//! chooses them and the trace that shows them.

/// The kinds of injected fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// The process is killed (SIGKILL) before its next operation.
    Crash,
    /// The UDP datagram it sends is lost.
    Loss,
    /// The UDP datagram it sends arrives twice.
    Dup,
    /// The UDP datagram it sends overtakes those already queued.
    Reorder,
    /// The TCP connection it is about to use is reset.
    Reset,
}

impl Fault {
    /// Every kind, in the order of their ready-list encoding.
    pub const ALL: [Fault; 5] = [Fault::Crash, Fault::Loss, Fault::Dup, Fault::Reorder, Fault::Reset];

    /// Its name on the command line.
    pub fn arg(self) -> &'static str {
        match self {
            Fault::Crash => "crash",
            Fault::Loss => "loss",
            Fault::Dup => "dup",
            Fault::Reorder => "reorder",
            Fault::Reset => "reset",
        }
    }

    /// How the trace names it.
    pub fn describe(self) -> &'static str {
        match self {
            Fault::Crash => "crashed (injected)",
            Fault::Loss => "datagram lost (injected)",
            Fault::Dup => "datagram duplicated (injected)",
            Fault::Reorder => "datagram reordered (injected)",
            Fault::Reset => "connection reset (injected)",
        }
    }
}
