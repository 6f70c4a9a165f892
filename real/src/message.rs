//! `ipcsim.h`'s mailboxes and links on the real kernel, built as the
//! shipped native header builds them (`include/ipcsim.h`): one anonymous
//! shared registry made by the worker before the program's first process
//! (so every process of the run inherits it and nothing outlives the
//! run), a process-shared semaphore as its lock, and a futex on a
//! generation counter that every change bumps, on which blocked callers
//! wait. The rules (capacity, rendezvous, errors) are the simulator's,
//! from `sim::ipc::message`; pids in the registry are virtual.

use crate::process::RealProc;
use sim::abi::call::MsgCall;
use sim::ipc::message::{check_open, LINK_MAX, MBOX_MAX, MSG_MAX, NAME_MAX};
use std::sync::atomic::{AtomicU32, Ordering};

/// Messages in flight in the whole run (an unbounded channel is bounded
/// by it; a send that finds the pool empty waits).
const POOL: usize = 4096;
const NONE: i32 = -1;
const ANY: i32 = -1;

#[repr(C)]
#[derive(Clone, Copy)]
struct Chan {
    capacity: i32,
    head: i32,
    tail: i32,
    count: u32,
    /// Receivers blocked on it (a try-send to a rendezvous needs one).
    receivers: u32,
}

#[repr(C)]
struct Slot {
    next: i32,
    len: u32,
    seq: u64,
    data: [u8; MSG_MAX as usize],
}

#[repr(C)]
struct Registry {
    lock: libc::sem_t,
    generation: AtomicU32,
    next_seq: u64,
    nmbox: u32,
    names: [[u8; NAME_MAX + 1]; MBOX_MAX],
    mboxes: [Chan; MBOX_MAX],
    nlinks: u32,
    /// (sender, receiver) of each way of a link (a link is two ways).
    link_ends: [(i32, i32); 2 * LINK_MAX],
    links: [Chan; 2 * LINK_MAX],
    /// Slots never used so far, then the free list.
    fresh: u32,
    free: i32,
    pool: [Slot; POOL],
}

/// The run's registry: a pointer into an anonymous shared mapping.
#[derive(Clone, Copy)]
pub struct Messages(*mut Registry);

impl Messages {
    /// Maps and initialises the registry (in the worker, before the first
    /// program process). Only the pages touched are ever committed.
    pub fn create() -> Option<Messages> {
        let len = std::mem::size_of::<Registry>();
        // SAFETY: a fresh anonymous shared mapping, zero-filled; the lock
        // is initialised before any process uses it.
        unsafe {
            let p =
                libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED | libc::MAP_ANONYMOUS, -1, 0);
            if p == libc::MAP_FAILED {
                return None;
            }
            let r = p.cast::<Registry>();
            if libc::sem_init(&mut (*r).lock, 1, 1) != 0 {
                return None;
            }
            (*r).free = NONE;
            Some(Messages(r))
        }
    }
}

/// Which channel a call works on.
#[derive(Clone, Copy)]
enum Which {
    Mbox(usize),
    Link(usize),
}

/// The registry, locked by this process.
struct Locked(*mut Registry);

impl Locked {
    fn new(m: Messages) -> Locked {
        // SAFETY: the registry outlives every process of the run; the
        // lock is process-shared. EINTR is retried.
        unsafe { while libc::sem_wait(&mut (*m.0).lock) != 0 {} }
        Locked(m.0)
    }

    fn reg(&mut self) -> &mut Registry {
        // SAFETY: held under the registry's lock.
        unsafe { &mut *self.0 }
    }

    fn chan(&mut self, w: Which) -> &mut Chan {
        match w {
            Which::Mbox(k) => &mut self.reg().mboxes[k],
            Which::Link(k) => &mut self.reg().links[k],
        }
    }

    /// Announces a change to every waiter.
    fn changed(&mut self) {
        let g = &self.reg().generation;
        g.fetch_add(1, Ordering::SeqCst);
        // SAFETY: futex wake on a word of the shared mapping.
        unsafe { libc::syscall(libc::SYS_futex, g.as_ptr(), libc::FUTEX_WAKE, i32::MAX, 0, 0, 0) };
    }

    /// Lets go of the lock until something changes.
    fn wait(&mut self) {
        let g = self.reg().generation.load(Ordering::SeqCst);
        let word = self.reg().generation.as_ptr();
        // SAFETY: unlock, futex wait on the generation read under the lock
        // (a change after it makes the wait return at once), relock.
        unsafe {
            libc::sem_post(&mut (*self.0).lock);
            libc::syscall(libc::SYS_futex, word, libc::FUTEX_WAIT, g, 0, 0, 0);
            while libc::sem_wait(&mut (*self.0).lock) != 0 {}
        }
    }

    /// The way from `from` to `to`; with `capacity`, the link is made
    /// (both ways) if new.
    fn way(&mut self, from: i32, to: i32, capacity: Option<i32>) -> Result<Option<usize>, i32> {
        let r = self.reg();
        if let Some(k) = (0..r.nlinks as usize).find(|&k| r.link_ends[k] == (from, to)) {
            return Ok(Some(k));
        }
        let Some(capacity) = capacity else { return Ok(None) };
        if r.nlinks as usize >= 2 * LINK_MAX {
            return Err(libc::ENOSPC);
        }
        let k = r.nlinks as usize;
        r.nlinks += 2;
        for (j, ends) in [(k, (from, to)), (k + 1, (to, from))] {
            r.link_ends[j] = ends;
            r.links[j] = Chan { capacity, head: NONE, tail: NONE, count: 0, receivers: 0 };
        }
        Ok(Some(k))
    }

    fn alloc(&mut self) -> Option<usize> {
        let r = self.reg();
        if r.free != NONE {
            let k = r.free as usize;
            r.free = r.pool[k].next;
            return Some(k);
        }
        if (r.fresh as usize) < POOL {
            r.fresh += 1;
            return Some(r.fresh as usize - 1);
        }
        None
    }

    fn push(&mut self, w: Which, slot: usize) {
        self.reg().pool[slot].next = NONE;
        let tail = self.chan(w).tail;
        if tail == NONE {
            self.chan(w).head = slot as i32;
        } else {
            self.reg().pool[tail as usize].next = slot as i32;
        }
        let c = self.chan(w);
        c.tail = slot as i32;
        c.count += 1;
    }

    fn holds(&mut self, w: Which, seq: u64) -> bool {
        let mut k = self.chan(w).head;
        while k != NONE {
            let s = &self.reg().pool[k as usize];
            if s.seq == seq {
                return true;
            }
            k = s.next;
        }
        false
    }

    /// Takes the head message of `w` (the caller checked there is one).
    fn pop(&mut self, w: Which) -> Vec<u8> {
        let k = self.chan(w).head as usize;
        let next = self.reg().pool[k].next;
        let c = self.chan(w);
        c.head = next;
        if next == NONE {
            c.tail = NONE;
        }
        c.count -= 1;
        let r = self.reg();
        let data = r.pool[k].data[..r.pool[k].len as usize].to_vec();
        r.pool[k].next = r.free;
        r.free = k as i32;
        data
    }

    fn head(&mut self, w: Which) -> Option<(u64, u32)> {
        let k = self.chan(w).head;
        (k != NONE).then(|| {
            let s = &self.reg().pool[k as usize];
            (s.seq, s.len)
        })
    }
}

impl Drop for Locked {
    fn drop(&mut self) {
        // SAFETY: releases the lock this value holds.
        unsafe { libc::sem_post(&mut (*self.0).lock) };
    }
}

fn err(e: i32) -> i64 {
    -(e as i64)
}

impl RealProc<'_> {
    pub(crate) fn msg_call(&mut self, c: MsgCall) -> i64 {
        let r = match c {
            MsgCall::MboxOpen { name, capacity } => self.mbox_open(name, capacity),
            MsgCall::MboxClose { mb } => match self.mbox_fds.remove(&mb) {
                // SAFETY: the descriptor reserved for the mailbox.
                Some(_) => Ok(unsafe { libc::close(mb) } as i64),
                None => Err(libc::EBADF),
            },
            MsgCall::MboxSend { mb, msg, len, block } => match self.mbox_fds.get(&mb) {
                Some(&k) => self.msg_send(Which::Mbox(k as usize), msg, len, block),
                None => Err(libc::EBADF),
            },
            MsgCall::MboxReceive { mb, buf, cap, block } => match self.mbox_fds.get(&mb) {
                Some(&k) => self.receive(Some(Which::Mbox(k as usize)), None, buf, cap, block),
                None => Err(libc::EBADF),
            },
            MsgCall::SendTo { pid, msg, len } => self.send_to(pid, msg, len),
            MsgCall::ReceiveFrom { pid, buf, cap } => self.receive_from(pid, buf, cap),
            MsgCall::LinkCapacity { n } => {
                if n >= -1 {
                    self.link_capacity = n;
                }
                Ok(0)
            }
        };
        r.unwrap_or_else(err)
    }

    fn exists(&self, pid: i32) -> bool {
        // SAFETY: signal 0 only checks that the process exists.
        self.env.ctl.real(pid).is_some_and(|r| unsafe { libc::kill(r, 0) } == 0)
    }

    fn mbox_open(&mut self, name: u64, capacity: i32) -> Result<i64, i32> {
        let name = self.proc.mem.cstr(&self.shared, name).map_err(|_| libc::EFAULT)?.to_vec();
        check_open(&name, capacity)?;
        // The mailbox's descriptor is a real one, so its number is the
        // lowest free, as in the simulator.
        // SAFETY: opening /dev/null.
        let fd = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY) };
        if fd < 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EMFILE));
        }
        let mut l = Locked::new(self.env.messages);
        let r = l.reg();
        let found = (0..r.nmbox as usize).find(|&k| {
            let n = &r.names[k];
            n[..name.len()] == name[..] && n[name.len()] == 0
        });
        let k = match found {
            Some(k) => k,
            None if r.nmbox as usize >= MBOX_MAX => {
                drop(l);
                // SAFETY: the descriptor just opened.
                unsafe { libc::close(fd) };
                return Err(libc::ENOSPC);
            }
            None => {
                let k = r.nmbox as usize;
                r.nmbox += 1;
                r.names[k][..name.len()].copy_from_slice(&name);
                r.mboxes[k] = Chan { capacity, head: NONE, tail: NONE, count: 0, receivers: 0 };
                k
            }
        };
        self.mbox_fds.insert(fd, k as u32);
        Ok(fd as i64)
    }

    fn send_to(&mut self, pid: i32, msg: u64, len: u64) -> Result<i64, i32> {
        if pid == self.pid {
            return Err(libc::EINVAL);
        }
        if !self.exists(pid) {
            return Err(libc::ESRCH);
        }
        let mut l = Locked::new(self.env.messages);
        let k = l.way(self.pid, pid, Some(self.link_capacity))?.expect("made");
        drop(l);
        self.msg_send(Which::Link(k), msg, len, true)
    }

    fn msg_send(&mut self, w: Which, msg: u64, len: u64, block: bool) -> Result<i64, i32> {
        if len > MSG_MAX {
            return Err(libc::EMSGSIZE);
        }
        let data = self.proc.mem.slice(&self.shared, msg, len as usize).map_err(|_| libc::EFAULT)?.to_vec();
        let mut l = Locked::new(self.env.messages);
        let rendezvous = l.chan(w).capacity == 0;
        loop {
            let c = *l.chan(w);
            // A try-send to a rendezvous needs a blocked receiver no offer
            // already queued will take.
            let room = if rendezvous { block || c.receivers > c.count } else { c.capacity < 0 || c.count < c.capacity as u32 };
            match (room, l.alloc()) {
                (true, Some(slot)) => {
                    let seq = {
                        let r = l.reg();
                        r.next_seq += 1;
                        r.next_seq
                    };
                    let s = &mut l.reg().pool[slot];
                    s.seq = seq;
                    s.len = data.len() as u32;
                    s.data[..data.len()].copy_from_slice(&data);
                    l.push(w, slot);
                    l.changed();
                    while rendezvous && block && l.holds(w, seq) {
                        l.wait();
                    }
                    return Ok(0);
                }
                (false, _) if !block => return Err(libc::EAGAIN),
                _ => l.wait(),
            }
        }
    }

    fn receive_from(&mut self, pid: i32, buf: u64, cap: u64) -> Result<i64, i32> {
        if pid == self.pid {
            return Err(libc::EINVAL);
        }
        self.receive(None, Some(pid), buf, cap, true)
    }

    /// Receives from a mailbox (`w`), or on links from `from` (a pid or
    /// any process).
    fn receive(&mut self, w: Option<Which>, from: Option<i32>, buf: u64, cap: u64, block: bool) -> Result<i64, i32> {
        let mut l = Locked::new(self.env.messages);
        let mut waited: Option<Which> = None;
        let result = loop {
            let pick = match (w, from) {
                (Some(w), _) => l.head(w).map(|h| (w, h)),
                (None, Some(ANY)) => {
                    let me = self.pid;
                    let n = l.reg().nlinks as usize;
                    let mine: Vec<usize> = (0..n).filter(|&k| l.reg().link_ends[k].1 == me).collect();
                    mine.into_iter().filter_map(|k| l.head(Which::Link(k)).map(|h| (Which::Link(k), h))).min_by_key(|(_, h)| h.0)
                }
                (None, Some(q)) => match l.way(q, self.pid, None)? {
                    Some(k) => l.head(Which::Link(k)).map(|h| (Which::Link(k), h)),
                    // The first receive from an existing process makes the
                    // link, with this process's capacity.
                    None if self.exists(q) => {
                        l.way(q, self.pid, Some(self.link_capacity))?;
                        None
                    }
                    None => break Err(libc::ESRCH),
                },
                (None, None) => None,
            };
            match pick {
                Some((_, (_, len))) if len as u64 > cap => break Err(libc::EMSGSIZE),
                Some((ch, (_, len))) => {
                    if len > 0 && self.proc.mem.slice(&self.shared, buf, len as usize).is_err() {
                        break Err(libc::EFAULT);
                    }
                    let data = l.pop(ch);
                    l.changed();
                    break Ok(data);
                }
                None if !block => break Err(libc::EAGAIN),
                None if from.is_some_and(|q| q != ANY && !self.exists(q)) => break Err(libc::ESRCH),
                None => {
                    if waited.is_none() {
                        if let Some(w) = w {
                            l.chan(w).receivers += 1;
                            l.changed();
                            waited = Some(w);
                        }
                    }
                    l.wait();
                }
            }
        };
        if let Some(w) = waited {
            l.chan(w).receivers -= 1;
        }
        drop(l);
        let data = result?;
        if !data.is_empty() {
            let dst = self.proc.mem.slice_mut(&mut self.shared, buf, data.len()).map_err(|_| libc::EFAULT)?;
            dst.copy_from_slice(&data);
        }
        Ok(data.len() as i64)
    }
}
