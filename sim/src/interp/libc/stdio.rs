//! glibc's `FILE` buffering: stdin, stdout, stderr and the streams
//! `fopen` makes. The buffers live in the process (copied by `fork`, lost
//! by `_exit`); flushing produces the `write`s the kernel sees, queued in
//! [`Stdio::outq`]; reading asks the kernel to fill a stream's buffer.

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

    /// `ungetc`: `c` is the next byte read; end of file is cleared.
    pub fn unget(&mut self, c: u8) {
        if self.pos > 0 {
            self.pos -= 1;
            self.buf[self.pos] = c;
        } else {
            self.buf.insert(0, c);
        }
        self.eof = false;
    }

    /// Drops what was read ahead, and end of file and errors (`fseek`).
    pub fn clear(&mut self) {
        *self = Input::default();
    }

    /// What a read of the descriptor brought (glibc's underflow): the
    /// consumed bytes go, the new ones follow the unconsumed ones.
    pub fn fill(&mut self, bytes: &[u8]) {
        self.buf.drain(..self.pos);
        self.pos = 0;
        self.buf.extend_from_slice(bytes);
    }
}

/// A stream a `FILE *` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Which {
    /// `stdin`.
    Stdin,
    /// `stdout` (0) or `stderr` (1).
    Out(usize),
    /// A stream `fopen` or `fdopen` made (index into [`Stdio::files`]).
    File(usize),
}

/// A stream `fopen` made: an output buffer and an input buffer over one
/// descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileStream {
    /// The output side (its descriptor is the stream's).
    pub out: Stream,
    /// The input side.
    pub input: Input,
    /// Opened for reading.
    pub read: bool,
    /// Opened for writing.
    pub write: bool,
    /// Opened for appending (`a`): its position is the file's end.
    pub append: bool,
    /// The child `popen` started for it (0: none), which `pclose` waits for.
    pub child: i32,
}

/// Every stream of the process, and the writes waiting.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Stdio {
    /// `stdin`'s buffer.
    pub input: Input,
    /// `stdout` and `stderr`.
    pub streams: [Stream; 2],
    /// Streams `fopen` made; `None` once closed (its slot is reused).
    pub files: Vec<Option<FileStream>>,
    /// Writes to make, in order: (fd, bytes).
    pub outq: VecDeque<(i32, Vec<u8>)>,
    /// A write of the current call failed (the call then returns EOF).
    pub failed: bool,
    /// The stream whose input buffer the pending fill is for.
    pub filling: Which,
}

crate::reuse::fieldwise_clone!(Stdio { input, streams, files, outq, failed, filling });

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
            files: Vec::new(),
            outq: VecDeque::new(),
            failed: false,
            filling: Which::Stdin,
        }
    }

    /// The output side of `w`, if it writes.
    pub fn out_mut(&mut self, w: Which) -> Option<&mut Stream> {
        match w {
            Which::Stdin => None,
            Which::Out(s) => self.streams.get_mut(s),
            Which::File(k) => self.files.get_mut(k)?.as_mut().filter(|f| f.write).map(|f| &mut f.out),
        }
    }

    /// The input side of `w`, if it reads.
    pub fn input_of(&self, w: Which) -> Option<&Input> {
        match w {
            Which::Stdin => Some(&self.input),
            Which::Out(_) => None,
            Which::File(k) => self.files.get(k)?.as_ref().filter(|f| f.read).map(|f| &f.input),
        }
    }

    /// The input side of `w`, writable.
    pub fn input_mut(&mut self, w: Which) -> Option<&mut Input> {
        match w {
            Which::Stdin => Some(&mut self.input),
            Which::Out(_) => None,
            Which::File(k) => self.files.get_mut(k)?.as_mut().filter(|f| f.read).map(|f| &mut f.input),
        }
    }

    /// The descriptor of `w`.
    pub fn fd(&self, w: Which) -> i32 {
        match w {
            Which::Stdin => 0,
            Which::Out(s) => self.streams[s].fd,
            Which::File(k) => self.files.get(k).and_then(|f| f.as_ref()).map_or(-1, |f| f.out.fd),
        }
    }

    /// What a fill of the kernel brought (to the stream that asked).
    pub fn filled(&mut self, bytes: &[u8]) {
        if let Some(input) = self.input_mut(self.filling) {
            input.fill(bytes);
        }
    }

    /// A new stream on `fd`, fully buffered as glibc buffers a file.
    pub fn open(&mut self, fd: i32, read: bool, write: bool, append: bool) -> usize {
        let f =
            FileStream { out: Stream { fd, buf: Vec::new(), mode: Mode::Full }, input: Input::default(), read, write, append, child: 0 };
        match self.files.iter().position(Option::is_none) {
            Some(k) => {
                self.files[k] = Some(f);
                k
            }
            None => {
                self.files.push(Some(f));
                self.files.len() - 1
            }
        }
    }

    /// Writes `data` to stream `w` as one library call would.
    pub fn put(&mut self, w: Which, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        let mut q = std::mem::take(&mut self.outq);
        if let Some(st) = self.out_mut(w) {
            match st.mode {
                Mode::Unbuffered => {
                    // glibc formats into a helper buffer and writes once.
                    let mut all = std::mem::take(&mut st.buf);
                    all.extend_from_slice(data);
                    q.push_back((st.fd, all));
                }
                Mode::Full => put_full(st, &mut q, data),
                Mode::Line => match data.iter().rposition(|&b| b == b'\n') {
                    Some(nl) => {
                        put_full(st, &mut q, &data[..=nl]);
                        flush(st, &mut q);
                        put_full(st, &mut q, &data[nl + 1..]);
                    }
                    None => put_full(st, &mut q, data),
                },
            }
        }
        self.outq = q;
    }

    /// `fflush`: queues the buffered bytes of `w` as one write.
    pub fn flush(&mut self, w: Which) {
        let mut q = std::mem::take(&mut self.outq);
        if let Some(st) = self.out_mut(w) {
            flush(st, &mut q);
        }
        self.outq = q;
    }

    /// `exit`'s (and `fflush(NULL)`'s) flush of every stream: the files
    /// in the order they were opened, then stdout, then stderr.
    pub fn flush_all(&mut self) {
        for k in 0..self.files.len() {
            self.flush(Which::File(k));
        }
        self.flush(Which::Out(0));
        self.flush(Which::Out(1));
    }

    /// Whether any output waits in a buffer or the queue.
    pub fn holds_output(&self) -> bool {
        self.streams.iter().any(|s| !s.buf.is_empty())
            || !self.outq.is_empty()
            || self.failed
            || self.files.iter().flatten().any(|f| !f.out.buf.is_empty())
    }
}

/// Appends through the buffer, flushing it whenever it is full and more
/// bytes must go in (glibc's `xsputn`).
fn put_full(st: &mut Stream, q: &mut VecDeque<(i32, Vec<u8>)>, mut data: &[u8]) {
    while !data.is_empty() {
        if st.buf.len() == BUFSIZE {
            flush(st, q);
            continue;
        }
        let n = (BUFSIZE - st.buf.len()).min(data.len());
        st.buf.extend_from_slice(&data[..n]);
        data = &data[n..];
    }
}

/// Queues the buffered bytes as one write.
fn flush(st: &mut Stream, q: &mut VecDeque<(i32, Vec<u8>)>) {
    if !st.buf.is_empty() {
        let bytes = std::mem::replace(&mut st.buf, Vec::with_capacity(BUFSIZE));
        q.push_back((st.fd, bytes));
    }
}
