//! Turns a system-call routine and its raw arguments into a typed
//! [`Call`]: the one place where argument positions and C types of the
//! calls are known. Each backend then matches the typed call once.

use super::super::{Process, Shared};
use crate::abi::call::{
    Call, FdCall, FsCall, MqCall, MsgCall, OpCall, PipeCall, ProcCall, SemCall, ShmCall, SleepFn, SockCall, Src, SysvCall, TimeCall,
};
use crate::abi::errno::{EFAULT, EINVAL};
use crate::abi::flags::{F_GETLK, F_SETLK, F_SETLKW};
use crate::ir::{LibFn, MemTy};

/// The call routine `f` makes with arguments `a` (C types applied: an
/// `int` argument is its low 32 bits, sign-extended).
pub fn decode(f: LibFn, a: &[u64; 6], p: &Process, sh: &dyn Shared) -> Call {
    let int = |k: usize| a[k] as i32;
    match f {
        LibFn::Fork => Call::Proc(ProcCall::Fork),
        LibFn::Getpid => Call::Proc(ProcCall::Getpid),
        LibFn::Getppid => Call::Proc(ProcCall::Getppid),
        LibFn::SchedYield => Call::Proc(ProcCall::Yield),
        LibFn::Getpgrp => Call::Proc(ProcCall::Getpgrp),
        LibFn::Getpgid => Call::Proc(ProcCall::Getpgid { pid: int(0) }),
        LibFn::Setpgid => Call::Proc(ProcCall::Setpgid { pid: int(0), pgid: int(1) }),
        LibFn::Getsid => Call::Proc(ProcCall::Getsid { pid: int(0) }),
        LibFn::Setsid => Call::Proc(ProcCall::Setsid),
        LibFn::Isatty => Call::Fd(FdCall::Isatty { fd: int(0) }),
        LibFn::Ftok => Call::Sysv(SysvCall::Ftok { path: a[0], id: int(1) }),
        LibFn::Shmget => Call::Sysv(SysvCall::Shmget { key: int(0), size: a[1], flags: int(2) }),
        LibFn::Shmat => Call::Sysv(SysvCall::Shmat { id: int(0), addr: a[1], flags: int(2) }),
        LibFn::Shmdt => Call::Sysv(SysvCall::Shmdt { addr: a[0] }),
        LibFn::Shmctl => Call::Sysv(SysvCall::Shmctl { id: int(0), cmd: int(1), buf: a[2] }),
        LibFn::Msgget => Call::Sysv(SysvCall::Msgget { key: int(0), flags: int(1) }),
        LibFn::Msgsnd => Call::Sysv(SysvCall::Msgsnd { id: int(0), msg: a[1], size: a[2], flags: int(3) }),
        LibFn::Msgrcv => Call::Sysv(SysvCall::Msgrcv { id: int(0), msg: a[1], size: a[2], typ: a[3] as i64, flags: int(4) }),
        LibFn::Msgctl => Call::Sysv(SysvCall::Msgctl { id: int(0), cmd: int(1), buf: a[2] }),
        LibFn::Semget => Call::Sysv(SysvCall::Semget { key: int(0), nsems: int(1), flags: int(2) }),
        LibFn::Semop => Call::Sysv(SysvCall::Semop { id: int(0), sops: a[1], nsops: a[2] }),
        LibFn::Semctl => Call::Sysv(SysvCall::Semctl { id: int(0), num: int(1), cmd: int(2), arg: a[3] }),
        LibFn::Wait => Call::Proc(ProcCall::Wait { status: a[0] }),
        LibFn::Waitpid => Call::Proc(ProcCall::Waitpid { pid: int(0), status: a[1], options: int(2) }),
        LibFn::Kill => Call::Proc(ProcCall::Kill { pid: int(0), sig: int(1) }),
        LibFn::Signal => Call::Proc(ProcCall::Signal { sig: int(0), handler: a[1] }),
        LibFn::Sigaction => Call::Proc(ProcCall::Sigaction { sig: int(0), act: a[1], old: a[2] }),
        LibFn::Sigprocmask => Call::Proc(ProcCall::Sigprocmask { how: int(0), set: a[1], old: a[2] }),
        LibFn::Sigpending => Call::Proc(ProcCall::Sigpending { set: a[0] }),
        LibFn::Sigsuspend => Call::Proc(ProcCall::Sigsuspend { mask: p.mem.load(sh, a[0], MemTy::I64).map_err(|_| EFAULT) }),
        LibFn::Pause => Call::Proc(ProcCall::Pause),
        LibFn::Alarm => Call::Proc(ProcCall::Alarm { secs: a[0] as u32 }),
        LibFn::Setitimer => Call::Proc(ProcCall::Setitimer { which: int(0), value: itimerval(p, sh, a[1]), old: a[2] }),
        LibFn::Getitimer => Call::Proc(ProcCall::Getitimer { which: int(0), out: a[1] }),
        LibFn::Sigqueue => Call::Proc(ProcCall::Sigqueue { pid: int(0), sig: int(1), value: a[2] }),
        LibFn::Sigtimedwait => Call::Proc(ProcCall::Sigtimedwait {
            set: p.mem.load(sh, a[0], MemTy::I64).map_err(|_| EFAULT),
            info: a[1],
            timeout: if a[2] == 0 { Ok(None) } else { timespec(p, sh, a[2]).map(Some) },
        }),
        LibFn::Raise => Call::Proc(ProcCall::Raise { sig: int(0) }),
        LibFn::Sleep => sleep(SleepFn::Sleep, Ok((a[0] as u32 as u64) * 1_000_000_000)),
        LibFn::Usleep => sleep(SleepFn::Usleep, Ok((a[0] as u32 as u64) * 1_000)),
        LibFn::Nanosleep => sleep(SleepFn::Nanosleep { rem: a[1] }, timespec(p, sh, a[0])),
        LibFn::Time => Call::Time(TimeCall::Time { out: a[0] }),
        LibFn::ClockGettime => Call::Time(TimeCall::ClockGettime { clock: int(0), out: a[1], micro: false }),
        LibFn::Gettimeofday => Call::Time(TimeCall::ClockGettime { clock: 0, out: a[0], micro: true }),
        LibFn::Read => Call::Fd(FdCall::Read { fd: int(0), buf: a[1], len: a[2], at: None }),
        LibFn::Write => Call::Fd(FdCall::Write { fd: int(0), src: Src::Mem(a[1]), len: a[2], at: None }),
        LibFn::Pread => Call::Fd(FdCall::Read { fd: int(0), buf: a[1], len: a[2], at: Some(a[3] as i64) }),
        LibFn::Pwrite => Call::Fd(FdCall::Write { fd: int(0), src: Src::Mem(a[1]), len: a[2], at: Some(a[3] as i64) }),
        LibFn::Close => Call::Fd(FdCall::Close { fd: int(0) }),
        LibFn::Dup => Call::Fd(FdCall::Dup { fd: int(0) }),
        LibFn::Dup2 => Call::Fd(FdCall::Dup2 { old: int(0), new: int(1) }),
        // The record-lock commands take a `struct flock *`.
        LibFn::Fcntl => match int(1) {
            cmd @ (F_GETLK | F_SETLK | F_SETLKW) => Call::Fd(FdCall::Lock { fd: int(0), cmd, lock: a[2] }),
            cmd => Call::Fd(FdCall::Fcntl { fd: int(0), cmd, arg: a[2] as i64 }),
        },
        LibFn::Flock => Call::Fd(FdCall::Flock { fd: int(0), op: int(1) }),
        LibFn::Pipe => Call::Pipe(PipeCall::Pipe { fds: a[0], flags: 0 }),
        LibFn::Pipe2 => Call::Pipe(PipeCall::Pipe { fds: a[0], flags: int(1) }),
        LibFn::Fsync | LibFn::Fdatasync => Call::Fd(FdCall::Fsync { fd: int(0) }),
        LibFn::Rename => Call::Fs(FsCall::Rename { old: a[0], new: a[1] }),
        LibFn::ShmOpen => Call::Shm(ShmCall::Open { name: a[0], oflag: int(1), mode: a[2] as u32 }),
        LibFn::ShmUnlink => Call::Shm(ShmCall::Unlink { name: a[0] }),
        LibFn::Ftruncate => Call::Shm(ShmCall::Ftruncate { fd: int(0), len: a[1] as i64 }),
        LibFn::Mmap => Call::Shm(ShmCall::Mmap { len: a[1], prot: int(2), flags: int(3), fd: int(4), off: a[5] as i64 }),
        LibFn::Munmap => Call::Shm(ShmCall::Munmap { addr: a[0], len: a[1] }),
        LibFn::SemInit => Call::Sem(SemCall::Init { sem: a[0], pshared: int(1), value: a[2] as u32 }),
        LibFn::SemDestroy => Call::Sem(SemCall::Destroy { sem: a[0] }),
        LibFn::SemWait => Call::Sem(SemCall::Wait { sem: a[0] }),
        LibFn::SemTrywait => Call::Sem(SemCall::TryWait { sem: a[0] }),
        LibFn::SemPost => Call::Sem(SemCall::Post { sem: a[0] }),
        LibFn::SemGetvalue => Call::Sem(SemCall::GetValue { sem: a[0], out: a[1] }),
        LibFn::SemOpen => Call::Sem(SemCall::Open { name: a[0], oflag: int(1), mode: a[2] as u32, value: a[3] as u32 }),
        LibFn::SemClose => Call::Sem(SemCall::Close { sem: a[0] }),
        LibFn::SemUnlink => Call::Sem(SemCall::Unlink { name: a[0] }),
        LibFn::MqOpen => Call::Mq(MqCall::Open { name: a[0], oflag: int(1), mode: a[2] as u32, attr: a[3] }),
        LibFn::MqClose => Call::Mq(MqCall::Close { mqd: int(0) }),
        LibFn::MqUnlink => Call::Mq(MqCall::Unlink { name: a[0] }),
        LibFn::MqSend => Call::Mq(MqCall::Send { mqd: int(0), msg: a[1], len: a[2], prio: a[3] as u32, timeout: None }),
        LibFn::MqNotify => Call::Mq(MqCall::Notify { mqd: int(0), sev: a[1] }),
        LibFn::MqReceive => Call::Mq(MqCall::Receive { mqd: int(0), buf: a[1], len: a[2], prio: a[3], timeout: None }),
        LibFn::MqTimedsend => {
            Call::Mq(MqCall::Send { mqd: int(0), msg: a[1], len: a[2], prio: a[3] as u32, timeout: Some(abstime(p, sh, a[4], false)) })
        }
        LibFn::MqTimedreceive => {
            Call::Mq(MqCall::Receive { mqd: int(0), buf: a[1], len: a[2], prio: a[3], timeout: Some(abstime(p, sh, a[4], false)) })
        }
        LibFn::SemTimedwait => Call::Sem(SemCall::TimedWait { sem: a[0], abstime: abstime(p, sh, a[1], true) }),
        LibFn::MqGetattr => Call::Mq(MqCall::GetAttr { mqd: int(0), attr: a[1] }),
        LibFn::MqSetattr => Call::Mq(MqCall::SetAttr { mqd: int(0), new: a[1], old: a[2] }),
        LibFn::Socketpair => Call::Sock(SockCall::Socketpair { domain: int(0), ty: int(1), protocol: int(2), sv: a[3] }),
        LibFn::Socket => Call::Sock(SockCall::Socket { domain: int(0), ty: int(1), protocol: int(2) }),
        LibFn::Bind => Call::Sock(SockCall::Bind { fd: int(0), addr: a[1], len: a[2] as u32 }),
        LibFn::Listen => Call::Sock(SockCall::Listen { fd: int(0), backlog: int(1) }),
        LibFn::Accept => Call::Sock(SockCall::Accept { fd: int(0), addr: a[1], len: a[2] }),
        LibFn::Connect => Call::Sock(SockCall::Connect { fd: int(0), addr: a[1], len: a[2] as u32 }),
        LibFn::Send => Call::Sock(SockCall::Send { fd: int(0), buf: a[1], len: a[2], flags: int(3), to: 0, tolen: 0, sendto: false }),
        LibFn::Sendto => {
            Call::Sock(SockCall::Send { fd: int(0), buf: a[1], len: a[2], flags: int(3), to: a[4], tolen: a[5] as u32, sendto: true })
        }
        LibFn::Recv => Call::Sock(SockCall::Recv { fd: int(0), buf: a[1], len: a[2], flags: int(3), from: 0, fromlen: 0, recvfrom: false }),
        LibFn::Recvfrom => {
            Call::Sock(SockCall::Recv { fd: int(0), buf: a[1], len: a[2], flags: int(3), from: a[4], fromlen: a[5], recvfrom: true })
        }
        LibFn::Shutdown => Call::Sock(SockCall::Shutdown { fd: int(0), how: int(1) }),
        LibFn::Poll => Call::Fd(FdCall::Poll { fds: a[0], nfds: a[1], timeout_ms: int(2) }),
        LibFn::Select => Call::Fd(FdCall::Select { nfds: int(0), sets: [a[1], a[2], a[3]], timeout: a[4] }),
        LibFn::Getsockname => Call::Sock(SockCall::Name { fd: int(0), addr: a[1], len: a[2], peer: false }),
        LibFn::Getpeername => Call::Sock(SockCall::Name { fd: int(0), addr: a[1], len: a[2], peer: true }),
        LibFn::Setsockopt => Call::Sock(SockCall::SetOpt { fd: int(0), level: int(1), name: int(2), val: a[3], len: a[4] as u32 }),
        LibFn::Getsockopt => Call::Sock(SockCall::GetOpt { fd: int(0), level: int(1), name: int(2), val: a[3], len: a[4] }),
        LibFn::Unlink | LibFn::Remove => Call::Fs(FsCall::Unlink { path: a[0] }),
        LibFn::Open => Call::Fs(FsCall::Open { path: a[0], flags: int(1), mode: a[2] as u32 }),
        LibFn::Creat => Call::Fs(FsCall::Open { path: a[0], flags: 0o1101, mode: a[1] as u32 }),
        LibFn::Lseek => Call::Fs(FsCall::Lseek { fd: int(0), off: a[1] as i64, whence: int(2) }),
        // No symbolic links in the run's file system: lstat is stat.
        LibFn::Stat | LibFn::Lstat => Call::Fs(FsCall::Stat { path: a[0], buf: a[1] }),
        LibFn::Umask => Call::Fs(FsCall::Umask { mask: a[0] as u32 }),
        LibFn::Chmod => Call::Fs(FsCall::Chmod { path: a[0], mode: a[1] as u32 }),
        LibFn::Fchmod => Call::Fs(FsCall::Fchmod { fd: int(0), mode: a[1] as u32 }),
        LibFn::Access => Call::Fs(FsCall::Access { path: a[0], mode: int(1) }),
        LibFn::Mkdir => Call::Fs(FsCall::Mkdir { path: a[0], mode: a[1] as u32 }),
        LibFn::Mkfifo => Call::Fs(FsCall::Mkfifo { path: a[0], mode: a[1] as u32 }),
        LibFn::Rmdir => Call::Fs(FsCall::Rmdir { path: a[0] }),
        LibFn::Chdir => Call::Fs(FsCall::Chdir { path: a[0] }),
        LibFn::Getcwd => Call::Fs(FsCall::Getcwd { buf: a[0], size: a[1] }),
        LibFn::Opendir => Call::Fs(FsCall::Opendir { path: a[0] }),
        LibFn::Fstat => Call::Fs(FsCall::Fstat { fd: int(0), buf: a[1] }),
        LibFn::MboxOpen => Call::Msg(MsgCall::MboxOpen { name: a[0], capacity: int(1) }),
        LibFn::MboxSend => Call::Msg(MsgCall::MboxSend { mb: int(0), msg: a[1], len: a[2], block: true }),
        LibFn::MboxTrySend => Call::Msg(MsgCall::MboxSend { mb: int(0), msg: a[1], len: a[2], block: false }),
        LibFn::MboxReceive => Call::Msg(MsgCall::MboxReceive { mb: int(0), buf: a[1], cap: a[2], block: true }),
        LibFn::MboxTryReceive => Call::Msg(MsgCall::MboxReceive { mb: int(0), buf: a[1], cap: a[2], block: false }),
        LibFn::MboxClose => Call::Msg(MsgCall::MboxClose { mb: int(0) }),
        LibFn::SendTo => Call::Msg(MsgCall::SendTo { pid: int(0), msg: a[1], len: a[2] }),
        LibFn::ReceiveFrom => Call::Msg(MsgCall::ReceiveFrom { pid: int(0), buf: a[1], cap: a[2] }),
        LibFn::LinkCapacity => Call::Msg(MsgCall::LinkCapacity { n: int(0) }),
        LibFn::OpBegin => Call::Op(OpCall::Begin { name: a[0], value: a[1] as i64 }),
        LibFn::OpEnd => Call::Op(OpCall::End { value: a[0] as i64 }),
        other => unreachable!("{} is not a system call (ir::is_syscall)", other.name()),
    }
}

fn sleep(how: SleepFn, ns: Result<u64, i32>) -> Call {
    Call::Time(TimeCall::Sleep { how, ns })
}

/// An absolute `struct timespec` deadline in ns: `EFAULT` if unreadable,
/// `EINVAL` for nanoseconds out of range, or (the kernel's check, not
/// glibc's `sem_timedwait`'s) negative seconds; a deadline before the
/// epoch is 0.
fn abstime(p: &Process, sh: &dyn Shared, at: u64, negative_ok: bool) -> Result<u64, i32> {
    let sec = p.mem.load(sh, at, MemTy::I64).map_err(|_| EFAULT)? as i64;
    let nsec = p.mem.load(sh, at.wrapping_add(8), MemTy::I64).map_err(|_| EFAULT)? as i64;
    if !(0..1_000_000_000).contains(&nsec) || sec < 0 && !negative_ok {
        return Err(EINVAL);
    }
    Ok((sec.max(0) as u64).saturating_mul(1_000_000_000).saturating_add(nsec as u64))
}

/// A `struct timespec` as nanoseconds: `EFAULT` if unreadable, `EINVAL`
/// if out of range (as `nanosleep` checks it).
/// A `struct itimerval` (two `struct timeval`s), in ns; a null pointer
/// is a disarmed timer, as Linux takes it.
fn itimerval(p: &Process, sh: &dyn Shared, at: u64) -> Result<crate::abi::call::Itimer, i32> {
    if at == 0 {
        return Ok(crate::abi::call::Itimer { interval: 0, value: 0 });
    }
    let timeval = |at: u64| -> Result<u64, i32> {
        let sec = p.mem.load(sh, at, MemTy::I64).map_err(|_| EFAULT)? as i64;
        let usec = p.mem.load(sh, at.wrapping_add(8), MemTy::I64).map_err(|_| EFAULT)? as i64;
        if sec < 0 || !(0..1_000_000).contains(&usec) {
            return Err(EINVAL);
        }
        Ok((sec as u64).saturating_mul(1_000_000_000).saturating_add(usec as u64 * 1000))
    };
    Ok(crate::abi::call::Itimer { interval: timeval(at)?, value: timeval(at.wrapping_add(16))? })
}

fn timespec(p: &Process, sh: &dyn Shared, at: u64) -> Result<u64, i32> {
    let sec = p.mem.load(sh, at, MemTy::I64).map_err(|_| EFAULT)? as i64;
    let nsec = p.mem.load(sh, at.wrapping_add(8), MemTy::I64).map_err(|_| EFAULT)? as i64;
    if sec < 0 || !(0..1_000_000_000).contains(&nsec) {
        return Err(EINVAL);
    }
    Ok((sec as u64).saturating_mul(1_000_000_000).saturating_add(nsec as u64))
}
