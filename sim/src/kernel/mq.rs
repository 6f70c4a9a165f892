//! Calls on POSIX message queues: the kernel's glue between descriptors,
//! the caller's memory and the rules of `ipc/mq.rs`. A send on a full
//! queue and a receive on an empty one block (unless `O_NONBLOCK`): the
//! call is not ready until another process makes room or a message.

use super::calls::Sys;
use super::fd::{FileKind, ACCMODE, MAX_FDS, NONBLOCK};
use super::Machine;
use crate::abi::call::{Call, FdCall, MqCall};
use crate::abi::errno::{EAGAIN, EBADF, EEXIST, EFAULT, EMFILE, ENOENT, ENOSPC};
use crate::abi::flags::{O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_WRONLY};
use crate::ipc::mq::{self, Queue, MAX_MSG, MAX_MSGSIZE, MAX_QUEUES};
use crate::ir::MemTy;

impl Machine {
    /// The queue behind descriptor `mqd` of process `i`, with the open
    /// file's number and flags.
    pub(crate) fn mq_of(&self, i: usize, mqd: i32) -> Option<(u32, u32, i32)> {
        let (f, file) = self.file_of(i, mqd as i64)?;
        match file.kind {
            FileKind::Mq(q) => Some((f, q, file.flags)),
            _ => None,
        }
    }

    fn can_write(flags: i32) -> bool {
        matches!(flags & ACCMODE, O_WRONLY | O_RDWR)
    }

    fn can_read(flags: i32) -> bool {
        matches!(flags & ACCMODE, O_RDONLY | O_RDWR)
    }

    fn queue(&self, q: u32) -> &Queue {
        self.mq.queues[q as usize].as_ref().expect("an open queue exists")
    }

    /// Whether the call can go on now: a send needs room, a receive a
    /// message, unless it is non-blocking or fails at once.
    pub(super) fn mq_ready(&self, i: usize, c: &MqCall) -> bool {
        match *c {
            MqCall::Send { timeout: Some(Err(_)), .. } | MqCall::Receive { timeout: Some(Err(_)), .. } => true,
            MqCall::Send { mqd, msg, len, prio, .. } => match self.mq_of(i, mqd) {
                Some((_, q, flags)) => {
                    let q = self.queue(q);
                    let unreadable = || self.procs[i].proc.mem.slice(&self.shared, msg, len as usize).is_err();
                    flags & NONBLOCK != 0 || !Self::can_write(flags) || q.check_send(len, prio).is_err() || !q.full() || unreadable()
                }
                None => true,
            },
            MqCall::Receive { mqd, len, .. } => match self.mq_of(i, mqd) {
                Some((_, q, flags)) => {
                    let q = self.queue(q);
                    flags & NONBLOCK != 0 || !Self::can_read(flags) || q.check_receive(len).is_err() || !q.msgs.is_empty()
                }
                None => true,
            },
            _ => true,
        }
    }

    pub(super) fn mq_call(&mut self, i: usize, c: MqCall, cx: &mut super::StepCtx) -> Sys {
        match c {
            MqCall::Open { name, oflag, attr, .. } => Sys::from(self.mq_open(i, name, oflag, attr)),
            // glibc's mq_close is close(2).
            MqCall::Close { mqd } => self.fd_call(i, FdCall::Close { fd: mqd }, cx),
            MqCall::Unlink { name } => Sys::from(self.mq_unlink(i, name)),
            // The kernel checks a timeout before anything else.
            MqCall::Send { timeout: Some(Err(e)), .. } | MqCall::Receive { timeout: Some(Err(e)), .. } => Sys::err(e),
            MqCall::Send { mqd, msg, len, prio, timeout } => {
                let r = self.mq_send(i, mqd, msg, len, prio, timeout.is_some());
                match r {
                    Ok(Some((pid, sig, value))) => {
                        // The notification: a signal from the sender, with
                        // si_code SI_MESGQ (the send itself succeeded).
                        let flags = (crate::abi::flags::SI_MESGQ, value);
                        match self.kill_as(i, pid, sig, flags, cx) {
                            Sys::Dead => Sys::Dead,
                            _ => Sys::Ret(0),
                        }
                    }
                    Ok(None) => Sys::Ret(0),
                    Err(e) => Sys::err(e),
                }
            }
            MqCall::Receive { mqd, buf, len, prio, timeout } => Sys::from(self.mq_receive(i, mqd, buf, len, prio, timeout.is_some())),
            MqCall::GetAttr { mqd, attr } => Sys::from(self.mq_getattr(i, mqd, attr)),
            MqCall::SetAttr { mqd, new, old } => Sys::from(self.mq_setattr(i, mqd, new, old)),
            MqCall::Notify { mqd, sev } => Sys::from(self.mq_notify(i, mqd, sev)),
        }
    }

    /// `mq_notify`, as Linux's `do_mq_notify`: the `sigevent` checked
    /// first, then the descriptor; NULL removes the caller's own
    /// registration (silently none other); a second registration, even
    /// the owner's, is `EBUSY`.
    fn mq_notify(&mut self, i: usize, mqd: i32, sev: u64) -> Result<i64, i32> {
        use crate::abi::flags::{SIGEV_NONE, SIGEV_SIGNAL, SIGEV_THREAD};
        let signal = match sev {
            0 => None,
            at => {
                let load = |off: u64, ty| self.procs[i].proc.mem.load(&self.shared, at + off, ty).map_err(|_| EFAULT);
                let value = load(0, MemTy::I64)?;
                let signo = load(8, MemTy::I32)? as i32;
                let notify = load(12, MemTy::I32)? as i32;
                match notify {
                    SIGEV_NONE => Some(None),
                    SIGEV_SIGNAL if (0..=64).contains(&signo) => Some(Some((signo, value))),
                    // Refused by the front-end (threads); EINVAL if made up.
                    SIGEV_THREAD => return Err(crate::abi::errno::EINVAL),
                    _ => return Err(crate::abi::errno::EINVAL),
                }
            }
        };
        let (_, q, _) = self.mq_of(i, mqd).ok_or(EBADF)?;
        let me = self.procs[i].pid;
        let queue = self.mq.queues[q as usize].as_mut().expect("an open queue exists");
        match signal {
            None => {
                if queue.notify.is_some_and(|n| n.pid == me) {
                    queue.notify = None;
                }
            }
            Some(_) if queue.notify.is_some() => return Err(crate::abi::errno::EBUSY),
            Some(signal) => queue.notify = Some(mq::Notify { pid: me, signal }),
        }
        Ok(0)
    }

    /// A descriptor of process `i` on open file `f` closes: if it is a
    /// queue's, the process's registration goes (Linux's
    /// `mqueue_flush_file`).
    pub(super) fn mq_flush(&mut self, i: usize, f: u32) {
        let Some(FileKind::Mq(q)) = self.files[f as usize].as_ref().map(|file| file.kind) else { return };
        let me = self.procs[i].pid;
        if let Some(queue) = self.mq.queues[q as usize].as_mut() {
            if queue.notify.is_some_and(|n| n.pid == me) {
                queue.notify = None;
            }
        }
    }

    /// Whether a process other than `i` is blocked in a receive on queue
    /// `q` (Linux hands it the message: no notification).
    fn mq_receiver_waits(&self, i: usize, q: u32) -> bool {
        self.procs.iter().enumerate().any(|(j, p)| {
            j != i
                && p.status.is_none()
                && match &p.pending {
                    super::Pending::Call(Call::Mq(c @ MqCall::Receive { mqd, timeout, .. })) => {
                        !matches!(timeout, Some(Err(_)))
                            && self.mq_of(j, *mqd).is_some_and(|(_, qq, flags)| {
                                qq == q
                                    && flags & NONBLOCK == 0
                                    && Self::can_read(flags)
                                    && self
                                        .queue(q)
                                        .check_receive(match c {
                                            MqCall::Receive { len, .. } => *len,
                                            _ => 0,
                                        })
                                        .is_ok()
                            })
                    }
                    _ => false,
                }
        })
    }

    fn mq_name(&self, i: usize, addr: u64) -> Result<String, i32> {
        let raw = self.procs[i].proc.mem.cstr(&self.shared, addr).map_err(|_| EFAULT)?;
        mq::check_name(raw)
    }

    fn mq_open(&mut self, i: usize, name: u64, oflag: i32, attr: u64) -> Result<i64, i32> {
        let name = self.mq_name(i, name)?;
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        let q = match self.mq.names.get(&name) {
            Some(_) if oflag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            // Access mode 3 may create a queue but not open one.
            Some(_) if oflag & ACCMODE == ACCMODE => return Err(crate::abi::errno::EINVAL),
            Some(&q) => q,
            None if oflag & O_CREAT == 0 => return Err(ENOENT),
            None => {
                let (maxmsg, msgsize) = match attr {
                    0 => (MAX_MSG, MAX_MSGSIZE),
                    a => (self.load_long(i, a + 8)?, self.load_long(i, a + 16)?),
                };
                let queue = Queue::new(maxmsg, msgsize)?;
                if self.mq.queues.iter().flatten().count() >= MAX_QUEUES {
                    return Err(ENOSPC);
                }
                self.mq.queues.push(Some(queue));
                let q = (self.mq.queues.len() - 1) as u32;
                self.mq.names.insert(name, q);
                q
            }
        };
        let f = self.open_file(FileKind::Mq(q), oflag & (ACCMODE | NONBLOCK));
        let fd = self.install(i, f, 0);
        // The kernel opens queue descriptors close-on-exec.
        if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
            d.cloexec = true;
        }
        Ok(fd)
    }

    fn load_long(&self, i: usize, at: u64) -> Result<i64, i32> {
        self.procs[i].proc.mem.load(&self.shared, at, MemTy::I64).map(|v| v as i64).map_err(|_| EFAULT)
    }

    fn mq_unlink(&mut self, i: usize, name: u64) -> Result<i64, i32> {
        let name = self.mq_name(i, name)?;
        self.mq.names.remove(&name).ok_or(ENOENT)?;
        self.collect_queues();
        Ok(0)
    }

    /// A call that would block fails: `EAGAIN` when non-blocking, else
    /// (a timed call past its deadline) `ETIMEDOUT`.
    fn would_block(flags: i32, timed: bool) -> i32 {
        if timed && flags & NONBLOCK == 0 {
            crate::abi::errno::ETIMEDOUT
        } else {
            EAGAIN
        }
    }

    /// A send, and the notification it fires: (pid, signal, value).
    fn mq_send(&mut self, i: usize, mqd: i32, msg: u64, len: u64, prio: u32, timed: bool) -> Result<Option<(i32, i32, u64)>, i32> {
        // The kernel checks the priority before the descriptor.
        if prio >= mq::PRIO_MAX {
            return Err(crate::abi::errno::EINVAL);
        }
        let (_, q, flags) = self.mq_of(i, mqd).ok_or(EBADF)?;
        if !Self::can_write(flags) {
            return Err(EBADF);
        }
        self.queue(q).check_send(len, prio)?;
        // The kernel copies the message in before it looks for room.
        let bytes = match len {
            0 => Vec::new(),
            _ => self.procs[i].proc.mem.slice(&self.shared, msg, len as usize).map_err(|_| EFAULT)?.to_vec(),
        };
        if self.queue(q).full() {
            return Err(Self::would_block(flags, timed));
        }
        let was_empty = self.queue(q).msgs.is_empty();
        let waiting = was_empty && self.queue(q).notify.is_some() && self.mq_receiver_waits(i, q);
        let queue = self.mq.queues[q as usize].as_mut().expect("open");
        queue.send(prio, bytes);
        // Linux's __do_notify: on the empty queue's first message, unless
        // a receiver was waiting for it; the registration is then gone.
        if !was_empty || waiting {
            return Ok(None);
        }
        Ok(queue.notify.take().and_then(|n| n.signal.map(|(sig, value)| (n.pid, sig, value))))
    }

    fn mq_receive(&mut self, i: usize, mqd: i32, buf: u64, len: u64, prio: u64, timed: bool) -> Result<i64, i32> {
        let (_, q, flags) = self.mq_of(i, mqd).ok_or(EBADF)?;
        if !Self::can_read(flags) {
            return Err(EBADF);
        }
        self.queue(q).check_receive(len)?;
        if self.queue(q).msgs.is_empty() {
            return Err(Self::would_block(flags, timed));
        }
        // The kernel takes the message off the queue, then copies it out:
        // a bad buffer loses it.
        let (p, bytes) = self.mq.queues[q as usize].as_mut().expect("open").receive().expect("not empty");
        let n = bytes.len();
        let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, buf, n).map_err(|_| EFAULT)?;
        dst.copy_from_slice(&bytes);
        self.wake_if_shared(i, buf);
        if prio != 0 && self.store(i, prio, MemTy::U32, p as u64).is_err() {
            return Err(EFAULT);
        }
        Ok(n as i64)
    }

    fn mq_getattr(&mut self, i: usize, mqd: i32, attr: u64) -> Result<i64, i32> {
        let (_, q, flags) = self.mq_of(i, mqd).ok_or(EBADF)?;
        self.store_attr(i, attr, flags, q)
    }

    fn store_attr(&mut self, i: usize, at: u64, flags: i32, q: u32) -> Result<i64, i32> {
        let queue = self.queue(q);
        let words = [(flags & NONBLOCK) as i64, queue.maxmsg, queue.msgsize, queue.msgs.len() as i64];
        for (k, w) in words.into_iter().enumerate() {
            self.store(i, at + 8 * k as u64, MemTy::I64, w as u64).map_err(|_| EFAULT)?;
        }
        Ok(0)
    }

    /// `mq_setattr`: only `O_NONBLOCK` of the new flags changes.
    fn mq_setattr(&mut self, i: usize, mqd: i32, new: u64, old: u64) -> Result<i64, i32> {
        // Linux's order: the new flags read and checked, the descriptor,
        // the flags changed, then the old attributes written.
        let want = self.load_long(i, new)?;
        if want & !(NONBLOCK as i64) != 0 {
            return Err(crate::abi::errno::EINVAL);
        }
        let (f, q, flags) = self.mq_of(i, mqd).ok_or(EBADF)?;
        if let Some(file) = self.files[f as usize].as_mut() {
            file.flags = (file.flags & !NONBLOCK) | (want as i32 & NONBLOCK);
        }
        if old != 0 {
            self.store_attr(i, old, flags, q)?;
        }
        Ok(0)
    }

    /// Drops the queues that are unlinked and no longer open.
    pub(super) fn collect_queues(&mut self) {
        let used = self.named_or_open(self.mq.queues.len(), self.mq.names.values(), |k| match k {
            FileKind::Mq(q) => Some(q),
            _ => None,
        });
        for (q, used) in used.into_iter().enumerate() {
            if !used {
                self.mq.queues[q] = None;
            }
        }
    }
}
