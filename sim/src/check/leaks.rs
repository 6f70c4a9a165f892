//! What a run leaves behind when every process has exited: named objects
//! that outlive it (shared memory, semaphores, message queues, socket
//! files, never unlinked) and children their parent never waited for
//! (zombies when it exited). Each is a warning naming the line that made
//! it; descriptors left open are not leaks (exit closes them).

use crate::ipc::sockname::CWD;
use crate::kernel::{History, Machine, Named};
use crate::source::Span;

/// The ids and keys of a System V table's objects not yet removed.
fn ids<T: SysvObject>(t: &crate::ipc::sysv::Table<T>) -> Vec<(i32, i32)> {
    t.slots
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.as_ref().filter(|s| !s.obj.removed()).map(|s| (k as i32 + s.seq * crate::ipc::sysv::SEQ_MULTIPLIER, s.key)))
        .collect()
}

/// Whether an object has been removed (a segment stays while attached).
trait SysvObject {
    fn removed(&self) -> bool;
}

impl SysvObject for crate::ipc::sysv::Segment {
    fn removed(&self) -> bool {
        self.removed
    }
}

impl SysvObject for crate::ipc::sysv::MsgQueue {
    fn removed(&self) -> bool {
        false
    }
}

impl SysvObject for crate::ipc::sysv::SemSet {
    fn removed(&self) -> bool {
        false
    }
}

fn unlink(call: &str) -> String {
    format!("remove it with {call} once no process needs the name")
}

/// One thing left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// What it is, in words ("shared memory object \"/x\"").
    pub what: String,
    /// How to release it.
    pub fix: String,
    /// Where it was made, if known.
    pub span: Option<Span>,
}

/// The leaks of a run that ended with every process exited.
pub fn find(m: &Machine, h: &History) -> Vec<Leak> {
    let site = |kind: Named, key: &str| h.created.iter().find(|c| c.0 == kind && c.1 == key).map(|c| c.2);
    let mut out = Vec::new();
    for name in m.shm.names.keys() {
        match name.strip_prefix("sem.") {
            Some(sem) if site(Named::Sem, name).is_some() || site(Named::Shm, name).is_none() => out.push(Leak {
                what: format!("named semaphore \"/{sem}\" is never unlinked: it outlives the run"),
                fix: unlink("sem_unlink"),
                span: site(Named::Sem, name),
            }),
            _ => out.push(Leak {
                what: format!("shared memory object \"/{name}\" is never unlinked: it outlives the run"),
                fix: unlink("shm_unlink"),
                span: site(Named::Shm, name),
            }),
        }
    }
    for name in m.mq.names.keys() {
        out.push(Leak {
            what: format!("message queue \"/{name}\" is never unlinked: it outlives the run"),
            fix: unlink("mq_unlink"),
            span: site(Named::Queue, name),
        });
    }
    for path in m.socks.names.paths() {
        let path = String::from_utf8_lossy(path).into_owned();
        let shown = path.strip_prefix(&format!("{CWD}/")).unwrap_or(&path);
        out.push(Leak {
            what: format!("socket file \"{shown}\" is never unlinked: it outlives the run"),
            fix: unlink("unlink"),
            span: site(Named::SocketPath, &path),
        });
    }
    let sysv = [
        ('m', "System V shared memory segment", "shmctl(id, IPC_RMID, NULL)", ids(&m.sysv.shm)),
        ('q', "System V message queue", "msgctl(id, IPC_RMID, NULL)", ids(&m.sysv.msg)),
        ('s', "System V semaphore set", "semctl(id, 0, IPC_RMID)", ids(&m.sysv.sem)),
    ];
    for (letter, what, fix, ids) in sysv {
        for (id, key) in ids {
            out.push(Leak {
                what: format!("{what} {id} (key {key:#x}) is never removed: it outlives the run"),
                fix: format!("remove it with {fix} once no process needs it"),
                span: site(Named::Sysv, &format!("{letter}{id}")),
            });
        }
    }
    for &(pid, parent, span) in &h.zombies {
        out.push(Leak {
            what: format!("process {pid} was never waited for: a zombie until its parent {parent} exited"),
            fix: "a parent should reap each child it forks, with wait or waitpid".into(),
            span,
        });
    }
    out
}
