//! Model-based conformance: random sequences of operations on pipes,
//! shared memory and processes, from one process or a child and its
//! parent, rendered as a C program that prints every result and errno.
//! The program runs on the real kernel (ipcsim's real backend) and in the
//! simulator; each process's results, errno values, bytes and exit status
//! must be ones the simulator produces (identical for the sequential
//! programs; among the schedules searched for concurrent ones), a real
//! deadlock (detected from /proc/PID/syscall) matching a simulated one.
//! The order of lines *between* processes is the schedule's business and
//! crosscheck's subject, not compared here. proptest shrinks a failure
//! to a minimal sequence.

use crate::native::{config, Scratch};
use proptest::prelude::*;
use real::RealConfig;
use sim::explore::{self, pct::Pct, random::Random};
use sim::interp::StdoutMode;
use sim::kernel::TimeMode;
use std::path::Path;

const SIZES: &[usize] = &[0, 1, 100, 4095, 4096, 4097, 8192, 65536, 70000];
const PIPE_SIZES: &[i64] = &[0, 4096, 5000, 16384, 65536, 1048576, -1];

#[derive(Debug, Clone)]
enum PipeOp {
    Write(usize, usize),
    Read(usize),
    Close(usize),
    NonBlock(usize),
    SetSize(i64),
    GetSize,
    Dup(usize),
    IgnoreSigpipe,
}

fn pipe_op() -> impl Strategy<Value = PipeOp> {
    prop_oneof![
        4 => (0..2usize, prop::sample::select(SIZES)).prop_map(|(e, n)| PipeOp::Write(e, n)),
        3 => prop::sample::select(SIZES).prop_map(PipeOp::Read),
        1 => (0..2usize).prop_map(PipeOp::Close),
        2 => (0..2usize).prop_map(PipeOp::NonBlock),
        1 => prop::sample::select(PIPE_SIZES).prop_map(PipeOp::SetSize),
        1 => Just(PipeOp::GetSize),
        1 => (0..2usize).prop_map(PipeOp::Dup),
        1 => Just(PipeOp::IgnoreSigpipe),
    ]
}

fn render_pipe(op: &PipeOp) -> String {
    match op {
        // Writes go to the write end (or, for end 0, a dup of it).
        PipeOp::Write(e, n) => format!("show(\"write {n}\", write(w[{e}], buf, {n}));"),
        PipeOp::Read(n) => format!("show(\"read {n}\", read(p[0], buf, {n}));"),
        PipeOp::Close(e) => format!("show(\"close {e}\", close({}));", if *e == 0 { "p[0]" } else { "p[1]" }),
        PipeOp::NonBlock(e) => format!("show(\"nonblock {e}\", fcntl(p[{e}], F_SETFL, O_NONBLOCK));"),
        PipeOp::SetSize(s) => format!("show(\"setsize {s}\", fcntl(p[1], F_SETPIPE_SZ, {s}));"),
        PipeOp::GetSize => "show(\"getsize\", fcntl(p[0], F_GETPIPE_SZ));".into(),
        PipeOp::Dup(e) => format!("w[0] = dup(p[{e}]); show(\"dup\", w[0] >= 0);"),
        PipeOp::IgnoreSigpipe => "signal(SIGPIPE, SIG_IGN); show(\"ignore SIGPIPE\", 0);".into(),
    }
}

#[derive(Debug, Clone)]
enum ShmOp {
    Open(usize, u8),
    Truncate(usize, u32),
    Map(usize, u32),
    Poke(usize, u32),
    Peek(usize, u32),
    Unlink(usize),
    Close(usize),
}

fn shm_op() -> impl Strategy<Value = ShmOp> {
    let size = prop::sample::select(vec![0u32, 4, 4096, 4097, 8192, 12288]);
    let off = prop::sample::select(vec![0u32, 4, 4092, 4096, 8188, 12284]);
    prop_oneof![
        3 => (0..3usize, 0..4u8).prop_map(|(n, f)| ShmOp::Open(n, f)),
        2 => (0..3usize, size.clone()).prop_map(|(n, s)| ShmOp::Truncate(n, s)),
        2 => (0..3usize, size).prop_map(|(n, s)| ShmOp::Map(n, s)),
        3 => (0..3usize, off.clone()).prop_map(|(n, o)| ShmOp::Poke(n, o)),
        3 => (0..3usize, off).prop_map(|(n, o)| ShmOp::Peek(n, o)),
        1 => (0..3usize).prop_map(ShmOp::Unlink),
        1 => (0..3usize).prop_map(ShmOp::Close),
    ]
}

fn render_shm(op: &ShmOp) -> String {
    let flags = ["O_RDWR", "O_CREAT | O_RDWR", "O_CREAT | O_EXCL | O_RDWR", "O_RDONLY"];
    match op {
        ShmOp::Open(n, f) => format!("if (fd[{n}] >= 0) close(fd[{n}]); fd[{n}] = shm_open(names[{n}], {}, 0600); show(\"open {n} {f}\", fd[{n}] >= 0 ? 0 : -1);", flags[*f as usize]),
        ShmOp::Truncate(n, s) => format!("show(\"truncate {n} {s}\", ftruncate(fd[{n}], {s}));"),
        ShmOp::Map(n, s) => format!("map[{n}] = mmap(NULL, {}, PROT_READ | PROT_WRITE, MAP_SHARED, fd[{n}], 0); len[{n}] = map[{n}] == MAP_FAILED ? 0 : {}; show(\"map {n} {s}\", map[{n}] == MAP_FAILED ? -1 : 0);", s.max(&1), s.max(&1)),
        ShmOp::Poke(n, o) => format!("if ({o} + 4 <= len[{n}]) {{ ((int *)map[{n}])[{o} / 4] = {o} + 1; show(\"poke {n} {o}\", 0); }}"),
        ShmOp::Peek(n, o) => format!("if ({o} + 4 <= len[{n}]) show(\"peek {n} {o}\", ((int *)map[{n}])[{o} / 4]);"),
        ShmOp::Unlink(n) => format!("show(\"unlink {n}\", shm_unlink(names[{n}]));"),
        ShmOp::Close(n) => format!("show(\"close {n}\", close(fd[{n}])); fd[{n}] = -1;"),
    }
}

#[derive(Debug, Clone)]
enum ProcOp {
    /// Child `i` exits with a code (`exit`, so stdio flushes).
    SpawnExit(usize, u8),
    /// Child `i` leaves with `_exit` after a buffered printf (lost).
    SpawnUnderscoreExit(usize, u8),
    /// Child `i` blocks reading a pipe nobody writes.
    SpawnBlocked(usize),
    Wait,
    WaitpidNohang(usize),
    Waitpid(usize),
    Kill(usize, u8),
}

fn proc_op() -> impl Strategy<Value = ProcOp> {
    prop_oneof![
        2 => (0..3usize, prop::sample::select(vec![0u8, 1, 3, 255])).prop_map(|(i, c)| ProcOp::SpawnExit(i, c)),
        1 => (0..3usize, prop::sample::select(vec![0u8, 7])).prop_map(|(i, c)| ProcOp::SpawnUnderscoreExit(i, c)),
        1 => (0..3usize).prop_map(ProcOp::SpawnBlocked),
        2 => Just(ProcOp::Wait),
        1 => (0..3usize).prop_map(ProcOp::WaitpidNohang),
        1 => (0..3usize).prop_map(ProcOp::Waitpid),
        2 => (0..3usize, prop::sample::select(vec![9u8, 15, 10, 0])).prop_map(|(i, sig)| ProcOp::Kill(i, sig)),
    ]
}

fn render_proc(op: &ProcOp) -> String {
    match op {
        ProcOp::SpawnExit(i, c) => format!("if ((kid[{i}] = fork()) == 0) {{ show(\"child exits {c}\", 0); exit({c}); }}"),
        ProcOp::SpawnUnderscoreExit(i, c) => format!("if ((kid[{i}] = fork()) == 0) {{ printf(\"lost\\n\"); _exit({c}); }}"),
        ProcOp::SpawnBlocked(i) => format!("if ((kid[{i}] = fork()) == 0) {{ char c; read(never[0], &c, 1); exit(9); }}"),
        ProcOp::Wait => "{ int st = 0; long r = wait(&st); show(\"wait\", r < 0 ? r : st); }".into(),
        ProcOp::WaitpidNohang(i) => {
            format!("{{ int st = 0; long r = waitpid(kid[{i}], &st, WNOHANG); show(\"waitpid nohang {i}\", r <= 0 ? r : st); }}")
        }
        ProcOp::Waitpid(i) => {
            format!("{{ int st = 0; long r = kid[{i}] > 0 ? waitpid(kid[{i}], &st, 0) : -2; show(\"waitpid {i}\", r <= 0 ? r : st); }}")
        }
        ProcOp::Kill(i, sig) => format!("show(\"kill {i} {sig}\", kid[{i}] > 0 ? kill(kid[{i}], {sig}) : -2);"),
    }
}

#[derive(Debug, Clone)]
enum SemOp {
    Init(usize, u32),
    Wait(usize),
    TryWait(usize),
    Post(usize),
    GetValue(usize),
    Open(usize, u8, u32),
    Close(usize),
    Unlink(usize),
}

const SEM_VALUES: &[u32] = &[0, 1, 2, 2147483647, 2147483648];

fn sem_op() -> impl Strategy<Value = SemOp> {
    prop_oneof![
        2 => (0..2usize, prop::sample::select(SEM_VALUES)).prop_map(|(n, v)| SemOp::Init(n, v)),
        2 => (0..4usize).prop_map(SemOp::Wait),
        2 => (0..4usize).prop_map(SemOp::TryWait),
        3 => (0..4usize).prop_map(SemOp::Post),
        2 => (0..4usize).prop_map(SemOp::GetValue),
        2 => (0..2usize, 0..3u8, prop::sample::select(SEM_VALUES)).prop_map(|(n, f, v)| SemOp::Open(n, f, v)),
        1 => (0..2usize).prop_map(SemOp::Close),
        1 => (0..2usize).prop_map(SemOp::Unlink),
    ]
}

/// Semaphores 0 and 1 are unnamed in shared memory; 2 and 3 are the
/// named ones (a null handle is skipped, as a program would check it).
fn render_sem(op: &SemOp) -> String {
    let s = |n: usize| if n < 2 { format!("&un[{n}]") } else { format!("h[{}]", n - 2) };
    let guard = |n: usize, call: String| if n < 2 { call } else { format!("if (h[{}]) {call}", n - 2) };
    let flags = ["0", "O_CREAT", "O_CREAT | O_EXCL"];
    match op {
        SemOp::Init(n, v) => format!("show(\"init {n} {v}\", sem_init(&un[{n}], 1, {v}u));"),
        SemOp::Wait(n) => guard(*n, format!("show(\"wait {n}\", sem_wait({}));", s(*n))),
        SemOp::TryWait(n) => guard(*n, format!("show(\"trywait {n}\", sem_trywait({}));", s(*n))),
        SemOp::Post(n) => guard(*n, format!("show(\"post {n}\", sem_post({}));", s(*n))),
        SemOp::GetValue(n) => guard(*n, format!("{{ int v = -1; int r = sem_getvalue({}, &v); show(\"value {n}\", r < 0 ? r : v); }}", s(*n))),
        SemOp::Open(n, f, v) => format!(
            "{{ sem_t *x = sem_open(snames[{n}], {}, 0600, {v}u); show(\"open {n} {f}\", x == SEM_FAILED ? -1 : 0); if (x != SEM_FAILED) h[{n}] = x; }}",
            flags[*f as usize]
        ),
        SemOp::Close(n) => format!("if (h[{n}]) {{ show(\"close {n}\", sem_close(h[{n}])); h[{n}] = 0; }}"),
        SemOp::Unlink(n) => format!("show(\"unlink {n}\", sem_unlink(snames[{n}]));"),
    }
}

#[derive(Debug, Clone)]
enum MqOp {
    Open(usize, u8, bool),
    Send(usize, usize, u32),
    Receive(usize, usize),
    GetAttr(usize),
    NonBlock(usize, bool),
    Close(usize),
    Unlink(usize),
    /// `mq_notify`: NULL, `SIGEV_NONE`, `SIGEV_SIGNAL` (a signal ignored by
    /// default: whether a registration fired shows in the next one's
    /// `EBUSY`), or a bad `sigev_notify`.
    Notify(usize, u8),
}

fn mq_op() -> impl Strategy<Value = MqOp> {
    prop_oneof![
        2 => (0..3usize, 0..4u8, any::<bool>()).prop_map(|(n, f, a)| MqOp::Open(n, f, a)),
        4 => (0..3usize, prop::sample::select(vec![0usize, 1, 64, 65, 8192]), prop::sample::select(vec![0u32, 1, 5, 32767, 32768])).prop_map(|(n, l, p)| MqOp::Send(n, l, p)),
        3 => (0..3usize, prop::sample::select(vec![1usize, 63, 64, 8192])).prop_map(|(n, l)| MqOp::Receive(n, l)),
        1 => (0..3usize).prop_map(MqOp::GetAttr),
        2 => (0..3usize, any::<bool>()).prop_map(|(n, b)| MqOp::NonBlock(n, b)),
        1 => (0..3usize).prop_map(MqOp::Close),
        1 => (0..3usize).prop_map(MqOp::Unlink),
        2 => (0..3usize, 0..4u8).prop_map(|(n, k)| MqOp::Notify(n, k)),
    ]
}

fn render_mq(op: &MqOp) -> String {
    let flags = ["O_RDWR", "O_CREAT | O_RDWR", "O_CREAT | O_EXCL | O_RDWR", "O_CREAT | O_WRONLY"];
    match op {
        MqOp::Open(n, f, a) => format!(
            "if (q[{n}] >= 0) mq_close(q[{n}]); q[{n}] = mq_open(qnames[{n}], {}, 0600, {}); show(\"open {n} {f}\", q[{n}] >= 0 ? 0 : -1);",
            flags[*f as usize],
            if *a { "&small" } else { "NULL" }
        ),
        MqOp::Send(n, l, p) => format!("show(\"send {n} {l} {p}\", mq_send(q[{n}], buf, {l}, {p}u));"),
        MqOp::Receive(n, l) => format!("{{ unsigned p = 0; long r = mq_receive(q[{n}], buf, {l}, &p); show(\"receive {n} {l}\", r < 0 ? r : r * 100000 + p); }}"),
        MqOp::GetAttr(n) => format!("{{ struct mq_attr a; int r = mq_getattr(q[{n}], &a); show(\"attr {n}\", r < 0 ? r : a.mq_flags * 1000000 + a.mq_maxmsg * 100000 + a.mq_msgsize * 10 + a.mq_curmsgs); }}"),
        MqOp::NonBlock(n, b) => format!("{{ struct mq_attr a = {{0}}; a.mq_flags = {}; show(\"nonblock {n}\", mq_setattr(q[{n}], &a, NULL)); }}", if *b { "O_NONBLOCK" } else { "0" }),
        MqOp::Close(n) => format!("show(\"close {n}\", mq_close(q[{n}])); q[{n}] = -1;"),
        MqOp::Unlink(n) => format!("show(\"unlink {n}\", mq_unlink(qnames[{n}]));"),
        MqOp::Notify(n, 0) => format!("show(\"notify {n} NULL\", mq_notify(q[{n}], NULL));"),
        MqOp::Notify(n, k) => format!(
            "{{ struct sigevent e; memset(&e, 0, sizeof e); e.sigev_notify = {}; e.sigev_signo = SIGWINCH; show(\"notify {n} {k}\", mq_notify(q[{n}], &e)); }}",
            ["SIGEV_NONE", "SIGEV_SIGNAL", "7"][*k as usize - 1]
        ),
    }
}

#[derive(Debug, Clone)]
enum SockOp {
    Send(usize, usize, usize),
    Recv(usize, usize, usize),
    Close(usize),
    Shutdown(usize, i32),
    Connect(usize),
    Accept(usize),
    ClientSend(usize, usize),
    ServerRecv(usize, usize),
    CloseClient(usize),
}

fn sock_op() -> impl Strategy<Value = SockOp> {
    let len = || prop::sample::select(vec![0usize, 1, 100, 1024, 70000]);
    prop_oneof![
        4 => (0..2usize, len(), 0..4usize).prop_map(|(e, l, f)| SockOp::Send(e, l, f)),
        4 => (0..2usize, prop::sample::select(vec![0usize, 1, 64, 70000]), 0..4usize).prop_map(|(e, l, f)| SockOp::Recv(e, l, f)),
        1 => (0..2usize).prop_map(SockOp::Close),
        1 => (0..2usize, 0..4i32).prop_map(|(e, h)| SockOp::Shutdown(e, h)),
        2 => (0..3usize).prop_map(SockOp::Connect),
        2 => (0..3usize).prop_map(SockOp::Accept),
        2 => (0..3usize, len()).prop_map(|(k, l)| SockOp::ClientSend(k, l)),
        2 => (0..3usize, prop::sample::select(vec![1usize, 64, 70000])).prop_map(|(k, l)| SockOp::ServerRecv(k, l)),
        1 => (0..3usize).prop_map(SockOp::CloseClient),
    ]
}

fn render_sock(op: &SockOp) -> String {
    let flags = ["MSG_DONTWAIT", "MSG_DONTWAIT | MSG_NOSIGNAL", "MSG_DONTWAIT | MSG_PEEK", "MSG_DONTWAIT | MSG_TRUNC"];
    match op {
        SockOp::Send(e, l, f) => format!("show(\"send {e} {l}\", send(sp[{e}], buf, {l}, {}));", flags[*f % 2]),
        SockOp::Recv(e, l, f) => format!("show(\"recv {e} {l} {f}\", recv(sp[{e}], buf, {l}, {}));", flags[*f]),
        SockOp::Close(e) => format!("show(\"close {e}\", close(sp[{e}])); sp[{e}] = -1;"),
        SockOp::Shutdown(e, h) => format!("show(\"shutdown {e} {h}\", shutdown(sp[{e}], {h}));"),
        SockOp::Connect(k) => format!(
            "if (cl[{k}] < 0) cl[{k}] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0); show(\"connect {k}\", connect(cl[{k}], (struct sockaddr *)&sa, sizeof sa));"
        ),
        SockOp::Accept(k) => format!("if (ac[{k}] >= 0) close(ac[{k}]); ac[{k}] = accept(srv, NULL, NULL); show(\"accept {k}\", ac[{k}] < 0 ? -1 : 0);"),
        SockOp::ClientSend(k, l) => format!("show(\"client send {k} {l}\", send(cl[{k}], buf, {l}, MSG_DONTWAIT | MSG_NOSIGNAL));"),
        SockOp::ServerRecv(k, l) => format!("show(\"server recv {k} {l}\", recv(ac[{k}], buf, {l}, MSG_DONTWAIT));"),
        SockOp::CloseClient(k) => format!("show(\"close client {k}\", close(cl[{k}])); cl[{k}] = -1;"),
    }
}

#[derive(Debug, Clone)]
enum InetOp {
    Socket(usize),
    Reuse(usize),
    Bind(usize, usize),
    Listen(usize, i32),
    Connect(usize, usize),
    Unconnect(usize),
    Accept(usize, usize),
    Send(usize, usize),
    SendTo(usize, usize, usize),
    Recv(usize, usize, usize),
    RecvFrom(usize),
    Shutdown(usize, i32),
    Close(usize),
    Name(usize, bool),
    GetOpt(usize, usize),
    SetBuf(usize, bool, i32),
    Flood(usize, usize, usize),
    Poll(usize),
}

/// Operations on four socket slots of one protocol (all non-blocking, so
/// a sequence never waits); the addresses are those of `inet()`.
fn inet_op() -> impl Strategy<Value = InetOp> {
    let slot = || 0..4usize;
    let addr = || prop_oneof![4 => 0..2usize, 1 => 2..6usize];
    prop_oneof![
        3 => slot().prop_map(InetOp::Socket),
        1 => slot().prop_map(InetOp::Reuse),
        3 => (slot(), addr()).prop_map(|(k, a)| InetOp::Bind(k, a)),
        2 => (slot(), prop::sample::select(vec![0, 1, 5])).prop_map(|(k, b)| InetOp::Listen(k, b)),
        3 => (slot(), addr()).prop_map(|(k, a)| InetOp::Connect(k, a)),
        1 => slot().prop_map(InetOp::Unconnect),
        3 => (slot(), slot()).prop_map(|(k, j)| InetOp::Accept(k, j)),
        4 => (slot(), prop::sample::select(vec![0usize, 1, 100, 1024, 70000])).prop_map(|(k, l)| InetOp::Send(k, l)),
        3 => (slot(), addr(), prop::sample::select(vec![0usize, 100, 1024, 65507, 65508])).prop_map(|(k, a, l)| InetOp::SendTo(k, a, l)),
        4 => (slot(), prop::sample::select(vec![1usize, 64, 70000]), 0..2usize).prop_map(|(k, l, f)| InetOp::Recv(k, l, f)),
        2 => slot().prop_map(InetOp::RecvFrom),
        1 => (slot(), 0..3i32).prop_map(|(k, h)| InetOp::Shutdown(k, h)),
        2 => slot().prop_map(InetOp::Close),
        2 => (slot(), any::<bool>()).prop_map(|(k, p)| InetOp::Name(k, p)),
        2 => (slot(), 0..6usize).prop_map(|(k, o)| InetOp::GetOpt(k, o)),
        1 => (slot(), any::<bool>(), prop::sample::select(vec![1, 4096, 100000])).prop_map(|(k, r, v)| InetOp::SetBuf(k, r, v)),
        1 => (slot(), 0..2usize, prop::sample::select(vec![0usize, 100, 1024])).prop_map(|(k, a, l)| InetOp::Flood(k, a, l)),
        2 => slot().prop_map(InetOp::Poll),
    ]
}

fn render_inet(op: &InetOp, ty: &str) -> String {
    let flags = ["MSG_DONTWAIT", "MSG_DONTWAIT | MSG_PEEK"];
    match op {
        InetOp::Socket(k) => format!("if (s[{k}] >= 0) close(s[{k}]); s[{k}] = socket(AF_INET, {ty} | SOCK_NONBLOCK, 0); show(\"socket {k}\", s[{k}] < 0 ? -1 : 0);"),
        InetOp::Reuse(k) => format!("{{ int one = 1; show(\"reuse {k}\", setsockopt(s[{k}], SOL_SOCKET, SO_REUSEADDR, &one, sizeof one)); }}"),
        InetOp::Bind(k, a) => format!("{{ struct sockaddr_in a = inet({a}); show(\"bind {k} {a}\", bind(s[{k}], (struct sockaddr *)&a, sizeof a)); }}"),
        InetOp::Listen(k, b) => format!("show(\"listen {k} {b}\", listen(s[{k}], {b}));"),
        InetOp::Connect(k, a) => format!("{{ struct sockaddr_in a = inet({a}); show(\"connect {k} {a}\", connect(s[{k}], (struct sockaddr *)&a, sizeof a)); }}"),
        InetOp::Unconnect(k) => format!("{{ struct sockaddr u; memset(&u, 0, sizeof u); u.sa_family = AF_UNSPEC; show(\"unconnect {k}\", connect(s[{k}], &u, sizeof u)); }}"),
        InetOp::Accept(k, j) => format!("{{ int n = accept(s[{k}], NULL, NULL); show(\"accept {k}\", n < 0 ? -1 : 0); if (n >= 0) {{ if (s[{j}] >= 0) close(s[{j}]); s[{j}] = n; }} }}"),
        InetOp::Send(k, l) => format!("show(\"send {k} {l}\", send(s[{k}], buf, {l}, MSG_DONTWAIT | MSG_NOSIGNAL));"),
        InetOp::SendTo(k, a, l) => format!("{{ struct sockaddr_in a = inet({a}); show(\"sendto {k} {a} {l}\", sendto(s[{k}], buf, {l}, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a)); }}"),
        InetOp::Recv(k, l, f) => format!("show(\"recv {k} {l} {f}\", recv(s[{k}], buf, {l}, {}));", flags[*f]),
        InetOp::RecvFrom(k) => format!("{{ struct sockaddr_in a; memset(&a, 0, sizeof a); socklen_t n = sizeof a; int r = recvfrom(s[{k}], buf, 64, MSG_DONTWAIT, (struct sockaddr *)&a, &n); show_addr(\"recvfrom {k}\", r, &a); show(\"fromlen\", n); }}"),
        InetOp::Shutdown(k, h) => format!("show(\"shutdown {k} {h}\", shutdown(s[{k}], {h}));"),
        InetOp::Close(k) => format!("show(\"close {k}\", close(s[{k}])); s[{k}] = -1;"),
        InetOp::Name(k, p) => format!(
            "{{ struct sockaddr_in a; memset(&a, 0, sizeof a); socklen_t n = sizeof a; int r = {}(s[{k}], (struct sockaddr *)&a, &n); show_addr(\"{} {k}\", r, &a); }}",
            if *p { "getpeername" } else { "getsockname" },
            if *p { "peer" } else { "name" }
        ),
        InetOp::GetOpt(k, o) => {
            let names = ["SO_ERROR", "SO_TYPE", "SO_ACCEPTCONN", "SO_RCVBUF", "SO_REUSEADDR", "SO_PROTOCOL"];
            format!("{{ int v = -7; socklen_t n = sizeof v; int r = getsockopt(s[{k}], SOL_SOCKET, {n}, &v, &n); show(\"getopt {k} {n}\", r < 0 ? r : v); }}", n = names[*o])
        }
        InetOp::SetBuf(k, r, v) => {
            let o = if *r { "SO_RCVBUF" } else { "SO_SNDBUF" };
            format!("{{ int v = {v}; show(\"setopt {k} {o} {v}\", setsockopt(s[{k}], SOL_SOCKET, {o}, &v, sizeof v)); socklen_t n = sizeof v; getsockopt(s[{k}], SOL_SOCKET, {o}, &v, &n); show(\"now\", v); }}")
        }
        InetOp::Poll(k) => format!(
            "{{ struct pollfd f = {{s[{k}], POLLIN | POLLOUT | POLLPRI | POLLRDHUP, 0}}; int r = poll(&f, 1, 0); show(\"poll {k}\", r < 0 ? r : f.revents); }}"
        ),
        InetOp::Flood(k, a, l) => format!(
            "{{ struct sockaddr_in a = inet({a}); int ok = 0; for (int i = 0; i < 300; i++) ok += sendto(s[{k}], buf, {l}, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a) == {l}; show(\"flood {k} {a} {l}\", ok); }}"
        ),
    }
}

/// Drains every slot after a UDP sequence: how many datagrams each holds.
const DRAIN: &str = "for (int k = 0; k < 4; k++) { int n = 0; while (s[k] >= 0 && recv(s[k], buf, sizeof buf, MSG_DONTWAIT) >= 0) n++; show(\"queued\", n); }";

#[derive(Debug, Clone)]
enum MsgOp {
    Open(usize, i32),
    TrySend(usize, usize),
    Send(usize),
    TryReceive(usize, usize),
    Receive(usize),
    Close(usize),
    Capacity(i32),
    SendTo(usize),
    ReceiveFrom(bool),
}

fn msg_op() -> impl Strategy<Value = MsgOp> {
    prop_oneof![
        2 => (0..2usize, prop::sample::select(vec![0, 1, 2, -1, -2])).prop_map(|(k, c)| MsgOp::Open(k, c)),
        3 => (0..2usize, prop::sample::select(vec![0usize, 3, 8192, 8193])).prop_map(|(k, l)| MsgOp::TrySend(k, l)),
        1 => (0..2usize).prop_map(MsgOp::Send),
        3 => (0..2usize, prop::sample::select(vec![1usize, 3, 8192])).prop_map(|(k, c)| MsgOp::TryReceive(k, c)),
        1 => (0..2usize).prop_map(MsgOp::Receive),
        1 => (0..2usize).prop_map(MsgOp::Close),
        1 => prop::sample::select(vec![0, 1, -1]).prop_map(MsgOp::Capacity),
        1 => (0..3usize).prop_map(MsgOp::SendTo),
        1 => any::<bool>().prop_map(MsgOp::ReceiveFrom),
    ]
}

fn render_msg(op: &MsgOp) -> String {
    match op {
        MsgOp::Open(k, c) => format!("mb[{k}] = mbox_open(mbnames[{k}], {c}); show(\"open {k} {c}\", mb[{k}]);"),
        MsgOp::TrySend(k, l) => format!("show(\"try_send {k} {l}\", mbox_try_send(mb[{k}], buf, {l}));"),
        MsgOp::Send(k) => format!("show(\"send {k}\", mbox_send(mb[{k}], buf, 3));"),
        MsgOp::TryReceive(k, c) => format!("show(\"try_receive {k} {c}\", mbox_try_receive(mb[{k}], buf, {c}));"),
        MsgOp::Receive(k) => format!("show(\"receive {k}\", mbox_receive(mb[{k}], buf, sizeof buf));"),
        MsgOp::Close(k) => format!("show(\"close {k}\", mbox_close(mb[{k}]));"),
        MsgOp::Capacity(n) => format!("link_capacity({n});"),
        MsgOp::SendTo(0) => "show(\"send_to other\", send_to(other, buf, 2));".into(),
        MsgOp::SendTo(1) => "show(\"send_to self\", send_to(getpid(), buf, 2));".into(),
        MsgOp::SendTo(_) => "show(\"send_to none\", send_to(99999, buf, 2));".into(),
        MsgOp::ReceiveFrom(any) => {
            format!("show(\"receive_from\", receive_from({}, buf, sizeof buf));", if *any { "ANY_PROCESS" } else { "other" })
        }
    }
}

#[derive(Debug, Clone)]
enum SysvOp {
    Snd(i64, usize, bool),
    Rcv(i64, usize, i32),
    Sem(Vec<(u16, i16, bool)>),
    SetVal(u16, i32),
    GetVal(u16),
    Stat,
    RmQueue,
    RmSet,
    Shm(u8),
}

fn sysv_op() -> impl Strategy<Value = SysvOp> {
    prop_oneof![
        3 => (prop::sample::select(vec![1i64, 2, 3, 0, -1]), prop::sample::select(vec![0usize, 5, 100, 8192, 8193]), any::<bool>())
            .prop_map(|(t, l, w)| SysvOp::Snd(t, l, w)),
        3 => (prop::sample::select(vec![0i64, 1, 2, -2, 5]), prop::sample::select(vec![0usize, 4, 100]), prop::sample::select(vec![0o4000, 0o14000, 0o24000, 0]))
            .prop_map(|(t, l, f)| SysvOp::Rcv(t, l, f)),
        3 => prop::collection::vec((0..3u16, -2..3i16, any::<bool>()), 1..3).prop_map(SysvOp::Sem),
        1 => (0..3u16, prop::sample::select(vec![0, 1, 32767, 32768, -1])).prop_map(|(n, v)| SysvOp::SetVal(n, v)),
        1 => (0..3u16).prop_map(SysvOp::GetVal),
        1 => Just(SysvOp::Stat),
        1 => Just(SysvOp::RmQueue),
        1 => Just(SysvOp::RmSet),
        1 => (0..3u8).prop_map(SysvOp::Shm),
    ]
}

fn render_sysv(op: &SysvOp) -> String {
    match op {
        SysvOp::Snd(t, l, w) => format!(
            "{{ struct {{ long t; char x[8200]; }} m; m.t = {t}; memset(m.x, 'a', sizeof m.x); show(\"msgsnd {t} {l}\", msgsnd(q, &m, {l}, {})); }}",
            if *w { "IPC_NOWAIT" } else { "0" }
        ),
        SysvOp::Rcv(t, l, f) => format!("{{ struct {{ long t; char x[8200]; }} m; long r = msgrcv(q, &m, {l}, {t}, {f}); show(\"msgrcv {t} {l} {f}\", r < 0 ? r : r * 100 + m.t); }}"),
        SysvOp::Sem(ops) => {
            let list: Vec<String> = ops.iter().map(|(n, o, w)| format!("{{{n}, {o}, {}}}", if *w { "IPC_NOWAIT" } else { "IPC_NOWAIT | SEM_UNDO" })).collect();
            format!("{{ struct sembuf o[] = {{{}}}; show(\"semop\", semop(s, o, {})); }}", list.join(", "), ops.len())
        }
        SysvOp::SetVal(n, v) => format!("{{ union semun u; u.val = {v}; show(\"setval {n} {v}\", semctl(s, {n}, SETVAL, u)); }}"),
        SysvOp::GetVal(n) => format!("show(\"getval {n}\", semctl(s, {n}, GETVAL));"),
        SysvOp::Stat => "{ struct msqid_ds d; int r = msgctl(q, IPC_STAT, &d); show(\"msgstat\", r < 0 ? r : (long)(d.msg_qnum * 100000 + d.__msg_cbytes)); }".into(),
        SysvOp::RmQueue => "show(\"rm q\", msgctl(q, IPC_RMID, NULL));".into(),
        SysvOp::RmSet => "show(\"rm s\", semctl(s, 0, IPC_RMID));".into(),
        SysvOp::Shm(0) => "{ int *p = shmat(m, NULL, 0); show(\"shmat\", p == (void *)-1 ? -1 : (*p)++); }".into(),
        SysvOp::Shm(1) => "{ struct shmid_ds d; int r = shmctl(m, IPC_STAT, &d); show(\"shmstat\", r < 0 ? r : (long)(d.shm_nattch * 1000 + d.shm_segsz)); }".into(),
        SysvOp::Shm(_) => "show(\"rm m\", shmctl(m, IPC_RMID, NULL));".into(),
    }
}

#[derive(Debug, Clone)]
enum FileOp {
    Open(usize, u8),
    Write(usize, usize),
    Read(usize, usize),
    Seek(usize, i64, u8),
    Close(usize),
    Unlink(usize),
    Rename(usize, usize),
    Mkdir(usize),
    Rmdir(usize),
    Size(usize),
    Access(usize),
    List(usize),
    Mkfifo,
    OpenFifo(usize, u8),
    Pread(usize, usize, i64),
    Pwrite(usize, usize, i64),
    FifoStat,
}

fn file_op() -> impl Strategy<Value = FileOp> {
    prop_oneof![
        3 => (0..4usize, 0..5u8).prop_map(|(n, f)| FileOp::Open(n, f)),
        3 => (0..4usize, prop::sample::select(vec![0usize, 1, 100, 5000])).prop_map(|(n, l)| FileOp::Write(n, l)),
        3 => (0..4usize, prop::sample::select(vec![0usize, 1, 100, 8000])).prop_map(|(n, l)| FileOp::Read(n, l)),
        2 => (0..4usize, prop::sample::select(vec![0i64, 1, -1, 50, 10000]), 0..3u8).prop_map(|(n, o, w)| FileOp::Seek(n, o, w)),
        1 => (0..4usize).prop_map(FileOp::Close),
        1 => (0..4usize).prop_map(FileOp::Unlink),
        1 => (0..4usize, 0..4usize).prop_map(|(a, b)| FileOp::Rename(a, b)),
        1 => (0..2usize).prop_map(FileOp::Mkdir),
        1 => (0..2usize).prop_map(FileOp::Rmdir),
        1 => (0..4usize).prop_map(FileOp::Size),
        1 => (0..4usize).prop_map(FileOp::Access),
        1 => (0..2usize).prop_map(FileOp::List),
        1 => Just(FileOp::Mkfifo),
        1 => (0..4usize, prop::sample::select(vec![0usize, 1, 100]), prop::sample::select(vec![0i64, 3, 5000, -1])).prop_map(|(n, l, o)| FileOp::Pread(n, l, o)),
        1 => (0..4usize, prop::sample::select(vec![0usize, 1, 100]), prop::sample::select(vec![0i64, 3, 5000, -1])).prop_map(|(n, l, o)| FileOp::Pwrite(n, l, o)),
        2 => (0..4usize, 0..3u8).prop_map(|(n, f)| FileOp::OpenFifo(n, f)),
        1 => Just(FileOp::FifoStat),
    ]
}

/// Files named `fnames[0..4]` (one inside a directory the program may
/// make), directories `dnames[0..2]`; descriptor `fd[n]` for file `n`,
/// or an end of the named pipe `conf_p` (opened without waiting: a
/// blocking open in one process would only wait).
fn render_file(op: &FileOp) -> String {
    let flags =
        ["O_RDONLY", "O_WRONLY | O_CREAT | O_TRUNC", "O_RDWR | O_CREAT", "O_WRONLY | O_CREAT | O_APPEND", "O_RDWR | O_CREAT | O_EXCL"];
    match op {
        FileOp::Open(n, f) => format!("if (fd[{n}] >= 0) close(fd[{n}]); fd[{n}] = open(fnames[{n}], {}, 0644); show(\"open {n} {f}\", fd[{n}] >= 0 ? 0 : -1);", flags[*f as usize]),
        FileOp::Write(n, l) => format!("show(\"write {n} {l}\", write(fd[{n}], buf, {l}));"),
        FileOp::Read(n, l) => format!("show(\"read {n} {l}\", read(fd[{n}], buf, {l}));"),
        FileOp::Seek(n, o, w) => format!("show(\"lseek {n} {o} {w}\", lseek(fd[{n}], {o}, {w}));"),
        FileOp::Close(n) => format!("show(\"close {n}\", close(fd[{n}])); fd[{n}] = -1;"),
        FileOp::Unlink(n) => format!("show(\"unlink {n}\", unlink(fnames[{n}]));"),
        FileOp::Rename(a, b) => format!("show(\"rename {a} {b}\", rename(fnames[{a}], fnames[{b}]));"),
        FileOp::Mkdir(d) => format!("show(\"mkdir {d}\", mkdir(dnames[{d}], 0755));"),
        FileOp::Rmdir(d) => format!("show(\"rmdir {d}\", rmdir(dnames[{d}]));"),
        FileOp::Size(n) => format!("{{ struct stat st; int r = stat(fnames[{n}], &st); show(\"size {n}\", r < 0 ? r : (long)st.st_size); }}"),
        FileOp::Access(n) => format!("show(\"access {n}\", access(fnames[{n}], R_OK | W_OK));"),
        FileOp::Pread(n, l, o) => format!("show(\"pread {n} {l} {o}\", pread(fd[{n}], buf, {l}, {o}));"),
        FileOp::Pwrite(n, l, o) => format!("show(\"pwrite {n} {l} {o}\", pwrite(fd[{n}], buf, {l}, {o}));"),
        FileOp::Mkfifo => "show(\"mkfifo\", mkfifo(\"conf_p\", 0640));".into(),
        FileOp::OpenFifo(n, f) => {
            let how = ["O_RDONLY", "O_WRONLY", "O_RDWR"][*f as usize];
            format!("if (fd[{n}] >= 0) close(fd[{n}]); fd[{n}] = open(\"conf_p\", {how} | O_NONBLOCK); show(\"open fifo {n} {f}\", fd[{n}] >= 0 ? 0 : -1);")
        }
        FileOp::FifoStat => "{ struct stat st; int r = stat(\"conf_p\", &st); show(\"fifo stat\", r < 0 ? r : (long)(S_ISFIFO(st.st_mode) * 1000 + (st.st_mode & 0777))); }".into(),
        FileOp::List(d) => format!("{{ DIR *dir = opendir(dnames[{d}]); long k = -1; if (dir) {{ k = 0; while (readdir(dir)) k++; closedir(dir); }} show(\"list {d}\", k); }}"),
    }
}

/// Operations on file locks: descriptors `fd[0..4]` (slot n opens file
/// `n % 2`), `flock` (never a blocking one: a process can wait for
/// itself through a second open), `fcntl` record locks (no `F_SETLKW`,
/// for the same reason), `lockf` (no `F_LOCK`).
#[derive(Debug, Clone)]
enum LockOp {
    Open(usize, u8),
    Close(usize),
    Dup(usize, usize),
    Seek(usize, u8),
    Flock(usize, u8),
    Set(usize, u8, u8),
    Get(usize, u8, u8),
    Lockf(usize, u8, u8),
}

fn lock_op() -> impl Strategy<Value = LockOp> {
    prop_oneof![
        2 => (0..4usize, 0..3u8).prop_map(|(n, m)| LockOp::Open(n, m)),
        1 => (0..4usize).prop_map(LockOp::Close),
        1 => (0..4usize, 0..4usize).prop_map(|(a, b)| LockOp::Dup(a, b)),
        1 => (0..4usize, 0..3u8).prop_map(|(n, o)| LockOp::Seek(n, o)),
        3 => (0..4usize, 0..6u8).prop_map(|(n, o)| LockOp::Flock(n, o)),
        4 => (0..4usize, 0..4u8, 0..9u8).prop_map(|(n, t, r)| LockOp::Set(n, t, r)),
        3 => (0..4usize, 0..4u8, 0..9u8).prop_map(|(n, t, r)| LockOp::Get(n, t, r)),
        2 => (0..4usize, 0..4u8, 0..4u8).prop_map(|(n, c, l)| LockOp::Lockf(n, c, l)),
    ]
}

/// Ranges (`l_whence`, `l_start`, `l_len`) that meet the holder's locks
/// (`F_WRLCK` on bytes 10..20 and `F_RDLCK` on 30..40 of file 0), run to
/// the end, look backwards, or are refused.
const LOCK_RANGES: [(&str, i64, i64); 9] = [
    ("SEEK_SET", 0, 0),
    ("SEEK_SET", 0, 5),
    ("SEEK_SET", 5, 10),
    ("SEEK_SET", 15, -10),
    ("SEEK_CUR", 0, 3),
    ("SEEK_END", -2, 0),
    ("SEEK_SET", 35, 1),
    ("SEEK_SET", -1, 1),
    ("5", 0, 0),
];

fn render_lock(op: &LockOp) -> String {
    let modes = ["O_RDONLY", "O_WRONLY", "O_RDWR"];
    let types = ["F_RDLCK", "F_WRLCK", "F_UNLCK", "7"];
    let flocks = ["LOCK_SH | LOCK_NB", "LOCK_EX | LOCK_NB", "LOCK_UN", "LOCK_UN | LOCK_NB", "0", "LOCK_EX | LOCK_NB | 32"];
    match op {
        LockOp::Open(n, m) => format!(
            "if (fd[{n}] >= 0) close(fd[{n}]); fd[{n}] = open(lnames[{n} % 2], {}); show(\"open {n} {m}\", fd[{n}] >= 0 ? 0 : -1);",
            modes[*m as usize]
        ),
        LockOp::Close(n) => format!("show(\"close {n}\", close(fd[{n}])); fd[{n}] = -1;"),
        LockOp::Dup(a, b) => {
            format!("if (fd[{b}] >= 0 && {a} != {b}) close(fd[{b}]); fd[{b}] = dup(fd[{a}]); show(\"dup {a} {b}\", fd[{b}] >= 0 ? 0 : -1);")
        }
        LockOp::Seek(n, o) => format!("show(\"lseek {n} {o}\", lseek(fd[{n}], {}, SEEK_SET));", [0, 12, 36][*o as usize]),
        LockOp::Flock(n, o) => format!("show(\"flock {n} {o}\", flock(fd[{n}], {}));", flocks[*o as usize]),
        LockOp::Set(n, t, r) | LockOp::Get(n, t, r) => {
            let (whence, start, len) = LOCK_RANGES[*r as usize];
            let cmd = if matches!(op, LockOp::Set(..)) { "F_SETLK" } else { "F_GETLK" };
            format!("lk(\"{cmd} {n} {t} {r}\", fd[{n}], {cmd}, {}, {whence}, {start}, {len});", types[*t as usize])
        }
        LockOp::Lockf(n, c, l) => {
            let cmds = ["F_TLOCK", "F_TEST", "F_ULOCK", "9"];
            format!("show(\"lockf {n} {c} {l}\", lockf(fd[{n}], {}, {}));", cmds[*c as usize], [0, 5, -3, 30][*l as usize])
        }
    }
}

/// The lock programs' helpers: `fcntl` with a `struct flock`, and what
/// `F_GETLK` reported, its holder named by role (pids differ between
/// the real kernel and the simulator only in the real one's numbering).
const LOCK_HELPERS: &str = r#"static pid_t holder = -1, first = -1;
static const char *who(pid_t p) { return p == holder ? "holder" : p == first ? "first" : p == getpid() ? "me" : p == -7 ? "-" : "other"; }
static void lk(const char *what, int fd, int cmd, int type, int whence, long start, long len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = whence;
    fl.l_start = start;
    fl.l_len = len;
    fl.l_pid = -7;
    int r = fcntl(fd, cmd, &fl);
    if (cmd == F_GETLK && r == 0) {
        printf("%d %s = 0 type=%d whence=%d start=%ld len=%ld pid=%s\n", (int)getpid(), what, fl.l_type, fl.l_whence, (long)fl.l_start, (long)fl.l_len, who(fl.l_pid));
        fflush(stdout);
    } else {
        show(what, r);
    }
}
"#;

#[derive(Debug, Clone)]
enum SigOp {
    Catch(usize, bool),
    Ignore(usize),
    Default(usize),
    Block(usize),
    Unblock(usize),
    Raise(usize),
    Pending(usize),
    Alarm(u8),
}

fn sig_op() -> impl Strategy<Value = SigOp> {
    prop_oneof![
        3 => (0..3usize, any::<bool>()).prop_map(|(s, r)| SigOp::Catch(s, r)),
        1 => (0..3usize).prop_map(SigOp::Ignore),
        1 => (0..3usize).prop_map(SigOp::Default),
        2 => (0..3usize).prop_map(SigOp::Block),
        2 => (0..3usize).prop_map(SigOp::Unblock),
        3 => (0..3usize).prop_map(SigOp::Raise),
        1 => (0..3usize).prop_map(SigOp::Pending),
        1 => prop::sample::select(vec![0u8, 5]).prop_map(SigOp::Alarm),
    ]
}

/// Signals `sigs[0..3]` (SIGUSR1, SIGUSR2, SIGCHLD); the handler counts
/// into `caught[]`, shown after each operation.
fn render_sig(op: &SigOp) -> String {
    let body = match op {
        SigOp::Catch(s, r) => format!("{{ struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = on_sig; sa.sa_flags = {}; show(\"catch {s}\", sigaction(sigs[{s}], &sa, NULL)); }}", if *r { "SA_RESTART" } else { "0" }),
        SigOp::Ignore(s) => format!("show(\"ignore {s}\", signal(sigs[{s}], SIG_IGN) == SIG_ERR ? -1 : 0);"),
        SigOp::Default(s) => format!("show(\"default {s}\", signal(sigs[{s}], SIG_DFL) == SIG_ERR ? -1 : 0);"),
        SigOp::Block(s) => format!("{{ sigset_t m; sigemptyset(&m); sigaddset(&m, sigs[{s}]); show(\"block {s}\", sigprocmask(SIG_BLOCK, &m, NULL)); }}"),
        SigOp::Unblock(s) => format!("{{ sigset_t m; sigemptyset(&m); sigaddset(&m, sigs[{s}]); show(\"unblock {s}\", sigprocmask(SIG_UNBLOCK, &m, NULL)); }}"),
        SigOp::Raise(s) => format!("show(\"raise {s}\", raise(sigs[{s}]));"),
        SigOp::Pending(s) => format!("{{ sigset_t m; sigpending(&m); show(\"pending {s}\", sigismember(&m, sigs[{s}])); }}"),
        SigOp::Alarm(n) => format!("show(\"alarm {n}\", alarm({n}));"),
    };
    format!("{body} show(\"caught\", caught[0] * 10000 + caught[1] * 100 + caught[2]);")
}

const HEADER: &str = r#"#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <arpa/inet.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <dirent.h>
#include <sys/file.h>
#include <unistd.h>
static char buf[70000];
static volatile int caught[3];
static const int sigs[3] = {SIGUSR1, SIGUSR2, SIGCHLD};
static void on_sig(int s) { caught[s == SIGUSR1 ? 0 : s == SIGUSR2 ? 1 : 2]++; }
union semun { int val; struct semid_ds *b; unsigned short *array; };
/* An IPv4 address: four loopback ones on two fixed ports, an ephemeral
   port, the any address and an unreachable one. */
static struct sockaddr_in inet(int k) {
    static const char *ips[6] = {"127.0.0.1", "127.0.0.1", "0.0.0.0", "127.0.0.2", "127.0.0.1", "10.0.0.1"};
    static const int ports[6] = {40000, 40001, 40000, 40000, 0, 40000};
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(ports[k]);
    inet_pton(AF_INET, ips[k], &a.sin_addr);
    return a;
}
/* An address the kernel reported: an ephemeral port (random natively)
   shows as -1. */
static void show_addr(const char *what, int r, struct sockaddr_in *a) {
    int port = ntohs(a->sin_port);
    printf("%d %s = %d %s:%d errno=%d\n", (int)getpid(), what, r, inet_ntoa(a->sin_addr), port >= 32768 ? -1 : port, r < 0 ? errno : 0);
    fflush(stdout);
    errno = 0;
}
static void show(const char *what, long r) {
    printf("%d %s = %ld errno=%d\n", (int)getpid(), what, r, r < 0 ? errno : 0);
    fflush(stdout);
    errno = 0;
}
"#;

/// A program: setup, the child's operations (if any), then the parent's.
fn program(setup: &str, child: &[String], parent: &[String]) -> String {
    let mut s = String::from(HEADER);
    s.push_str("int main(void) {\n");
    s.push_str(setup);
    if !child.is_empty() {
        s.push_str("    if (fork() == 0) {\n");
        for l in child {
            s.push_str(&format!("        {l}\n"));
        }
        s.push_str("        exit(3);\n    }\n    int st;\n    wait(&st);\n    show(\"child status\", st);\n");
    }
    for l in parent {
        s.push_str(&format!("    {l}\n"));
    }
    s.push_str("    return 0;\n}\n");
    s
}

/// Simulated schedules searched for the real outcome (concurrent programs
/// have several; the real one must be among them). Usually found in the
/// first few; a real run can take an interleaving the simulator reaches
/// once in thousands (a kill landing between a child's last write and
/// its exit), so many are searched before a difference is reported.
const MORE_SEEDS: u64 = 50_000;

/// Runs a program both ways; `Err` describes the difference.
fn conforms(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    let file = dir.join(format!("{name}.c"));
    std::fs::write(&file, text).map_err(|e| e.to_string())?;
    let prog = sim::lang::compile(&file.display().to_string(), text, &|_, _| None)
        .map_err(|e| sim::diag::render::to_text(&e.sources, &e.diagnostics, false))?;
    let cfg = RealConfig {
        stdout: StdoutMode::Pipe,
        argv: vec![name.into()],
        chaos: false,
        timeout_ms: 10_000,
        max_procs: sim::abi::limits::MAX_PROCS,
        stdin: None,
        execs: Vec::new(),
        files: Vec::new(),
        env: Vec::new(),
    };
    let r = real::run_once(Path::new(env!("CARGO_BIN_EXE_ipcsim")), &file, &cfg, 0).map_err(|e| e.to_string())?;
    let mut first = None;
    for seed in 0..MORE_SEEDS {
        // Alternate uniform random and PCT (which starves processes for
        // long stretches, as real schedulers often do to a new child).
        let s = if seed % 2 == 0 {
            explore::run(&prog, &config(&file, TimeMode::LowerBound), &mut Random::new(seed), false)
        } else {
            explore::run(&prog, &config(&file, TimeMode::LowerBound), &mut Pct::new(seed, 3, 60), false)
        };
        let sim_stuck = s.end.is_stuck();
        let same_out = per_process(&r.outcome) == per_process(&s.outcome);
        let same_end = if r.hung { sim_stuck } else { !sim_stuck && r.outcome.exits == s.outcome.exits };
        if same_out && same_end {
            return Ok(());
        }
        first.get_or_insert(s);
    }
    let s = first.expect("at least one seed");
    Err(format!(
        "{text}\n--- real ({})\n{}{:?}\n--- simulated, seed 0 of {MORE_SEEDS} searched ({})\n{}{:?}",
        if r.hung { "hung" } else { "ended" },
        String::from_utf8_lossy(&r.outcome.stream(1)),
        r.outcome.exits,
        s.end.name(),
        String::from_utf8_lossy(&s.outcome.stream(1)),
        s.outcome.exits
    ))
}

/// Each process's own writes, in its order: what the kernel's semantics
/// decide (the interleaving between processes is the schedule's).
fn per_process(o: &sim::outcome::Outcome) -> std::collections::BTreeMap<(i32, i32), Vec<u8>> {
    let mut m = std::collections::BTreeMap::new();
    for w in &o.writes {
        m.entry((w.pid, w.fd)).or_insert_with(Vec::new).extend_from_slice(&w.bytes);
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn pipes_behave_as_on_the_real_kernel(child in prop::collection::vec(pipe_op(), 0..5), parent in prop::collection::vec(pipe_op(), 1..8), nonblock in any::<bool>()) {
        let setup = format!("    int p[2]; pipe(p); int w[2] = {{p[1], p[1]}};\n{}", if nonblock { "    fcntl(p[0], F_SETFL, O_NONBLOCK); fcntl(p[1], F_SETFL, O_NONBLOCK);\n" } else { "" });
        let c: Vec<String> = child.iter().map(render_pipe).collect();
        let p: Vec<String> = parent.iter().map(render_pipe).collect();
        let text = program(&setup, &c, &p);
        let dir = Scratch::new("conf-pipes");
        if let Err(e) = conforms(&dir.0, "pipes", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn processes_behave_as_on_the_real_kernel(ops in prop::collection::vec(proc_op(), 1..10)) {
        let setup = "    pid_t kid[3] = {0, 0, 0};\n    int never[2]; pipe(never);\n";
        let p: Vec<String> = ops.iter().map(render_proc).collect();
        let text = program(setup, &[], &p);
        let dir = Scratch::new("conf-procs");
        if let Err(e) = conforms(&dir.0, "procs", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn semaphores_behave_as_on_the_real_kernel(child in prop::collection::vec(sem_op(), 0..5), parent in prop::collection::vec(sem_op(), 1..10)) {
        let setup = "    const char *snames[2] = {\"/conf_s0\", \"conf_s1\"};\n    sem_unlink(snames[0]); sem_unlink(snames[1]);\n    sem_t *un = mmap(NULL, 2 * sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);\n    sem_t *h[2] = {0, 0};\n";
        let c: Vec<String> = child.iter().map(render_sem).collect();
        let mut p: Vec<String> = parent.iter().map(render_sem).collect();
        p.push("sem_unlink(snames[0]); sem_unlink(snames[1]);".into());
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-sem");
        if let Err(e) = conforms(&dir.0, "sem", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn message_queues_behave_as_on_the_real_kernel(child in prop::collection::vec(mq_op(), 0..5), parent in prop::collection::vec(mq_op(), 1..10)) {
        let setup = "    const char *qnames[3] = {\"/conf_q0\", \"/conf_q1\", \"conf_q2\"};\n    mq_unlink(qnames[0]); mq_unlink(qnames[1]);\n    struct mq_attr small = {0}; small.mq_maxmsg = 2; small.mq_msgsize = 64;\n    mqd_t q[3] = {-1, -1, -1};\n";
        let c: Vec<String> = child.iter().map(render_mq).collect();
        let mut p: Vec<String> = parent.iter().map(render_mq).collect();
        p.push("mq_unlink(qnames[0]); mq_unlink(qnames[1]);".into());
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-mq");
        if let Err(e) = conforms(&dir.0, "mq", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn sockets_behave_as_on_the_real_kernel(child in prop::collection::vec(sock_op(), 0..5), parent in prop::collection::vec(sock_op(), 1..10), ty in prop::sample::select(vec!["SOCK_STREAM", "SOCK_DGRAM", "SOCK_SEQPACKET"])) {
        let setup = format!("    int sp[2]; socketpair(AF_UNIX, {ty}, 0, sp);\n    struct sockaddr_un sa; memset(&sa, 0, sizeof sa); sa.sun_family = AF_UNIX; strcpy(sa.sun_path, \"conf.sock\");\n    unlink(\"conf.sock\"); int srv = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0); bind(srv, (struct sockaddr *)&sa, sizeof sa); listen(srv, 1);\n    int cl[3] = {{-1, -1, -1}}; int ac[3] = {{-1, -1, -1}};\n");
        let c: Vec<String> = child.iter().map(render_sock).collect();
        let mut p: Vec<String> = parent.iter().map(render_sock).collect();
        p.push("unlink(\"conf.sock\");".into());
        let text = program(&setup, &c, &p);
        let dir = Scratch::new("conf-sock");
        if let Err(e) = conforms(&dir.0, "sock", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn tcp_on_loopback_behaves_as_on_the_real_kernel(child in prop::collection::vec(inet_op(), 0..4), parent in prop::collection::vec(inet_op(), 1..12)) {
        let setup = "    int s[4] = {-1, -1, -1, -1};\n    for (int k = 0; k < 2; k++) s[k] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);\n";
        let c: Vec<String> = child.iter().map(|o| render_inet(o, "SOCK_STREAM")).collect();
        let p: Vec<String> = parent.iter().map(|o| render_inet(o, "SOCK_STREAM")).collect();
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-tcp");
        if let Err(e) = conforms(&dir.0, "tcp", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn udp_on_loopback_behaves_as_on_the_real_kernel(child in prop::collection::vec(inet_op(), 0..4), parent in prop::collection::vec(inet_op(), 1..12)) {
        let setup = "    int s[4] = {-1, -1, -1, -1};\n    for (int k = 0; k < 2; k++) s[k] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);\n";
        let c: Vec<String> = child.iter().map(|o| render_inet(o, "SOCK_DGRAM")).collect();
        let mut p: Vec<String> = parent.iter().map(|o| render_inet(o, "SOCK_DGRAM")).collect();
        p.push(DRAIN.into());
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-udp");
        if let Err(e) = conforms(&dir.0, "udp", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn mailboxes_and_links_behave_as_on_the_real_kernel(child in prop::collection::vec(msg_op(), 0..5), parent in prop::collection::vec(msg_op(), 1..10)) {
        let setup = "    const char *mbnames[2] = {\"conf_a\", \"conf_b\"};\n    int mb[2] = {-1, -1};\n    pid_t other = getppid();\n";
        let c: Vec<String> = child.iter().map(render_msg).collect();
        let p: Vec<String> = parent.iter().map(render_msg).collect();
        // The child's `other` is its parent; the parent's, its child.
        let text = program(setup, &c, &p).replace("#include <unistd.h>", "#include <unistd.h>\n#include \"ipcsim.h\"").replace("    if (fork() == 0) {", "    pid_t kid = fork();\n    if (kid == 0) {").replace("    int st;\n    wait(&st);", "    other = kid;\n    int st;\n    wait(&st);");
        let dir = Scratch::new("conf-msg");
        if let Err(e) = conforms(&dir.0, "msg", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn system_v_ipc_behaves_as_on_the_real_kernel(child in prop::collection::vec(sysv_op(), 0..5), parent in prop::collection::vec(sysv_op(), 1..10)) {
        let setup = "    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);\n    int s = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);\n    int m = shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600);\n";
        let c: Vec<String> = child.iter().map(render_sysv).collect();
        let mut p: Vec<String> = parent.iter().map(render_sysv).collect();
        p.push("msgctl(q, IPC_RMID, NULL); semctl(s, 0, IPC_RMID); shmctl(m, IPC_RMID, NULL);".into());
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-sysv");
        if let Err(e) = conforms(&dir.0, "sysv", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn shared_memory_behaves_as_on_the_real_kernel(child in prop::collection::vec(shm_op(), 0..5), parent in prop::collection::vec(shm_op(), 1..10)) {
        let setup = "    const char *names[3] = {\"/conf_a\", \"conf_b\", \"//conf_a\"};\n    int fd[3] = {-1, -1, -1};\n    void *map[3] = {0, 0, 0};\n    long len[3] = {0, 0, 0};\n";
        let c: Vec<String> = child.iter().map(render_shm).collect();
        let p: Vec<String> = parent.iter().map(render_shm).collect();
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-shm");
        if let Err(e) = conforms(&dir.0, "shm", &text) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    // Fewer cases: each is a real run and a search, and these families
    // are also pinned by the differential programs.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn files_directories_and_named_pipes_behave_as_on_the_real_kernel(child in prop::collection::vec(file_op(), 0..4), parent in prop::collection::vec(file_op(), 1..10)) {
        let setup = "    const char *fnames[4] = {\"conf_f0\", \"conf_f1\", \"conf_d0/f2\", \"conf_d1\"};\n    const char *dnames[2] = {\"conf_d0\", \"conf_d1\"};\n    int fd[4] = {-1, -1, -1, -1};\n    memset(buf, 'x', sizeof buf);\n";
        let c: Vec<String> = child.iter().map(render_file).collect();
        let mut p: Vec<String> = parent.iter().map(render_file).collect();
        p.push("unlink(fnames[2]); rmdir(dnames[0]); unlink(fnames[0]); unlink(fnames[1]); unlink(fnames[3]); rmdir(dnames[1]); unlink(\"conf_p\");".into());
        let text = program(setup, &c, &p);
        let dir = Scratch::new("conf-files");
        if let Err(e) = conforms(&dir.0, "files", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn file_locks_behave_as_on_the_real_kernel(child in prop::collection::vec(lock_op(), 0..6), parent in prop::collection::vec(lock_op(), 1..10)) {
        // A holder keeps locks the others meet: fcntl's on file 0, a
        // shared flock on file 1; killed at the end.
        let setup = "    const char *lnames[2] = {\"conf_l0\", \"conf_l1\"};\n    int fd[4] = {-1, -1, -1, -1};\n    first = getpid();\n    close(open(lnames[0], O_RDWR | O_CREAT | O_TRUNC, 0644));\n    close(open(lnames[1], O_RDWR | O_CREAT | O_TRUNC, 0644));\n    { int z = open(lnames[0], O_WRONLY); write(z, buf, 50); close(z); }\n    int ready[2]; pipe(ready);\n    holder = fork();\n    if (holder == 0) {\n        int a = open(lnames[0], O_RDWR), b = open(lnames[1], O_RDONLY);\n        lk(\"holder w\", a, F_SETLK, F_WRLCK, SEEK_SET, 10, 10);\n        lk(\"holder r\", a, F_SETLK, F_RDLCK, SEEK_SET, 30, 10);\n        show(\"holder flock\", flock(b, LOCK_SH));\n        write(ready[1], \"x\", 1);\n        for (;;) pause();\n    }\n    { char c; read(ready[0], &c, 1); }\n";
        let c: Vec<String> = child.iter().map(render_lock).collect();
        let mut p: Vec<String> = parent.iter().map(render_lock).collect();
        p.push("kill(holder, SIGKILL); waitpid(holder, NULL, 0); unlink(lnames[0]); unlink(lnames[1]);".into());
        let text = program(setup, &c, &p).replace("int main(void) {", &format!("{LOCK_HELPERS}int main(void) {{"));
        let dir = Scratch::new("conf-locks");
        if let Err(e) = conforms(&dir.0, "locks", &text) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn signal_dispositions_and_masks_behave_as_on_the_real_kernel(child in prop::collection::vec(sig_op(), 0..4), parent in prop::collection::vec(sig_op(), 1..10)) {
        let c: Vec<String> = child.iter().map(render_sig).collect();
        let p: Vec<String> = parent.iter().map(render_sig).collect();
        let text = program("", &c, &p);
        let dir = Scratch::new("conf-sig");
        if let Err(e) = conforms(&dir.0, "sig", &text) {
            prop_assert!(false, "{}", e);
        }
    }
}
