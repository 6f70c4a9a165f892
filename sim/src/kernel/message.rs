//! Calls of `ipcsim.h`: the kernel's glue between descriptors, the
//! caller's memory and the channels of `ipc/message.rs`. A blocking send
//! to a rendezvous takes two steps: it offers its message, then waits
//! until a receiver has taken it (`Pcb::io_done` holds the message's
//! sequence number plus one meanwhile).

use super::calls::Sys;
use super::fd::{FileKind, MAX_FDS};
use super::{Machine, Pending, StepCtx};
use crate::abi::call::{Call, FdCall, MsgCall};
use crate::abi::errno::{EAGAIN, EBADF, EFAULT, EINVAL, EMFILE, EMSGSIZE, ENOSPC, ESRCH};
use crate::ipc::message::{self, Channel, Message, MBOX_MAX, MSG_MAX};

/// `ANY_PROCESS`.
const ANY: i32 = -1;

/// Where a send goes.
#[derive(Clone, Copy)]
enum To {
    Mbox(u32),
    Link { from: i32, to: i32 },
}

impl Machine {
    /// The mailbox behind descriptor `mb` of process `i` (`EBADF`).
    pub(crate) fn mbox_of(&self, i: usize, mb: i32) -> Result<u32, i32> {
        match self.file_of(i, mb as i64).map(|(_, f)| f.kind) {
            Some(FileKind::Mbox(b)) => Ok(b),
            _ => Err(EBADF),
        }
    }

    fn channel(&self, to: To) -> Option<&Channel> {
        match to {
            To::Mbox(b) => self.msg.mboxes.get(b as usize),
            To::Link { from, to } => self.msg.way(from, to),
        }
    }

    fn exists(&self, pid: i32) -> bool {
        self.procs.iter().any(|p| p.pid == pid)
    }

    /// Whether the call can go on now (or fails at once).
    pub(super) fn msg_ready(&self, i: usize, c: &MsgCall) -> bool {
        let me = self.procs[i].pid;
        let waiting = self.procs[i].io_done;
        match *c {
            MsgCall::MboxSend { mb, block: true, .. } => match self.mbox_of(i, mb) {
                Ok(b) => self.way_ready(To::Mbox(b), waiting),
                Err(_) => true,
            },
            MsgCall::MboxReceive { mb, block: true, .. } => match self.mbox_of(i, mb) {
                Ok(b) => !self.msg.mboxes[b as usize].msgs.is_empty(),
                Err(_) => true,
            },
            // An offer already made waits to be taken, receiver alive or not.
            MsgCall::SendTo { pid, .. } if waiting > 0 || pid != me && self.exists(pid) => {
                self.way_ready(To::Link { from: me, to: pid }, waiting)
            }
            MsgCall::ReceiveFrom { pid: ANY, .. } => self.msg.oldest_for(me).is_some(),
            MsgCall::ReceiveFrom { pid, .. } if pid != me => match self.msg.way(pid, me) {
                Some(w) => !w.msgs.is_empty() || !self.exists(pid),
                // The first receive from a process makes the link, then waits.
                None => true,
            },
            _ => true,
        }
    }

    fn way_ready(&self, to: To, waiting: usize) -> bool {
        match self.channel(to) {
            Some(ch) if waiting > 0 => !ch.holds(waiting as u64 - 1),
            Some(ch) => ch.has_room(),
            None => true, // a link not made yet starts empty
        }
    }

    pub(super) fn msg_call(&mut self, i: usize, c: MsgCall, cx: &mut StepCtx) -> Sys {
        let me = self.procs[i].pid;
        match c {
            MsgCall::MboxOpen { name, capacity } => Sys::from(self.mbox_open(i, name, capacity)),
            MsgCall::MboxClose { mb } => match self.mbox_of(i, mb) {
                Ok(_) => self.fd_call(i, FdCall::Close { fd: mb }, cx),
                Err(e) => Sys::err(e),
            },
            MsgCall::MboxSend { mb, msg, len, block } => match self.mbox_of(i, mb) {
                Ok(b) => self.msg_send(i, To::Mbox(b), msg, len, block),
                Err(e) => Sys::err(e),
            },
            MsgCall::MboxReceive { mb, buf, cap, block } => match self.mbox_of(i, mb) {
                Ok(b) => Sys::from(self.msg_receive(i, To::Mbox(b), buf, cap, block)),
                Err(e) => Sys::err(e),
            },
            MsgCall::SendTo { pid, msg, len } => match () {
                _ if self.procs[i].io_done > 0 => Sys::Ret(0), // the offer was taken
                _ if pid == me => Sys::err(EINVAL),
                _ if !self.exists(pid) => Sys::err(ESRCH),
                _ => self.msg_send(i, To::Link { from: me, to: pid }, msg, len, true),
            },
            MsgCall::ReceiveFrom { pid, buf, cap } => self.receive_from(i, pid, buf, cap),
            MsgCall::LinkCapacity { n } => {
                if n >= -1 {
                    self.procs[i].link_capacity = n;
                }
                Sys::Ret(0)
            }
        }
    }

    fn mbox_open(&mut self, i: usize, name: u64, capacity: i32) -> Result<i64, i32> {
        // ipcsim.h: a NULL name is EINVAL, like an empty one.
        if name == 0 {
            return Err(EINVAL);
        }
        let name = self.procs[i].proc.mem.cstr(&self.shared, name).map_err(|_| EFAULT)?.to_vec();
        message::check_open(&name, capacity)?;
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        let b = match self.msg.names.get(&name) {
            Some(&b) => b,
            None if self.msg.mboxes.len() >= MBOX_MAX => return Err(ENOSPC),
            None => {
                self.msg.mboxes.push(Channel::new(capacity));
                let b = (self.msg.mboxes.len() - 1) as u32;
                self.msg.names.insert(name, b);
                b
            }
        };
        let f = self.open_file(FileKind::Mbox(b), crate::abi::flags::O_RDWR);
        Ok(self.install(i, f, 0))
    }

    fn msg_send(&mut self, i: usize, to: To, msg: u64, len: u64, block: bool) -> Sys {
        let waiting = self.procs[i].io_done;
        if waiting > 0 {
            return Sys::Ret(0); // the rendezvous took place
        }
        if len > MSG_MAX {
            return Sys::err(EMSGSIZE);
        }
        let data = match len {
            0 => Vec::new(),
            _ => match self.procs[i].proc.mem.slice(&self.shared, msg, len as usize) {
                Ok(d) => d.to_vec(),
                Err(_) => return Sys::err(EFAULT),
            },
        };
        let capacity = self.procs[i].link_capacity;
        let rendezvous = self.channel(to).map_or(capacity == 0, |c| c.capacity == 0);
        let room = if rendezvous { block || self.receiver_waits(to, len) } else { self.channel(to).is_none_or(|c| c.has_room()) };
        if !room {
            debug_assert!(!block, "a blocked send is never stepped");
            return Sys::err(EAGAIN);
        }
        // Messages waiting count against the run's memory (natively a
        // pool bounds them).
        if !self.reserve(data.len() as u64) {
            return Sys::err(crate::abi::errno::ENOMEM);
        }
        let seq = self.msg.seq();
        let ch = match to {
            To::Mbox(b) => &mut self.msg.mboxes[b as usize],
            To::Link { from, to } => match self.msg.way_mut(from, to, capacity) {
                Ok(c) => c,
                Err(e) => return Sys::err(e),
            },
        };
        ch.msgs.push_back(Message { seq, data });
        if rendezvous && block {
            self.procs[i].io_done = seq as usize + 1;
            Sys::Progress
        } else {
            Sys::Ret(0)
        }
    }

    /// Some process is blocked receiving from `to` with room for `len`
    /// bytes (a try-send to a rendezvous needs one; an offer already
    /// queued would be taken first).
    fn receiver_waits(&self, to: To, len: u64) -> bool {
        if self.channel(to).is_some_and(|c| !c.msgs.is_empty()) {
            return false;
        }
        (0..self.procs.len()).any(|j| {
            let p = &self.procs[j];
            let Pending::Call(Call::Msg(c)) = p.pending else { return false };
            match (c, to) {
                (MsgCall::MboxReceive { mb, cap, block: true, .. }, To::Mbox(b)) => self.mbox_of(j, mb) == Ok(b) && cap >= len,
                _ => false,
            }
        })
    }

    fn receive_from(&mut self, i: usize, pid: i32, buf: u64, cap: u64) -> Sys {
        match self.receive_from_now(i, pid, buf, cap) {
            Err(EAGAIN) => Sys::Progress,
            r => Sys::from(r),
        }
    }

    /// `receive_from`; `EAGAIN` when it made the link and must wait.
    fn receive_from_now(&mut self, i: usize, pid: i32, buf: u64, cap: u64) -> Result<i64, i32> {
        let me = self.procs[i].pid;
        if pid == me {
            return Err(EINVAL);
        }
        if pid != ANY && self.msg.way(pid, me).is_none() {
            if !self.exists(pid) {
                return Err(ESRCH);
            }
            let capacity = self.procs[i].link_capacity;
            self.msg.link(pid, me, capacity)?;
            return Err(EAGAIN);
        }
        let from = match pid {
            ANY => self.msg.oldest_for(me),
            q if self.msg.way(q, me).is_some_and(|w| !w.msgs.is_empty()) => Some(q),
            q if !self.exists(q) => return Err(ESRCH),
            _ => None,
        };
        let Some(from) = from else {
            debug_assert!(false, "a blocked receive is never stepped");
            return Err(EAGAIN);
        };
        self.msg_receive(i, To::Link { from, to: me }, buf, cap, true)
    }

    fn msg_receive(&mut self, i: usize, from: To, buf: u64, cap: u64, block: bool) -> Result<i64, i32> {
        let Some(ch) = self.channel(from) else { return Err(EAGAIN) };
        let Some(front) = ch.msgs.front() else {
            debug_assert!(!block, "a blocked receive is never stepped");
            return Err(EAGAIN);
        };
        let n = front.data.len();
        if n as u64 > cap {
            return Err(EMSGSIZE);
        }
        if n > 0 && self.procs[i].proc.mem.slice(&self.shared, buf, n).is_err() {
            return Err(EFAULT);
        }
        let ch = match from {
            To::Mbox(b) => &mut self.msg.mboxes[b as usize],
            To::Link { from, to } => self.msg.way_mut(from, to, 0).expect("the link exists"),
        };
        let m = ch.take(cap).expect("not empty").expect("fits");
        self.release(m.data.len() as u64);
        if n > 0 {
            let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, n).expect("checked above");
            dst.copy_from_slice(&m.data);
            self.wake_if_shared(i, buf);
        }
        Ok(n as i64)
    }
}
