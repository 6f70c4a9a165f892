//! What a blocked process waits for, as data: the object, and the
//! processes whose actions could release it (the edges of the wait-for
//! graph). Each kind of object answers for its own calls.

use crate::abi::call::{Call, FdCall, MqCall, MsgCall, ProcCall, SemCall, SockCall};
use crate::kernel::{FileKind, Machine, Pending};

/// Why a process cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Waits {
    /// `read` on an empty pipe whose write ends are still open.
    PipeData {
        /// The descriptor read.
        fd: i32,
        /// Pipe number.
        pipe: u32,
        /// Who holds a write end, and as which descriptor.
        holders: Vec<(i32, i32)>,
    },
    /// `write` on a full pipe.
    PipeSpace {
        /// The descriptor written.
        fd: i32,
        /// Pipe number.
        pipe: u32,
        /// Who holds a read end, and as which descriptor.
        holders: Vec<(i32, i32)>,
    },
    /// `wait`/`waitpid` for children that do not exit.
    Children {
        /// The call's name.
        call: &'static str,
        /// The live children.
        pids: Vec<i32>,
    },
    /// Sleeping until this virtual time.
    Sleep(u64),
    /// Spin-parked: waiting for a write to one of these locations, which
    /// hold these values.
    Spin(Vec<(crate::trace::Loc, u64)>),
    /// Asleep in `sem_wait` on a process-private semaphore (`pshared`
    /// 0): no other process's post wakes it, whatever the value became.
    Unwoken {
        /// Shared object and offset of the `sem_t`, if shared memory.
        at: Option<(u32, u64)>,
        /// Its value now.
        value: u32,
    },
    /// Stopped by this signal: only a `SIGCONT` resumes it.
    Stopped(i32),
    /// `sem_wait` on a semaphore whose value is 0.
    Semaphore {
        /// Shared object and offset of the `sem_t` (`None`: in the
        /// waiter's private memory, where nobody else can post).
        at: Option<(u32, u64)>,
        /// The other live processes that map that object, and so could
        /// post.
        posters: Vec<i32>,
        /// For a private one: the other processes of the run, each with
        /// its own copy made by `fork`, where their posts go.
        copies: Vec<i32>,
    },
    /// `mq_send` on a full queue, or `mq_receive` on an empty one.
    Queue {
        /// The call's name.
        call: &'static str,
        /// The queue is full (else empty).
        full: bool,
        /// The other live processes that have the queue open.
        holders: Vec<i32>,
    },
    /// A socket call: receiving with nothing queued, sending with the
    /// buffer full, accepting with no connection, connecting to a full
    /// backlog.
    Socket {
        /// The call's name.
        call: &'static str,
        /// What it waits for.
        what: &'static str,
        /// The other live processes holding the socket at the other end
        /// (or any socket, for an `accept`), which could release it.
        holders: Vec<i32>,
        /// The waiter itself holds the other end (a close it forgot).
        own: bool,
        /// What injected faults did to it: datagrams to it lost, peers
        /// crashed ("" if none).
        injected: String,
    },
    /// A mailbox or link call of `ipcsim.h`.
    Message {
        /// The call's name.
        call: &'static str,
        /// What it waits for.
        what: String,
        /// The other live processes that could release it.
        holders: Vec<i32>,
    },
    /// `flock` or `fcntl(F_SETLKW)` waiting for locks others hold.
    Lock {
        /// The call's name.
        call: &'static str,
        /// The file, as a report names it (its path).
        file: String,
        /// The processes holding the locks in its way.
        holders: Vec<i32>,
    },
    /// Blocked in some other call.
    Other(&'static str),
    /// Not blocked: it steps, but only round a cycle of states that no
    /// schedule leaves (found by exhaustive search).
    Cycling,
}

impl Waits {
    /// One edge of the wait-for graph in words: what the waiter waits
    /// for, and how `by` could release it ("pipe#1 written by 1001").
    pub fn edge(&self, by: i32) -> String {
        match self {
            Waits::PipeData { pipe, .. } => format!("pipe#{pipe} written by {by}"),
            Waits::PipeSpace { pipe, .. } => format!("room in pipe#{pipe} read by {by}"),
            Waits::Children { .. } => format!("child {by} to exit"),
            Waits::Semaphore { at: Some((obj, off)), .. } => format!("the semaphore at shm#{obj}+{off} posted by {by}"),
            Waits::Semaphore { .. } => format!("a semaphore {by} cannot post"),
            Waits::Queue { full: true, .. } => format!("room in a message queue {by} receives from"),
            Waits::Queue { .. } => format!("a message queue {by} sends to"),
            Waits::Socket { what, .. } => format!("{what} from {by}"),
            Waits::Message { what, .. } => format!("{what}, which {by} could provide"),
            Waits::Lock { file, .. } => format!("a lock on {file} held by {by}"),
            Waits::Sleep(_) | Waits::Spin(_) | Waits::Other(_) | Waits::Cycling | Waits::Unwoken { .. } => format!("{by}"),
            Waits::Stopped(_) => format!("a SIGCONT from {by}"),
        }
    }

    /// The processes whose action could release the waiter.
    pub fn releasers(&self) -> Vec<i32> {
        let mut v: Vec<i32> = match self {
            Waits::PipeData { holders, .. } | Waits::PipeSpace { holders, .. } => holders.iter().map(|h| h.0).collect(),
            Waits::Children { pids, .. } => pids.clone(),
            Waits::Semaphore { posters, .. } => posters.clone(),
            Waits::Queue { holders, .. } | Waits::Socket { holders, .. } | Waits::Message { holders, .. } | Waits::Lock { holders, .. } => {
                holders.clone()
            }
            _ => Vec::new(),
        };
        v.dedup();
        v
    }
}

fn holders(m: &Machine, want: FileKind) -> Vec<(i32, i32)> {
    holders_of(m, |k| k == want)
}

fn is_socket(m: &Machine, i: usize, fd: i32) -> bool {
    m.sock_of(i, fd).is_ok()
}

/// A blocked socket call: who holds the other end (a connection's peer, a
/// datagram socket's destination); for an `accept` or a connect, any
/// other process holding a socket could be the one to act.
fn socket_waits(m: &Machine, i: usize, fd: i32, call: &'static str, what: &'static str) -> Waits {
    let me = m.procs[i].pid;
    let peer = m.sock_of(i, fd).ok().and_then(|(s, _)| m.socks.socks[s as usize].as_ref().and_then(|k| k.peer));
    let mut holders: Vec<i32> = match (peer, call) {
        (Some(p), "recv" | "read" | "recvfrom" | "send" | "write" | "sendto") => {
            holders_of(m, |k| k == FileKind::Socket(p)).into_iter().map(|h| h.0).collect()
        }
        _ => holders_of(m, |k| matches!(k, FileKind::Socket(_))).into_iter().map(|h| h.0).collect(),
    };
    let own = holders.contains(&me) && peer.is_some() && call != "accept";
    holders.retain(|&p| p != me);
    holders.dedup();
    let sock = m.sock_of(i, fd).ok().map(|(s, _)| s);
    let mut injected: Vec<String> = Vec::new();
    injected.extend(m.lost.iter().filter(|(to, _)| Some(*to) == sock).map(|(_, bytes)| {
        format!("the datagram \"{}\" ({} bytes) sent to it was lost (injected)", String::from_utf8_lossy(bytes).escape_debug(), bytes.len())
    }));
    injected.extend(m.crashed.iter().map(|(pid, at)| format!("process {pid} crashed (injected) at {at}")));
    Waits::Socket { call, what, holders, own, injected: injected.join("; ") }
}

fn holders_of(m: &Machine, want: impl Fn(FileKind) -> bool) -> Vec<(i32, i32)> {
    let mut v = Vec::new();
    for p in m.procs.iter().filter(|p| p.status.is_none()) {
        for (fd, d) in p.fds.iter().enumerate() {
            if d.is_some_and(|d| m.files[d.file as usize].as_ref().is_some_and(|f| want(f.kind))) {
                v.push((p.pid, fd as i32));
            }
        }
    }
    v
}

/// A blocked mailbox or link call: what it waits for, and who could
/// provide it.
fn message_waits(m: &Machine, i: usize, c: MsgCall, call: &'static str) -> Waits {
    let p = &m.procs[i];
    let others = |keep: &dyn Fn(i32) -> bool| -> Vec<i32> {
        m.procs.iter().filter(|q| q.pid != p.pid && q.status.is_none() && keep(q.pid)).map(|q| q.pid).collect()
    };
    let (what, holders) = match c {
        MsgCall::MboxSend { mb, .. } | MsgCall::MboxReceive { mb, .. } => {
            let b = m.mbox_of(i, mb).ok();
            let name = b.and_then(|b| m.msg.names.iter().find(|(_, &v)| v == b)).map(|(n, _)| String::from_utf8_lossy(n).into_owned());
            let name = name.unwrap_or_default();
            let holders: Vec<i32> =
                b.map_or_else(Vec::new, |b| holders(m, FileKind::Mbox(b)).into_iter().map(|h| h.0).filter(|&q| q != p.pid).collect());
            let what = match c {
                MsgCall::MboxReceive { .. } => format!("a message in mailbox \"{name}\""),
                _ if p.io_done > 0 => format!("a receiver to take its message from mailbox \"{name}\" (a rendezvous)"),
                _ => format!("room in mailbox \"{name}\""),
            };
            (what, holders)
        }
        MsgCall::SendTo { pid, .. } => {
            let what = if p.io_done > 0 {
                format!("process {pid} to receive its message (a rendezvous)")
            } else {
                format!("room on its link to process {pid}")
            };
            (what, others(&|q| q == pid))
        }
        MsgCall::ReceiveFrom { pid: -1, .. } => ("a message from any process".to_string(), others(&|_| true)),
        MsgCall::ReceiveFrom { pid, .. } => (format!("a message from process {pid}"), others(&|q| q == pid)),
        _ => return Waits::Other(call),
    };
    Waits::Message { call, what, holders }
}

/// What process `i` waits for.
pub fn waits(m: &Machine, i: usize) -> Waits {
    let p = &m.procs[i];
    if let Some(sig) = p.stopped {
        return Waits::Stopped(sig);
    }
    if let Some(w) = &p.parked {
        let locs = crate::kernel::park::locs(w, &p.spin);
        return Waits::Spin(locs.into_iter().zip(w).map(|(l, w)| (l, crate::kernel::park::peek(&m.shared, w))).collect());
    }
    match &p.pending {
        Pending::Call(c) => match *c {
            Call::Fd(FdCall::Read { fd, .. }) | Call::Sock(SockCall::Recv { fd, .. }) if is_socket(m, i, fd) => {
                socket_waits(m, i, fd, c.name(), "data on a socket")
            }
            Call::Fd(FdCall::Write { fd, .. }) | Call::Sock(SockCall::Send { fd, .. }) if is_socket(m, i, fd) => {
                socket_waits(m, i, fd, c.name(), "room in a socket's buffer (its receiver must read)")
            }
            Call::Sock(SockCall::Accept { fd, .. }) => socket_waits(m, i, fd, c.name(), "a connection"),
            Call::Sock(SockCall::Connect { fd, .. }) => socket_waits(m, i, fd, c.name(), "room in the listener's backlog (it must accept)"),
            Call::Fd(FdCall::Read { fd, .. }) => match m.file_of(i, fd as i64).map(|(_, f)| f.kind) {
                Some(FileKind::PipeRead(pipe) | FileKind::PipeBoth(pipe)) => {
                    let holders = holders_of(m, |k| k == FileKind::PipeWrite(pipe) || k == FileKind::PipeBoth(pipe));
                    Waits::PipeData { fd, pipe, holders }
                }
                _ => Waits::Other("read"),
            },
            Call::Fd(FdCall::Write { fd, .. }) => match m.file_of(i, fd as i64).map(|(_, f)| f.kind) {
                Some(FileKind::PipeWrite(pipe) | FileKind::PipeBoth(pipe)) => {
                    let holders = holders_of(m, |k| k == FileKind::PipeRead(pipe) || k == FileKind::PipeBoth(pipe));
                    Waits::PipeSpace { fd, pipe, holders }
                }
                _ => Waits::Other("write"),
            },
            Call::Proc(ProcCall::Wait { .. } | ProcCall::Waitpid { .. }) => {
                let pids = m.procs.iter().filter(|c| c.ppid == p.pid && c.status.is_none()).map(|c| c.pid).collect();
                Waits::Children { call: c.name(), pids }
            }
            Call::Sem(SemCall::Wait { sem } | SemCall::TimedWait { sem, .. }) if p.asleep => {
                let at = p.proc.mem.shared_location(sem);
                Waits::Unwoken { at, value: m.sem_value(i, sem).unwrap_or(0) }
            }
            Call::Sem(SemCall::Wait { sem }) => {
                let at = p.proc.mem.shared_location(sem);
                let maps = |q: &crate::kernel::Pcb| at.is_some_and(|(obj, _)| q.proc.mem.mapping_of_any(obj));
                let posters = m.procs.iter().filter(|q| q.pid != p.pid && q.status.is_none() && maps(q)).map(|q| q.pid).collect();
                let copies = match at {
                    None => m.procs.iter().filter(|q| q.pid != p.pid).map(|q| q.pid).collect(),
                    Some(_) => Vec::new(),
                };
                Waits::Semaphore { at, posters, copies }
            }
            Call::Mq(MqCall::Send { mqd, .. } | MqCall::Receive { mqd, .. }) => match m.mq_of(i, mqd) {
                Some((_, q, _)) => {
                    let holders = holders(m, FileKind::Mq(q)).into_iter().map(|h| h.0).filter(|&pid| pid != p.pid).collect();
                    Waits::Queue { call: c.name(), full: matches!(c, Call::Mq(MqCall::Send { .. })), holders }
                }
                None => Waits::Other(c.name()),
            },
            Call::Msg(mc) => message_waits(m, i, mc, c.name()),
            Call::Fd(ref fc @ (FdCall::Lock { .. } | FdCall::Flock { .. })) => match m.lock_waits(i, fc) {
                Some((file, holders)) => Waits::Lock { call: c.name(), file, holders },
                None => Waits::Other(c.name()),
            },
            Call::Fs(crate::abi::call::FsCall::Open { .. }) if p.fifo_wait.is_some() => {
                let w = p.fifo_wait.expect("checked by the guard");
                let side = if w.reader { "a writer" } else { "a reader" };
                let name = m.socks.names.fifos.iter().find(|e| *e.1 == w.fifo).map(|e| String::from_utf8_lossy(e.0).into_owned());
                let what = match name {
                    Some(path) => format!("{side} to open the named pipe \"{path}\""),
                    None => format!("{side} to open its (since removed) named pipe"),
                };
                let holders = m.procs.iter().filter(|q| q.pid != p.pid && q.status.is_none()).map(|q| q.pid).collect();
                Waits::Message { call: c.name(), what, holders }
            }
            Call::Sysv(sc) => {
                let what = match sc {
                    crate::abi::call::SysvCall::Msgsnd { .. } => "room on a System V message queue",
                    crate::abi::call::SysvCall::Msgrcv { .. } => "a message of its type on a System V message queue",
                    _ => "semaphore values that let its whole semop go on",
                };
                let holders = m.procs.iter().filter(|q| q.pid != p.pid && q.status.is_none()).map(|q| q.pid).collect();
                Waits::Message { call: c.name(), what: what.into(), holders }
            }
            other => Waits::Other(other.name()),
        },
        Pending::Sleep(t, _) => Waits::Sleep(*t),
        _ => Waits::Other("an operation"),
    }
}
