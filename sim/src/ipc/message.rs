//! The lecture's message passing (`ipcsim.h`, LANGUAGE.md): mailboxes
//! (indirect communication, named, shared by whoever opens them) and
//! direct links (one per pair of processes, a queue each way). Both are
//! channels of a capacity: 0 is a rendezvous (a send returns only once a
//! receiver has taken its message), `n` holds `n` messages, -1 is
//! unbounded. Messages come out in send order; every message has a
//! run-wide sequence number, so "from any process" takes the oldest.

use crate::abi::errno::{EINVAL, EMSGSIZE, ENAMETOOLONG};
use std::collections::{BTreeMap, VecDeque};

/// The longest message (`IPCSIM_MSG_MAX` in the native `ipcsim.h`).
pub const MSG_MAX: u64 = 8192;
/// The longest mailbox name.
pub const NAME_MAX: usize = 200;
/// Mailboxes a run may create (`IPCSIM_MBOX_MAX`).
pub const MBOX_MAX: usize = 64;
/// Links a run may make.
pub const LINK_MAX: usize = 256;

/// One message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    /// Its place in the run's send order.
    pub seq: u64,
    /// Its bytes.
    pub data: Vec<u8>,
}

/// A queue of messages with a capacity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Channel {
    /// -1 unbounded, 0 rendezvous, else the most messages queued.
    pub capacity: i32,
    /// Messages in send order (at a rendezvous: those offered by
    /// senders still waiting).
    pub msgs: VecDeque<Message>,
}

impl Channel {
    /// A channel of this capacity.
    pub fn new(capacity: i32) -> Channel {
        Channel { capacity, msgs: VecDeque::new() }
    }

    /// A send may put its message in now (a rendezvous always offers).
    pub fn has_room(&self) -> bool {
        self.capacity <= 0 || self.msgs.len() < self.capacity as usize
    }

    /// Whether message `seq` is still waiting to be taken.
    pub fn holds(&self, seq: u64) -> bool {
        self.msgs.iter().any(|m| m.seq == seq)
    }

    /// The next message, if it fits `cap` bytes (`EMSGSIZE` leaves it).
    pub fn take(&mut self, cap: u64) -> Option<Result<Message, i32>> {
        let len = self.msgs.front()?.data.len() as u64;
        if len > cap {
            return Some(Err(EMSGSIZE));
        }
        self.msgs.pop_front().map(Ok)
    }
}

/// Checks a mailbox's name and capacity as `mbox_open` does.
pub fn check_open(name: &[u8], capacity: i32) -> Result<(), i32> {
    if name.is_empty() {
        return Err(EINVAL);
    }
    if name.len() > NAME_MAX {
        return Err(ENAMETOOLONG);
    }
    if capacity < -1 {
        return Err(EINVAL);
    }
    Ok(())
}

/// The run's mailboxes and links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Messaging {
    /// Mailboxes by number (they last the whole run).
    pub mboxes: Vec<Channel>,
    /// Mailbox names -> number.
    pub names: BTreeMap<Vec<u8>, u32>,
    /// The direct links, by their two ways (sender, receiver): a link
    /// between two processes is made, both ways at once, by the first
    /// `send_to` or `receive_from` naming the pair, with the capacity of
    /// the process that made it.
    pub links: BTreeMap<(i32, i32), Channel>,
    /// The next message's sequence number.
    pub next_seq: u64,
}

impl Messaging {
    /// The way from `from` to `to`, if made.
    pub fn way(&self, from: i32, to: i32) -> Option<&Channel> {
        self.links.get(&(from, to))
    }

    /// As [`Messaging::way`], making the link with `capacity` if new.
    pub fn way_mut(&mut self, from: i32, to: i32, capacity: i32) -> Result<&mut Channel, i32> {
        self.link(from, to, capacity)?;
        Ok(self.links.get_mut(&(from, to)).expect("just made"))
    }

    /// Makes the link between `a` and `b` (both ways) if it is new.
    pub fn link(&mut self, a: i32, b: i32, capacity: i32) -> Result<(), i32> {
        if !self.links.contains_key(&(a, b)) {
            if self.links.len() / 2 >= LINK_MAX {
                return Err(crate::abi::errno::ENOSPC);
            }
            self.links.insert((a, b), Channel::new(capacity));
            self.links.insert((b, a), Channel::new(capacity));
        }
        Ok(())
    }

    /// A fresh sequence number.
    pub fn seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// The sender of the oldest message waiting for `to` on its links.
    pub fn oldest_for(&self, to: i32) -> Option<i32> {
        self.links
            .iter()
            .filter(|((_, t), _)| *t == to)
            .filter_map(|(&(from, _), w)| w.msgs.front().map(|m| (m.seq, from)))
            .min()
            .map(|(_, f)| f)
    }
}
