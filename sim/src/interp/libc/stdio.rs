//! glibc's `FILE` buffering for stdout and stderr. The buffers live in
//! the process (copied by `fork`, lost by `_exit`); flushing produces the
//! `write`s the kernel sees, queued in [`Stdio::outq`].

use crate::interp::StdoutMode;
use std::collections::VecDeque;

/// glibc's buffer size for a pipe or terminal (`st_blksize`).
pub const BUFSIZE: usize = 4096;

/// Buffering mode, as `setvbuf` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// `_IOFBF`.
    Full,
    /// `_IOLBF`.
    Line,
    /// `_IONBF`.
    Unbuffered,
}

/// One stream.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stream {
    /// File descriptor.
    pub fd: i32,
    /// Buffered bytes.
    pub buf: Vec<u8>,
    /// Mode.
    pub mode: Mode,
}

/// `stdin`'s buffer: bytes read from descriptor 0 and not yet consumed.
/// It is the process's own (copied by `fork`): two processes that both
/// read buffered input each see the same bytes, as natively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Input {
    /// Bytes read in, the consumed ones first.
    pub buf: Vec<u8>,
    /// How many are consumed.
    pub pos: usize,
    /// A read returned 0: end of file.
    pub eof: bool,
    /// A read failed.
    pub error: bool,
}

impl Input {
    /// The bytes not yet consumed.
    pub fn avail(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Consumes `n` bytes.
    pub fn consume(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.buf.len());
    }

    /// What a read of the descriptor brought (glibc's underflow): the
    /// consumed bytes go, the new ones follow the unconsumed ones.
    pub fn fill(&mut self, bytes: &[u8]) {
        self.buf.drain(..self.pos);
        self.pos = 0;
        self.buf.extend_from_slice(bytes);
    }
}

/// `stdout` (index 0) and `stderr` (index 1), and the writes waiting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stdio {
    /// `stdin`'s buffer.
    pub input: Input,
    /// The two streams.
    pub streams: [Stream; 2],
    /// Writes to make, in order: (fd, bytes).
    pub outq: VecDeque<(i32, Vec<u8>)>,
    /// A write of the current call failed (the call then returns EOF).
    pub failed: bool,
}

impl Stdio {
    /// Fresh streams: stdout by `mode`, stderr unbuffered.
    pub fn new(mode: StdoutMode) -> Stdio {
        let out = match mode {
            StdoutMode::Pipe => Mode::Full,
            StdoutMode::Tty => Mode::Line,
        };
        Stdio {
            input: Input::default(),
            streams: [Stream { fd: 1, buf: Vec::new(), mode: out }, Stream { fd: 2, buf: Vec::new(), mode: Mode::Unbuffered }],
            outq: VecDeque::new(),
            failed: false,
        }
    }

    /// Writes `data` to stream `s` as one library call would.
    pub fn put(&mut self, s: usize, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        let st = &mut self.streams[s];
        match st.mode {
            Mode::Unbuffered => {
                // glibc formats into a helper buffer and writes once.
                let mut all = std::mem::take(&mut st.buf);
                all.extend_from_slice(data);
                self.outq.push_back((st.fd, all));
            }
            Mode::Full => self.put_full(s, data),
            Mode::Line => match data.iter().rposition(|&b| b == b'\n') {
                Some(nl) => {
                    self.put_full(s, &data[..=nl]);
                    self.flush(s);
                    self.put_full(s, &data[nl + 1..]);
                }
                None => self.put_full(s, data),
            },
        }
    }

    /// Appends through the buffer, flushing it whenever it is full and
    /// more bytes must go in (glibc's `xsputn`).
    fn put_full(&mut self, s: usize, mut data: &[u8]) {
        while !data.is_empty() {
            let st = &mut self.streams[s];
            if st.buf.len() == BUFSIZE {
                self.flush(s);
                continue;
            }
            let n = (BUFSIZE - st.buf.len()).min(data.len());
            st.buf.extend_from_slice(&data[..n]);
            data = &data[n..];
        }
    }

    /// `fflush`: queues the buffered bytes as one write.
    pub fn flush(&mut self, s: usize) {
        let st = &mut self.streams[s];
        if !st.buf.is_empty() {
            let bytes = std::mem::replace(&mut st.buf, Vec::with_capacity(BUFSIZE));
            self.outq.push_back((st.fd, bytes));
        }
    }

    /// `exit`'s flush of every stream.
    pub fn flush_all(&mut self) {
        self.flush(1);
        self.flush(0);
    }
}
