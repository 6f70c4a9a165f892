//! The log every process of a run writes to: a packet-mode pipe
//! (`O_DIRECT`), so each record is one atomic packet and the supervisor
//! reads them in the global order they happened.

/// Largest record (one pipe packet).
pub const PACKET: usize = 4096;
const HEADER: usize = 9;

/// What a record says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// Process `pid` wrote `bytes` to its stdout (1) or stderr (2).
    Write { pid: i32, fd: i32, bytes: Vec<u8> },
    /// More bytes of the last `Write` of `pid` to `fd` (a write larger
    /// than a packet; another process's records may come in between).
    More { pid: i32, fd: i32, bytes: Vec<u8> },
    /// Process `pid` ended with this raw wait status (logged by its reaper).
    Exit { pid: i32, status: i32 },
    /// A process of the run sent signal `sig` to process `pid` with `kill`.
    Sent { pid: i32, sig: i32 },
    /// Process `pid` stopped at undefined behaviour (then exits).
    Undefined { pid: i32 },
    /// A message queue of the run by its real (prefixed) name: without a
    /// namespace of its own, the worker unlinks it after the run (the
    /// mqueue filesystem is rarely mounted to list them).
    Queue { name: Vec<u8> },
    /// Process `pid` set an alarm `secs` seconds away: until then, a run
    /// whose processes all wait is not stuck (SIGALRM will come).
    Alarm { pid: i32, secs: i32 },
    /// A System V object the run made (kind: b'm' segment, b'q' queue,
    /// b's' semaphore set): without a namespace of its own, the worker
    /// removes it after the run.
    Sysv { kind: u8, id: i32 },
    /// Process `pid` asked for an `AF_INET` socket in a run without a
    /// network namespace of its own: the run is refused, not let loose
    /// on the host's network.
    NoNetwork { pid: i32 },
}

fn put(fd: i32, kind: u8, pid: i32, a: i32, payload: &[u8]) {
    let mut buf = [0u8; PACKET];
    buf[0] = kind;
    buf[1..5].copy_from_slice(&pid.to_le_bytes());
    buf[5..9].copy_from_slice(&a.to_le_bytes());
    buf[HEADER..HEADER + payload.len()].copy_from_slice(payload);
    // SAFETY: writing a stack buffer to a pipe.
    unsafe { libc::write(fd, buf.as_ptr().cast(), HEADER + payload.len()) };
}

/// Writes a record (large writes become several packets, in order).
pub fn send(fd: i32, r: &Record) {
    match r {
        Record::Write { pid, fd: which, bytes } | Record::More { pid, fd: which, bytes } => {
            for (k, chunk) in bytes.chunks(PACKET - HEADER).enumerate() {
                let kind = if k == 0 && matches!(r, Record::Write { .. }) { b'W' } else { b'M' };
                put(fd, kind, *pid, *which, chunk);
            }
        }
        Record::Exit { pid, status } => put(fd, b'X', *pid, *status, &[]),
        Record::Sent { pid, sig } => put(fd, b'S', *pid, *sig, &[]),
        Record::Undefined { pid } => put(fd, b'U', *pid, 0, &[]),
        Record::Queue { name } => put(fd, b'Q', 0, 0, &name[..name.len().min(PACKET - HEADER)]),
        Record::Sysv { kind, id } => put(fd, b'V', *kind as i32, *id, &[]),
        Record::Alarm { pid, secs } => put(fd, b'A', *pid, *secs, &[]),
        Record::NoNetwork { pid } => put(fd, b'N', *pid, 0, &[]),
    }
}

/// Decodes one packet.
pub fn decode(p: &[u8]) -> Option<Record> {
    if p.len() < HEADER {
        return None;
    }
    let pid = i32::from_le_bytes(p[1..5].try_into().ok()?);
    let a = i32::from_le_bytes(p[5..9].try_into().ok()?);
    Some(match p[0] {
        b'W' => Record::Write { pid, fd: a, bytes: p[HEADER..].to_vec() },
        b'M' => Record::More { pid, fd: a, bytes: p[HEADER..].to_vec() },
        b'X' => Record::Exit { pid, status: a },
        b'S' => Record::Sent { pid, sig: a },
        b'U' => Record::Undefined { pid },
        b'Q' => Record::Queue { name: p[HEADER..].to_vec() },
        b'V' => Record::Sysv { kind: pid as u8, id: a },
        b'A' => Record::Alarm { pid, secs: a },
        b'N' => Record::NoNetwork { pid },
        _ => return None,
    })
}
