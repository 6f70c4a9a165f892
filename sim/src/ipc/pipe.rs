//! A pipe, as Linux implements it (linux-ipc-semantics.md §1): capacity
//! counted in page slots, not bytes; a short write merges into the last
//! page only if it fits entirely; a page frees only when fully read;
//! writes up to `PIPE_BUF` are atomic; a blocking write larger than that
//! advances one page per step and can tear.

use std::collections::VecDeque;

/// Page size and `PIPE_BUF`.
pub const PAGE: usize = 4096;
/// Default capacity in slots (65536 bytes).
pub const DEFAULT_SLOTS: usize = 16;
/// `/proc/sys/fs/pipe-max-size` as measured.
pub const MAX_SIZE: u64 = 1 << 20;

/// One page of the ring.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slot {
    /// Bytes written to the page (read ones included, they still take room).
    pub data: Vec<u8>,
    /// Bytes already read from the front.
    pub start: usize,
}

/// A pipe's buffer and its ends.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Pipe {
    /// Pages in order.
    pub slots: VecDeque<Slot>,
    /// Capacity in pages.
    pub max_slots: usize,
    /// Descriptors open on the read end, in every process.
    pub readers: u32,
    /// Descriptors open on the write end, in every process.
    pub writers: u32,
}

/// What one write attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    /// Everything is written.
    Done,
    /// Some pages went in; the rest follows at the next step.
    Progress,
    /// No room: the writer waits (or gets `EAGAIN`).
    Full,
}

impl Default for Pipe {
    fn default() -> Self {
        Pipe { slots: VecDeque::new(), max_slots: DEFAULT_SLOTS, readers: 0, writers: 0 }
    }
}

impl Pipe {
    /// Unread bytes.
    pub fn available(&self) -> usize {
        self.slots.iter().map(|s| s.data.len() - s.start).sum()
    }

    /// A read would not block: data, or end of file.
    pub fn readable(&self) -> bool {
        self.available() > 0 || self.writers == 0
    }

    fn can_merge(&self, chars: usize) -> bool {
        chars > 0 && self.slots.back().is_some_and(|s| s.data.len() + chars <= PAGE)
    }

    /// Not full (`pipe_full`): what `poll` calls writable.
    pub fn slots_free(&self) -> bool {
        self.slots.len() < self.max_slots
    }

    /// A write of `total` bytes, `done` of them already written, would
    /// make progress now (or fail with `EPIPE`).
    pub fn writable(&self, total: usize, done: usize) -> bool {
        self.readers == 0 || self.slots.len() < self.max_slots || (done == 0 && self.can_merge(total % PAGE))
    }

    /// Writes from `data[*done..]`; `one_page` limits a blocking big write
    /// to one new page per step. Updates `*done`.
    pub fn write(&mut self, data: &[u8], done: &mut usize, one_page: bool) -> WriteStep {
        let total = data.len();
        if *done == 0 {
            let chars = total % PAGE;
            if self.can_merge(chars) {
                let last = self.slots.back_mut().expect("checked by can_merge");
                last.data.extend_from_slice(&data[..chars]);
                *done = chars;
            }
        }
        let mut pages = 0;
        while *done < total {
            if self.slots.len() >= self.max_slots {
                return WriteStep::Full;
            }
            if one_page && pages == 1 {
                return WriteStep::Progress;
            }
            let n = (total - *done).min(PAGE);
            self.slots.push_back(Slot { data: data[*done..*done + n].to_vec(), start: 0 });
            *done += n;
            pages += 1;
        }
        WriteStep::Done
    }

    /// Reads up to `buf.len()` bytes; returns how many. (Which writes they
    /// came from is the run's history, not the pipe's state.)
    pub fn read(&mut self, buf: &mut [u8]) -> usize {
        let mut n = 0;
        while n < buf.len() {
            let Some(s) = self.slots.front_mut() else {
                break;
            };
            let k = (s.data.len() - s.start).min(buf.len() - n);
            buf[n..n + k].copy_from_slice(&s.data[s.start..s.start + k]);
            s.start += k;
            n += k;
            if s.start == s.data.len() {
                self.slots.pop_front();
            }
        }
        n
    }

    /// `F_SETPIPE_SZ`: the new size in bytes, or a negative errno.
    pub fn set_size(&mut self, size: i64) -> i64 {
        use crate::abi::errno::{EBUSY, EINVAL, EPERM};
        if !(0..=i32::MAX as i64).contains(&size) {
            return -(EINVAL as i64);
        }
        if size as u64 > MAX_SIZE {
            return -(EPERM as i64);
        }
        let pages = (size as u64).div_ceil(PAGE as u64).max(1).next_power_of_two() as usize;
        if self.slots.len() > pages {
            return -(EBUSY as i64);
        }
        self.max_slots = pages;
        (pages * PAGE) as i64
    }
}
