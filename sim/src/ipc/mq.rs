//! POSIX message queues: the rules of Linux with glibc
//! (`linux-ipc-semantics.md` §2). A queue holds at most `maxmsg` messages
//! of at most `msgsize` bytes each; the highest priority comes out first,
//! first in first out within a priority. It lives until it is unlinked and
//! its last descriptor is closed.

use crate::abi::errno::{EACCES, EINVAL, EMSGSIZE, ENAMETOOLONG, ENOENT};

/// `msg_max`: the most messages a queue may hold (and the default).
pub const MAX_MSG: i64 = 10;
/// `msgsize_max`: the largest message (and the default size).
pub const MAX_MSGSIZE: i64 = 8192;
/// `queues_max`: queues that may exist at once (`ENOSPC` past it).
pub const MAX_QUEUES: usize = 256;
/// `MQ_PRIO_MAX`.
pub const PRIO_MAX: u32 = 32768;

/// One queue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Queue {
    /// Most messages.
    pub maxmsg: i64,
    /// Largest message.
    pub msgsize: i64,
    /// Messages in the order they come out: (priority, bytes).
    pub msgs: Vec<(u32, Vec<u8>)>,
    /// The process registered with `mq_notify`, and how it is told.
    pub notify: Option<Notify>,
}

/// A registration of `mq_notify`: it fires once, when a message arrives
/// on the empty queue and no process is blocked receiving, then is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Notify {
    /// The registered process.
    pub pid: i32,
    /// `SIGEV_SIGNAL`'s signal and `sigev_value`; `None` for `SIGEV_NONE`.
    pub signal: Option<(i32, u64)>,
}

impl Queue {
    /// A queue with these attributes, if Linux accepts them.
    pub fn new(maxmsg: i64, msgsize: i64) -> Result<Queue, i32> {
        if !(1..=MAX_MSG).contains(&maxmsg) || !(1..=MAX_MSGSIZE).contains(&msgsize) {
            return Err(EINVAL);
        }
        Ok(Queue { maxmsg, msgsize, msgs: Vec::new(), notify: None })
    }

    /// Full: a send would block.
    pub fn full(&self) -> bool {
        self.msgs.len() as i64 >= self.maxmsg
    }

    /// What a send is refused for before it could block.
    pub fn check_send(&self, len: u64, prio: u32) -> Result<(), i32> {
        if prio >= PRIO_MAX {
            return Err(EINVAL);
        }
        if len > self.msgsize as u64 {
            return Err(EMSGSIZE);
        }
        Ok(())
    }

    /// What a receive is refused for: a buffer smaller than the queue's
    /// message size, even for a shorter message.
    pub fn check_receive(&self, len: u64) -> Result<(), i32> {
        if len < self.msgsize as u64 {
            return Err(EMSGSIZE);
        }
        Ok(())
    }

    /// Queues a message after every other of its priority or higher.
    pub fn send(&mut self, prio: u32, bytes: Vec<u8>) {
        let at = self.msgs.iter().position(|m| m.0 < prio).unwrap_or(self.msgs.len());
        self.msgs.insert(at, (prio, bytes));
    }

    /// The next message, if any.
    pub fn receive(&mut self) -> Option<(u32, Vec<u8>)> {
        (!self.msgs.is_empty()).then(|| self.msgs.remove(0))
    }
}

/// The queues of a run and their names (the mqueue filesystem).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Queues {
    /// Queues by number; `None` once unlinked and closed.
    pub queues: Vec<Option<Queue>>,
    /// Sorted names -> queue number.
    pub names: std::collections::BTreeMap<String, u32>,
}

/// The queue name of `mq_open`/`mq_unlink`, as glibc and the kernel check
/// it: a leading `/` (glibc removes one), then one path component.
pub fn check_name(name: &[u8]) -> Result<String, i32> {
    let Some(rest) = name.strip_prefix(b"/") else { return Err(EINVAL) };
    if rest.is_empty() {
        return Err(ENOENT);
    }
    if rest.contains(&b'/') || rest == b"." || rest == b".." {
        return Err(EACCES);
    }
    if rest.len() > 255 {
        return Err(ENAMETOOLONG);
    }
    Ok(String::from_utf8_lossy(rest).into_owned())
}
