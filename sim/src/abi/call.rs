//! The system calls a process asks its kernel for, typed and decoded once
//! by the interpreter (DESIGN.md's seam). Each backend matches a [`Call`]
//! once: the simulated kernel dispatches a family to the objects that own
//! its rules, the real backend makes the real call. Buffers and
//! out-parameters are addresses in the caller's memory ([`Addr`]): the
//! backend reads or writes them through the caller's memory, so a bad
//! pointer is `EFAULT` exactly where Linux would say so.

/// An address in the calling process's memory.
pub type Addr = u64;

/// The absolute `CLOCK_REALTIME` time (ns) a timed call gives up at, or
/// the errno of an unreadable or invalid `struct timespec`.
pub type Deadline = Result<u64, i32>;

/// A file descriptor as the program passed it.
pub type Fd = i32;

/// A system call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Call {
    /// Processes and signals.
    Proc(ProcCall),
    /// Clocks and sleeping.
    Time(TimeCall),
    /// Descriptors: reading, writing, duplicating, closing.
    Fd(FdCall),
    /// Creating pipes.
    Pipe(PipeCall),
    /// POSIX shared memory and mappings.
    Shm(ShmCall),
    /// POSIX semaphores.
    Sem(SemCall),
    /// POSIX message queues.
    Mq(MqCall),
    /// `AF_UNIX` sockets.
    Sock(SockCall),
    /// Names in the file system.
    Fs(FsCall),
    /// `ipcsim.h`'s mailboxes and direct links.
    Msg(MsgCall),
    /// System V IPC: shared memory segments, message queues, semaphore
    /// sets.
    Sysv(SysvCall),
    /// `ipcsim.h`'s marks of an operation's start and end (specification
    /// mode).
    Op(OpCall),
}

/// Marks of the history that specification mode judges: they do nothing
/// but record, in the order the run makes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpCall {
    /// `ipcsim_op_begin(name, value)`.
    Begin {
        /// The operation's name (a C string).
        name: Addr,
        /// Its argument (the item produced).
        value: i64,
    },
    /// `ipcsim_op_end(result)`.
    End {
        /// Its result (the item consumed).
        value: i64,
    },
}

/// Calls of System V IPC. Ids are Linux's (`index + 32768 * seq`); the
/// structures (`shmid_ds`, `msqid_ds`, `semid_ds`, `sembuf`, a message's
/// `long` type then text) are glibc's x86_64 layouts in the caller's
/// memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SysvCall {
    /// `ftok(path, id)`.
    Ftok {
        /// The path (a C string).
        path: Addr,
        /// The project id (its low 8 bits count).
        id: i32,
    },
    /// `shmget(key, size, flags)`.
    Shmget {
        /// The key (`IPC_PRIVATE`: always a new segment).
        key: i32,
        /// Bytes.
        size: u64,
        /// `IPC_CREAT`, `IPC_EXCL`, permissions.
        flags: i32,
    },
    /// `shmat(id, addr, flags)`.
    Shmat {
        /// The segment.
        id: i32,
        /// The address asked for (ignored: the kernel chooses).
        addr: Addr,
        /// `SHM_RDONLY`.
        flags: i32,
    },
    /// `shmdt(addr)`.
    Shmdt {
        /// What `shmat` returned.
        addr: Addr,
    },
    /// `shmctl(id, cmd, buf)`.
    Shmctl {
        /// The segment.
        id: i32,
        /// `IPC_RMID`, `IPC_STAT`, `IPC_SET`.
        cmd: i32,
        /// The `struct shmid_ds`.
        buf: Addr,
    },
    /// `msgget(key, flags)`.
    Msgget {
        /// The key.
        key: i32,
        /// `IPC_CREAT`, `IPC_EXCL`, permissions.
        flags: i32,
    },
    /// `msgsnd(id, msg, size, flags)`.
    Msgsnd {
        /// The queue.
        id: i32,
        /// The message: a `long` type, then the text.
        msg: Addr,
        /// Bytes of text.
        size: u64,
        /// `IPC_NOWAIT`.
        flags: i32,
    },
    /// `msgrcv(id, msg, size, type, flags)`.
    Msgrcv {
        /// The queue.
        id: i32,
        /// Where the type and text go.
        msg: Addr,
        /// Room for text.
        size: u64,
        /// 0: the first; > 0: the first of that type; < 0: the lowest
        /// type up to its magnitude.
        typ: i64,
        /// `IPC_NOWAIT`, `MSG_NOERROR`, `MSG_EXCEPT`.
        flags: i32,
    },
    /// `msgctl(id, cmd, buf)`.
    Msgctl {
        /// The queue.
        id: i32,
        /// `IPC_RMID`, `IPC_STAT`, `IPC_SET`.
        cmd: i32,
        /// The `struct msqid_ds`.
        buf: Addr,
    },
    /// `semget(key, nsems, flags)`.
    Semget {
        /// The key.
        key: i32,
        /// Semaphores in the set.
        nsems: i32,
        /// `IPC_CREAT`, `IPC_EXCL`, permissions.
        flags: i32,
    },
    /// `semop(id, sops, nsops)`.
    Semop {
        /// The set.
        id: i32,
        /// The `struct sembuf` array.
        sops: Addr,
        /// Its length.
        nsops: u64,
    },
    /// `semctl(id, num, cmd, arg)`.
    Semctl {
        /// The set.
        id: i32,
        /// The semaphore.
        num: i32,
        /// `GETVAL`, `SETVAL`, `GETALL`, `SETALL`, `GETNCNT`, `GETZCNT`,
        /// `GETPID`, `IPC_RMID`, `IPC_STAT`.
        cmd: i32,
        /// `union semun` as passed (a value or a pointer).
        arg: u64,
    },
}

/// Calls of `ipcsim.h` (LANGUAGE.md): mailboxes (indirect communication,
/// a descriptor per open mailbox) and direct links between processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MsgCall {
    /// `mbox_open(name, capacity)`.
    MboxOpen {
        /// The name (a C string).
        name: Addr,
        /// Messages it holds: -1 unbounded, 0 rendezvous.
        capacity: i32,
    },
    /// `mbox_send` (`block`) or `mbox_try_send`.
    MboxSend {
        /// The mailbox descriptor.
        mb: Fd,
        /// The message.
        msg: Addr,
        /// Its length.
        len: u64,
        /// Waits rather than fail with `EAGAIN`.
        block: bool,
    },
    /// `mbox_receive` (`block`) or `mbox_try_receive`.
    MboxReceive {
        /// The mailbox descriptor.
        mb: Fd,
        /// Where the message goes.
        buf: Addr,
        /// The buffer's size.
        cap: u64,
        /// Waits rather than fail with `EAGAIN`.
        block: bool,
    },
    /// `mbox_close(mb)`.
    MboxClose {
        /// The mailbox descriptor.
        mb: Fd,
    },
    /// `send_to(pid, msg, len)`.
    SendTo {
        /// The receiver.
        pid: i32,
        /// The message.
        msg: Addr,
        /// Its length.
        len: u64,
    },
    /// `receive_from(pid, buf, cap)`.
    ReceiveFrom {
        /// The sender, or `ANY_PROCESS` (-1).
        pid: i32,
        /// Where the message goes.
        buf: Addr,
        /// The buffer's size.
        cap: u64,
    },
    /// `link_capacity(n)`.
    LinkCapacity {
        /// Buffering of the links this process creates from now on.
        n: i32,
    },
}

/// Calls on `AF_UNIX` sockets. An address is a `struct sockaddr_un` in
/// the caller's memory with the length the program passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SockCall {
    /// `socketpair(domain, type, protocol, sv)`.
    Socketpair {
        /// `AF_UNIX`.
        domain: i32,
        /// `SOCK_STREAM`.. with `SOCK_NONBLOCK`, `SOCK_CLOEXEC`.
        ty: i32,
        /// 0.
        protocol: i32,
        /// Where the two descriptors go.
        sv: Addr,
    },
    /// `socket(domain, type, protocol)`.
    Socket {
        /// `AF_UNIX`.
        domain: i32,
        /// `SOCK_STREAM`.. with `SOCK_NONBLOCK`, `SOCK_CLOEXEC`.
        ty: i32,
        /// 0.
        protocol: i32,
    },
    /// `bind(fd, addr, len)`.
    Bind {
        /// The socket.
        fd: Fd,
        /// The address.
        addr: Addr,
        /// Its length.
        len: u32,
    },
    /// `listen(fd, backlog)`.
    Listen {
        /// The socket.
        fd: Fd,
        /// Connections that may wait for `accept`.
        backlog: i32,
    },
    /// `accept(fd, addr, len)`.
    Accept {
        /// The listening socket.
        fd: Fd,
        /// Where the peer's address goes (0: nowhere).
        addr: Addr,
        /// In: room at `addr`; out: the address's length.
        len: Addr,
    },
    /// `connect(fd, addr, len)`.
    Connect {
        /// The socket.
        fd: Fd,
        /// The address.
        addr: Addr,
        /// Its length.
        len: u32,
    },
    /// `send(fd, buf, len, flags)` or `sendto(..., to, tolen)`.
    Send {
        /// The socket.
        fd: Fd,
        /// The bytes.
        buf: Addr,
        /// Their length.
        len: u64,
        /// `MSG_DONTWAIT`, `MSG_NOSIGNAL`.
        flags: i32,
        /// The destination (`sendto`; 0: none).
        to: Addr,
        /// Its length.
        tolen: u32,
        /// Called as `sendto`.
        sendto: bool,
    },
    /// `recv(fd, buf, len, flags)` or `recvfrom(..., from, fromlen)`.
    Recv {
        /// The socket.
        fd: Fd,
        /// Destination.
        buf: Addr,
        /// Its size.
        len: u64,
        /// `MSG_DONTWAIT`, `MSG_PEEK`, `MSG_TRUNC`.
        flags: i32,
        /// Where the sender's address goes (`recvfrom`; 0: nowhere).
        from: Addr,
        /// In: room at `from`; out: the address's length.
        fromlen: Addr,
        /// Called as `recvfrom`.
        recvfrom: bool,
    },
    /// `shutdown(fd, how)`.
    Shutdown {
        /// The socket.
        fd: Fd,
        /// `SHUT_RD`, `SHUT_WR`, `SHUT_RDWR`.
        how: i32,
    },
    /// `getsockname(fd, addr, len)` or `getpeername(...)`.
    Name {
        /// The socket.
        fd: Fd,
        /// Where the address goes.
        addr: Addr,
        /// In: room at `addr`; out: the address's length.
        len: Addr,
        /// `getpeername`: the other end's address.
        peer: bool,
    },
    /// `setsockopt(fd, level, name, val, len)`.
    SetOpt {
        /// The socket.
        fd: Fd,
        /// `SOL_SOCKET`, `IPPROTO_TCP`, ...
        level: i32,
        /// `SO_REUSEADDR`, ...
        name: i32,
        /// The value.
        val: Addr,
        /// Its length.
        len: u32,
    },
    /// `getsockopt(fd, level, name, val, len)`.
    GetOpt {
        /// The socket.
        fd: Fd,
        /// `SOL_SOCKET`, `IPPROTO_TCP`, ...
        level: i32,
        /// `SO_ERROR`, ...
        name: i32,
        /// Where the value goes.
        val: Addr,
        /// In: room at `val`; out: the value's length.
        len: Addr,
    },
}

/// Calls on names in the file system (socket paths, regular files,
/// `/dev/null`, `/dev/zero`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FsCall {
    /// `open(path, flags, mode)` (`creat` is `O_CREAT|O_WRONLY|O_TRUNC`).
    Open {
        /// The path (a C string).
        path: Addr,
        /// `O_RDONLY`.. `O_CREAT`, `O_EXCL`, `O_TRUNC`, `O_APPEND`.
        flags: i32,
        /// Permission bits.
        mode: u32,
    },
    /// `stat(path, buf)`.
    Stat {
        /// The path (a C string).
        path: Addr,
        /// The `struct stat` (144 bytes).
        buf: Addr,
    },
    /// `access(path, mode)`.
    Access {
        /// The path (a C string).
        path: Addr,
        /// `F_OK`, or `R_OK | W_OK | X_OK`.
        mode: i32,
    },
    /// `mkdir(path, mode)`.
    Mkdir {
        /// The path (a C string).
        path: Addr,
        /// Permission bits (less the umask when made).
        mode: u32,
    },
    /// `chdir(path)`.
    Chdir {
        /// The path (a C string).
        path: Addr,
    },
    /// `getcwd(buf, size)`: the working directory into `buf`; the
    /// result is its length with the NUL (the library gives `buf`).
    Getcwd {
        /// Where it goes.
        buf: Addr,
        /// Room there.
        size: u64,
    },
    /// `rmdir(path)`.
    Rmdir {
        /// The path (a C string).
        path: Addr,
    },
    /// `opendir(path)`: the listing goes into the caller's directory
    /// streams; the result is the `DIR *`.
    Opendir {
        /// The path (a C string).
        path: Addr,
    },
    /// `mkfifo(path, mode)`.
    Mkfifo {
        /// The path (a C string).
        path: Addr,
        /// Permission bits.
        mode: u32,
    },
    /// `chmod(path, mode)`.
    Chmod {
        /// The path (a C string).
        path: Addr,
        /// New permission bits.
        mode: u32,
    },
    /// `fchmod(fd, mode)`.
    Fchmod {
        /// The descriptor.
        fd: i32,
        /// New permission bits.
        mode: u32,
    },
    /// `umask(mask)`: the old mask.
    Umask {
        /// The new mask.
        mask: u32,
    },
    /// `rename(old, new)`.
    Rename {
        /// The old path (a C string).
        old: Addr,
        /// The new path (a C string).
        new: Addr,
    },
    /// `fstat(fd, buf)`.
    Fstat {
        /// Descriptor.
        fd: Fd,
        /// The `struct stat` (144 bytes).
        buf: Addr,
    },
    /// `lseek(fd, offset, whence)`.
    Lseek {
        /// Descriptor.
        fd: Fd,
        /// Offset.
        off: i64,
        /// `SEEK_SET`, `SEEK_CUR`, `SEEK_END`.
        whence: i32,
    },
    /// `unlink(path)`.
    Unlink {
        /// The path (a C string).
        path: Addr,
    },
}

/// Calls on POSIX message queues. A `mqd_t` is a descriptor, as on
/// Linux; a `struct mq_attr` is eight `long`s (flags, maxmsg, msgsize,
/// curmsgs, padding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MqCall {
    /// `mq_open(name, oflag[, mode, attr])`.
    Open {
        /// The name (a C string).
        name: Addr,
        /// `O_RDONLY`.. `O_CREAT`, `O_EXCL`, `O_NONBLOCK`.
        oflag: i32,
        /// Permission bits.
        mode: u32,
        /// The queue's `struct mq_attr` when created (0: the defaults).
        attr: Addr,
    },
    /// `mq_close(mqd)`.
    Close {
        /// The queue descriptor.
        mqd: Fd,
    },
    /// `mq_unlink(name)`.
    Unlink {
        /// The name (a C string).
        name: Addr,
    },
    /// `mq_send(mqd, msg, len, prio)` or `mq_timedsend(..., abstime)`.
    Send {
        /// The queue descriptor.
        mqd: Fd,
        /// The message.
        msg: Addr,
        /// Its length.
        len: u64,
        /// Its priority.
        prio: u32,
        /// `mq_timedsend`'s deadline.
        timeout: Option<Deadline>,
    },
    /// `mq_receive(mqd, buf, len, prio)` or `mq_timedreceive(..., abstime)`.
    Receive {
        /// The queue descriptor.
        mqd: Fd,
        /// Where the message goes.
        buf: Addr,
        /// The buffer's size.
        len: u64,
        /// Where its priority goes (0: nowhere).
        prio: Addr,
        /// `mq_timedreceive`'s deadline.
        timeout: Option<Deadline>,
    },
    /// `mq_getattr(mqd, attr)`.
    GetAttr {
        /// The queue descriptor.
        mqd: Fd,
        /// Where the attributes go.
        attr: Addr,
    },
    /// `mq_setattr(mqd, new, old)`: only `O_NONBLOCK` changes.
    SetAttr {
        /// The queue descriptor.
        mqd: Fd,
        /// The new flags' `struct mq_attr`.
        new: Addr,
        /// Where the old attributes go (0: nowhere).
        old: Addr,
    },
    /// `mq_notify(mqd, sevp)`.
    Notify {
        /// The queue descriptor.
        mqd: Fd,
        /// The `struct sigevent` (0: unregister).
        sev: Addr,
    },
}

/// A `struct itimerval`, in ns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Itimer {
    /// `it_interval`: the period after the first expiry (0: once).
    pub interval: u64,
    /// `it_value`: time to the first expiry (0: disarmed).
    pub value: u64,
}

/// Calls on processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProcCall {
    /// `fork()`.
    Fork,
    /// `getpid()`.
    Getpid,
    /// `getppid()`.
    Getppid,
    /// `sched_yield()`.
    Yield,
    /// `getpgrp()`: the caller's process group.
    Getpgrp,
    /// `getpgid(pid)` (0: the caller).
    Getpgid {
        /// Whose.
        pid: i32,
    },
    /// `setpgid(pid, pgid)` (0: the caller; a `pgid` of 0: the target's pid).
    Setpgid {
        /// Whose group changes: the caller or a child of its.
        pid: i32,
        /// The group to join or make.
        pgid: i32,
    },
    /// `getsid(pid)` (0: the caller).
    Getsid {
        /// Whose.
        pid: i32,
    },
    /// `setsid()`: a new session and group led by the caller.
    Setsid,
    /// `wait(status)`.
    Wait {
        /// Where the status word goes (0: nowhere).
        status: Addr,
    },
    /// `waitpid(pid, status, options)`.
    Waitpid {
        /// Which child (-1: any).
        pid: i32,
        /// Where the status word goes (0: nowhere).
        status: Addr,
        /// `WNOHANG`.
        options: i32,
    },
    /// `kill(pid, sig)`.
    Kill {
        /// Target (0, -1 and -pgid: a group).
        pid: i32,
        /// Signal (0: just check).
        sig: i32,
    },
    /// `sigqueue(pid, sig, value)`: `kill` of one process, with a value
    /// its handler or `sigwaitinfo` sees (`si_code` `SI_QUEUE`).
    Sigqueue {
        /// Target.
        pid: i32,
        /// Signal (0: just check).
        sig: i32,
        /// `si_value`.
        value: u64,
    },
    /// `sigtimedwait(set, info, timeout)` (`sigwaitinfo` and `sigwait`
    /// too): takes a pending signal of `set` instead of delivering it.
    Sigtimedwait {
        /// The signals waited for (or the errno of a bad pointer).
        set: Result<u64, i32>,
        /// Where its `siginfo_t` goes (0: nowhere).
        info: u64,
        /// How long to wait (`None`: for ever), or the errno of a bad one.
        timeout: Result<Option<u64>, i32>,
    },
    /// `signal(sig, handler)`: `SIG_DFL`, `SIG_IGN` or a function.
    Signal {
        /// Signal.
        sig: i32,
        /// The handler value.
        handler: u64,
    },
    /// `sigaction(sig, act, old)`.
    Sigaction {
        /// Signal.
        sig: i32,
        /// The new `struct sigaction` (0: none).
        act: Addr,
        /// Where the old one goes (0: nowhere).
        old: Addr,
    },
    /// `sigprocmask(how, set, old)`.
    Sigprocmask {
        /// `SIG_BLOCK`, `SIG_UNBLOCK` or `SIG_SETMASK`.
        how: i32,
        /// The set (0: only read the mask).
        set: Addr,
        /// Where the old mask goes (0: nowhere).
        old: Addr,
    },
    /// `sigpending(set)`.
    Sigpending {
        /// Where the set goes.
        set: Addr,
    },
    /// `pause()`: waits for a handler to run.
    Pause,
    /// `sigsuspend(mask)`: waits for a handler to run with this mask
    /// (read from the caller's `sigset_t`, or the errno of a bad pointer).
    Sigsuspend {
        /// The temporary mask (bit n-1 for signal n, as the kernel's).
        mask: Result<u64, i32>,
    },
    /// `alarm(seconds)`.
    Alarm {
        /// Seconds (0 cancels).
        secs: u32,
    },
    /// `setitimer(which, new, old)`: the real-time interval timer (the
    /// one `alarm` sets too).
    Setitimer {
        /// `ITIMER_REAL` (0), `ITIMER_VIRTUAL`, `ITIMER_PROF`.
        which: i32,
        /// The new timer read from `*new` (or the errno of a bad one).
        value: Result<Itimer, i32>,
        /// Where the old one goes (0: nowhere).
        old: u64,
    },
    /// `getitimer(which, out)`.
    Getitimer {
        /// Which timer.
        which: i32,
        /// Where it goes.
        out: u64,
    },
    /// `longjmp`/`siglongjmp` (the interpreter already went back to the
    /// `setjmp`): the handlers it left end, the mask `sigsetjmp` saved
    /// comes back; the result is what `setjmp` returns now.
    Longjmp {
        /// Signal handlers jumped out of.
        handlers: u32,
        /// The mask to restore (`siglongjmp` to a `sigsetjmp(env, 1)`).
        mask: Option<u64>,
        /// What `setjmp` returns (1 for 0).
        val: i32,
    },
    /// `raise(sig)`: a signal to the caller itself.
    Raise {
        /// Signal.
        sig: i32,
    },
    /// `execl`, `execlp`, `execle`, `execv`, `execvp`, `execve`: the
    /// arguments wait in the caller's interpreter state.
    Exec {
        /// The path (a C string).
        path: Addr,
        /// Looked up on the path (`execlp`, `execvp`).
        search: bool,
    },
}

/// How a sleep was asked for (the result conventions differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SleepFn {
    /// `sleep(s)`: returns the seconds left (0).
    Sleep,
    /// `usleep(us)`.
    Usleep,
    /// `nanosleep(req, rem)`.
    Nanosleep {
        /// Where the time left goes if interrupted (0: nowhere).
        rem: Addr,
    },
}

/// Calls on clocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeCall {
    /// `sleep`, `usleep`, `nanosleep`: the duration, or the errno of an
    /// invalid or unreadable request.
    Sleep {
        /// Which routine.
        how: SleepFn,
        /// Nanoseconds to sleep, or `Err(errno)`.
        ns: Result<u64, i32>,
    },
    /// `time(out)`.
    Time {
        /// Where the time also goes (0: nowhere).
        out: Addr,
    },
    /// `clock_gettime(clock, out)`, or `gettimeofday(out, NULL)`
    /// (`micro`: a `struct timeval`, CLOCK_REALTIME).
    ClockGettime {
        /// `CLOCK_REALTIME` or `CLOCK_MONOTONIC`.
        clock: i32,
        /// The `struct timespec` (or `timeval`).
        out: Addr,
        /// Microseconds (`gettimeofday`) rather than nanoseconds.
        micro: bool,
    },
}

/// Where the bytes of a `write` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Src {
    /// The program's buffer.
    Mem(Addr),
    /// The front of the process's stdio queue (a flush by the C library).
    Stdio,
}

/// Calls on descriptors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FdCall {
    /// `read(fd, buf, len)`, or `pread(fd, buf, len, off)`.
    Read {
        /// Descriptor.
        fd: Fd,
        /// Destination.
        buf: Addr,
        /// Most bytes to read.
        len: u64,
        /// `pread`'s offset: the file's own offset is left as it was.
        at: Option<i64>,
    },
    /// `write(fd, buf, len)`, a stdio flush, or `pwrite(fd, buf, len,
    /// off)`.
    Write {
        /// Descriptor.
        fd: Fd,
        /// Source.
        src: Src,
        /// Bytes.
        len: u64,
        /// `pwrite`'s offset: the file's own offset is left as it was.
        at: Option<i64>,
    },
    /// glibc filling a `FILE`'s input buffer: `read(fd, <buffer>, len)`,
    /// the bytes going to the process's stdio rather than its memory.
    Fill {
        /// Descriptor.
        fd: Fd,
        /// Most bytes to read (the buffer's size).
        len: u64,
    },
    /// `close(fd)`.
    Close {
        /// Descriptor.
        fd: Fd,
    },
    /// `dup(fd)`.
    Dup {
        /// Descriptor.
        fd: Fd,
    },
    /// `dup2(old, new)`.
    Dup2 {
        /// Source descriptor.
        old: Fd,
        /// Target descriptor.
        new: Fd,
    },
    /// `fsync(fd)`, `fdatasync(fd)`: the simulated files are always on
    /// disk; a pipe or socket is `EINVAL`.
    Fsync {
        /// Descriptor.
        fd: Fd,
    },
    /// `isatty(fd)`: 1 for the captured stdout or stderr with
    /// `--stdout tty`, else 0 with `ENOTTY` (or `EBADF`).
    Isatty {
        /// Descriptor.
        fd: Fd,
    },
    /// `fcntl(fd, cmd, arg)`.
    Fcntl {
        /// Descriptor.
        fd: Fd,
        /// `F_GETFL`, `F_SETFD`, ...
        cmd: i32,
        /// The third argument.
        arg: i64,
    },
    /// `fcntl(fd, F_GETLK | F_SETLK | F_SETLKW, lock)`: a POSIX record
    /// lock, owned by the process, on a byte range of the file.
    Lock {
        /// Descriptor.
        fd: Fd,
        /// `F_GETLK`, `F_SETLK` or `F_SETLKW`.
        cmd: i32,
        /// The `struct flock` (read, and written back by `F_GETLK`).
        lock: Addr,
    },
    /// `flock(fd, op)`: a whole-file lock owned by the open file
    /// description.
    Flock {
        /// Descriptor.
        fd: Fd,
        /// `LOCK_SH`, `LOCK_EX` or `LOCK_UN`, with `LOCK_NB`.
        op: i32,
    },
    /// `poll(fds, nfds, timeout)`.
    Poll {
        /// The `struct pollfd` array.
        fds: Addr,
        /// Its length.
        nfds: u64,
        /// Milliseconds (negative: for ever).
        timeout_ms: i32,
    },
    /// `select(nfds, readfds, writefds, exceptfds, timeout)`.
    Select {
        /// One past the highest descriptor looked at.
        nfds: i32,
        /// The three `fd_set`s (0: none).
        sets: [Addr; 3],
        /// The `struct timeval` (0: for ever).
        timeout: Addr,
    },
}

/// Calls that create pipes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PipeCall {
    /// `pipe(fds)`, `pipe2(fds, flags)`.
    Pipe {
        /// Where the two descriptors go.
        fds: Addr,
        /// `O_NONBLOCK`, `O_CLOEXEC` (0 for `pipe`).
        flags: i32,
    },
}

/// Calls on shared memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShmCall {
    /// `shm_open(name, oflag, mode)`.
    Open {
        /// The name (a C string).
        name: Addr,
        /// `O_CREAT`, `O_EXCL`, ...
        oflag: i32,
        /// Permission bits.
        mode: u32,
    },
    /// `shm_unlink(name)`.
    Unlink {
        /// The name (a C string).
        name: Addr,
    },
    /// `ftruncate(fd, len)`.
    Ftruncate {
        /// Descriptor.
        fd: Fd,
        /// New size.
        len: i64,
    },
    /// `mmap(addr, len, prot, flags, fd, off)`.
    Mmap {
        /// Length in bytes.
        len: u64,
        /// `PROT_*`.
        prot: i32,
        /// `MAP_*`.
        flags: i32,
        /// Descriptor (anonymous mappings: ignored).
        fd: Fd,
        /// Offset in the object (a full 64-bit `off_t`).
        off: i64,
    },
    /// `munmap(addr, len)`.
    Munmap {
        /// Start of the mapping.
        addr: Addr,
        /// Length.
        len: u64,
    },
    /// A fence (`__sync_synchronize`, `atomic_thread_fence`) the memory
    /// model makes a step: under `tso` a full one while stores wait in the
    /// store buffer (the step drains them), under `arm` any but a relaxed
    /// one. No system call natively (an `mfence`, a `dmb`).
    Fence {
        /// The order, as gcc's `__ATOMIC_*` value (5: `seq_cst`).
        order: u8,
    },
}

/// Calls on POSIX semaphores. A semaphore is the 32 bytes of its
/// `sem_t` in the caller's memory (glibc keeps the value in the first
/// four): shared between processes when it lives in a shared mapping (a
/// named one always does), private to one process otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SemCall {
    /// `sem_init(sem, pshared, value)`.
    Init {
        /// The `sem_t`.
        sem: Addr,
        /// Shared between processes (no effect on where it lives).
        pshared: i32,
        /// Initial value.
        value: u32,
    },
    /// `sem_destroy(sem)`.
    Destroy {
        /// The `sem_t`.
        sem: Addr,
    },
    /// `sem_wait(sem)`: blocks while the value is 0.
    Wait {
        /// The `sem_t`.
        sem: Addr,
    },
    /// `sem_timedwait(sem, abstime)`: `ETIMEDOUT` once the deadline passes.
    TimedWait {
        /// The `sem_t`.
        sem: Addr,
        /// The deadline.
        abstime: Deadline,
    },
    /// `sem_trywait(sem)`: `EAGAIN` at 0.
    TryWait {
        /// The `sem_t`.
        sem: Addr,
    },
    /// `sem_post(sem)`.
    Post {
        /// The `sem_t`.
        sem: Addr,
    },
    /// `sem_getvalue(sem, out)`.
    GetValue {
        /// The `sem_t`.
        sem: Addr,
        /// Where the value goes (an `int`).
        out: Addr,
    },
    /// `sem_open(name, oflag[, mode, value])`: a pointer to the named
    /// semaphore (`/dev/shm/sem.NAME`), or `SEM_FAILED` (0).
    Open {
        /// The name (a C string).
        name: Addr,
        /// `O_CREAT`, `O_EXCL`.
        oflag: i32,
        /// Permission bits.
        mode: u32,
        /// Initial value, when created.
        value: u32,
    },
    /// `sem_close(sem)`: unmaps a named semaphore.
    Close {
        /// The `sem_t` `sem_open` returned.
        sem: Addr,
    },
    /// `sem_unlink(name)`.
    Unlink {
        /// The name (a C string).
        name: Addr,
    },
}

impl SemCall {
    /// The semaphore the call works on, if any.
    pub fn sem(&self) -> Option<Addr> {
        match *self {
            SemCall::Init { sem, .. }
            | SemCall::Destroy { sem }
            | SemCall::Wait { sem }
            | SemCall::TimedWait { sem, .. }
            | SemCall::TryWait { sem }
            | SemCall::Post { sem }
            | SemCall::GetValue { sem, .. }
            | SemCall::Close { sem } => Some(sem),
            SemCall::Open { .. } | SemCall::Unlink { .. } => None,
        }
    }
}

impl SockCall {
    /// The socket the call works on, if any.
    pub fn fd(&self) -> Option<Fd> {
        match *self {
            SockCall::Socketpair { .. } | SockCall::Socket { .. } => None,
            SockCall::Bind { fd, .. }
            | SockCall::Listen { fd, .. }
            | SockCall::Accept { fd, .. }
            | SockCall::Connect { fd, .. }
            | SockCall::Send { fd, .. }
            | SockCall::Recv { fd, .. }
            | SockCall::Shutdown { fd, .. }
            | SockCall::Name { fd, .. }
            | SockCall::SetOpt { fd, .. }
            | SockCall::GetOpt { fd, .. } => Some(fd),
        }
    }
}

impl Call {
    /// The C name of the call, as traces print it.
    pub fn name(&self) -> &'static str {
        match self {
            Call::Proc(c) => match c {
                ProcCall::Fork => "fork",
                ProcCall::Getpid => "getpid",
                ProcCall::Getppid => "getppid",
                ProcCall::Yield => "sched_yield",
                ProcCall::Getpgrp => "getpgrp",
                ProcCall::Getpgid { .. } => "getpgid",
                ProcCall::Setpgid { .. } => "setpgid",
                ProcCall::Getsid { .. } => "getsid",
                ProcCall::Setsid => "setsid",
                ProcCall::Wait { .. } => "wait",
                ProcCall::Waitpid { .. } => "waitpid",
                ProcCall::Kill { .. } => "kill",
                ProcCall::Signal { .. } => "signal",
                ProcCall::Sigaction { .. } => "sigaction",
                ProcCall::Sigprocmask { .. } => "sigprocmask",
                ProcCall::Sigpending { .. } => "sigpending",
                ProcCall::Pause => "pause",
                ProcCall::Sigsuspend { .. } => "sigsuspend",
                ProcCall::Alarm { .. } => "alarm",
                ProcCall::Setitimer { .. } => "setitimer",
                ProcCall::Sigqueue { .. } => "sigqueue",
                ProcCall::Longjmp { .. } => "longjmp",
                ProcCall::Sigtimedwait { .. } => "sigtimedwait",
                ProcCall::Getitimer { .. } => "getitimer",
                ProcCall::Raise { .. } => "raise",
                ProcCall::Exec { search: false, .. } => "execv",
                ProcCall::Exec { search: true, .. } => "execvp",
            },
            Call::Time(c) => match c {
                TimeCall::Sleep { how: SleepFn::Sleep, .. } => "sleep",
                TimeCall::Sleep { how: SleepFn::Usleep, .. } => "usleep",
                TimeCall::Sleep { how: SleepFn::Nanosleep { .. }, .. } => "nanosleep",
                TimeCall::Time { .. } => "time",
                TimeCall::ClockGettime { micro: false, .. } => "clock_gettime",
                TimeCall::ClockGettime { micro: true, .. } => "gettimeofday",
            },
            Call::Fd(c) => match c {
                FdCall::Read { at: Some(_), .. } => "pread",
                FdCall::Write { at: Some(_), .. } => "pwrite",
                FdCall::Read { .. } | FdCall::Fill { .. } => "read",
                FdCall::Write { .. } => "write",
                FdCall::Close { .. } => "close",
                FdCall::Dup { .. } => "dup",
                FdCall::Dup2 { .. } => "dup2",
                FdCall::Fcntl { .. } | FdCall::Lock { .. } => "fcntl",
                FdCall::Flock { .. } => "flock",
                FdCall::Isatty { .. } => "isatty",
                FdCall::Fsync { .. } => "fsync",
                FdCall::Poll { .. } => "poll",
                FdCall::Select { .. } => "select",
            },
            Call::Pipe(PipeCall::Pipe { .. }) => "pipe",
            Call::Shm(c) => match c {
                ShmCall::Open { .. } => "shm_open",
                ShmCall::Unlink { .. } => "shm_unlink",
                ShmCall::Ftruncate { .. } => "ftruncate",
                ShmCall::Mmap { .. } => "mmap",
                ShmCall::Munmap { .. } => "munmap",
                ShmCall::Fence { .. } => "fence",
            },
            Call::Sem(c) => match c {
                SemCall::Init { .. } => "sem_init",
                SemCall::Destroy { .. } => "sem_destroy",
                SemCall::Wait { .. } => "sem_wait",
                SemCall::TimedWait { .. } => "sem_timedwait",
                SemCall::TryWait { .. } => "sem_trywait",
                SemCall::Post { .. } => "sem_post",
                SemCall::GetValue { .. } => "sem_getvalue",
                SemCall::Open { .. } => "sem_open",
                SemCall::Close { .. } => "sem_close",
                SemCall::Unlink { .. } => "sem_unlink",
            },
            Call::Mq(c) => match c {
                MqCall::Open { .. } => "mq_open",
                MqCall::Close { .. } => "mq_close",
                MqCall::Unlink { .. } => "mq_unlink",
                MqCall::Send { timeout: None, .. } => "mq_send",
                MqCall::Send { .. } => "mq_timedsend",
                MqCall::Receive { timeout: None, .. } => "mq_receive",
                MqCall::Receive { .. } => "mq_timedreceive",
                MqCall::GetAttr { .. } => "mq_getattr",
                MqCall::SetAttr { .. } => "mq_setattr",
                MqCall::Notify { .. } => "mq_notify",
            },
            Call::Sock(c) => match c {
                SockCall::Socketpair { .. } => "socketpair",
                SockCall::Socket { .. } => "socket",
                SockCall::Bind { .. } => "bind",
                SockCall::Listen { .. } => "listen",
                SockCall::Accept { .. } => "accept",
                SockCall::Connect { .. } => "connect",
                SockCall::Send { sendto: false, .. } => "send",
                SockCall::Send { sendto: true, .. } => "sendto",
                SockCall::Recv { recvfrom: false, .. } => "recv",
                SockCall::Recv { recvfrom: true, .. } => "recvfrom",
                SockCall::Shutdown { .. } => "shutdown",
                SockCall::Name { peer: false, .. } => "getsockname",
                SockCall::Name { peer: true, .. } => "getpeername",
                SockCall::SetOpt { .. } => "setsockopt",
                SockCall::GetOpt { .. } => "getsockopt",
            },
            Call::Fs(FsCall::Unlink { .. }) => "unlink",
            Call::Fs(FsCall::Open { .. }) => "open",
            Call::Fs(FsCall::Lseek { .. }) => "lseek",
            Call::Fs(FsCall::Stat { .. }) => "stat",
            Call::Fs(FsCall::Access { .. }) => "access",
            Call::Fs(FsCall::Mkdir { .. }) => "mkdir",
            Call::Fs(FsCall::Chmod { .. }) => "chmod",
            Call::Fs(FsCall::Fchmod { .. }) => "fchmod",
            Call::Fs(FsCall::Mkfifo { .. }) => "mkfifo",
            Call::Fs(FsCall::Umask { .. }) => "umask",
            Call::Fs(FsCall::Rename { .. }) => "rename",
            Call::Fs(FsCall::Rmdir { .. }) => "rmdir",
            Call::Fs(FsCall::Chdir { .. }) => "chdir",
            Call::Fs(FsCall::Getcwd { .. }) => "getcwd",
            Call::Fs(FsCall::Opendir { .. }) => "opendir",
            Call::Fs(FsCall::Fstat { .. }) => "fstat",
            Call::Sysv(c) => match c {
                SysvCall::Ftok { .. } => "ftok",
                SysvCall::Shmget { .. } => "shmget",
                SysvCall::Shmat { .. } => "shmat",
                SysvCall::Shmdt { .. } => "shmdt",
                SysvCall::Shmctl { .. } => "shmctl",
                SysvCall::Msgget { .. } => "msgget",
                SysvCall::Msgsnd { .. } => "msgsnd",
                SysvCall::Msgrcv { .. } => "msgrcv",
                SysvCall::Msgctl { .. } => "msgctl",
                SysvCall::Semget { .. } => "semget",
                SysvCall::Semop { .. } => "semop",
                SysvCall::Semctl { .. } => "semctl",
            },
            Call::Msg(c) => match c {
                MsgCall::MboxOpen { .. } => "mbox_open",
                MsgCall::MboxSend { block: true, .. } => "mbox_send",
                MsgCall::MboxSend { block: false, .. } => "mbox_try_send",
                MsgCall::MboxReceive { block: true, .. } => "mbox_receive",
                MsgCall::MboxReceive { block: false, .. } => "mbox_try_receive",
                MsgCall::MboxClose { .. } => "mbox_close",
                MsgCall::SendTo { .. } => "send_to",
                MsgCall::ReceiveFrom { .. } => "receive_from",
                MsgCall::LinkCapacity { .. } => "link_capacity",
            },
            Call::Op(OpCall::Begin { .. }) => "ipcsim_op_begin",
            Call::Op(OpCall::End { .. }) => "ipcsim_op_end",
        }
    }

    /// What the C function returns when the call fails (errno set):
    /// -1, or `SEM_FAILED`, a null pointer, for `sem_open`.
    pub fn failure_value(&self) -> i64 {
        match self {
            Call::Sem(SemCall::Open { .. }) | Call::Fd(FdCall::Isatty { .. }) => 0,
            Call::Fs(FsCall::Opendir { .. }) => 0,
            // `signal` fails with SIG_ERR.
            Call::Proc(ProcCall::Signal { .. }) => -1,
            _ => -1,
        }
    }

    /// Whether a handler with `SA_RESTART` that interrupts the call
    /// starts it again (signal(7), and measured); these never restart:
    /// `sem_timedwait`, System V IPC, sleeps, waits for a signal.
    pub fn restartable(&self) -> bool {
        matches!(
            self,
            Call::Fd(_)
                | Call::Proc(ProcCall::Wait { .. } | ProcCall::Waitpid { .. })
                | Call::Sock(_)
                | Call::Mq(_)
                | Call::Msg(_)
                | Call::Sem(SemCall::Wait { .. })
                // The wait of a named pipe's open.
                | Call::Fs(FsCall::Open { .. })
        )
    }

    /// The deadline of a timed call (`sem_timedwait`, `mq_timedsend`,
    /// `mq_timedreceive`) with a valid timeout: absolute `CLOCK_REALTIME`
    /// ns.
    pub fn deadline(&self) -> Option<u64> {
        match *self {
            Call::Sem(SemCall::TimedWait { abstime: Ok(t), .. })
            | Call::Mq(MqCall::Send { timeout: Some(Ok(t)), .. } | MqCall::Receive { timeout: Some(Ok(t)), .. }) => {
                Some(t).filter(|&t| t < crate::abi::HORIZON_NS)
            }
            _ => None,
        }
    }

    /// The sleep's duration, if this is a valid sleep: the kernel turns it
    /// into a wait on the clock rather than a call.
    pub fn sleep_ns(&self) -> Option<u64> {
        match self {
            Call::Time(TimeCall::Sleep { ns: Ok(ns), .. }) => Some(*ns),
            _ => None,
        }
    }

    /// The descriptor the call works on, if any: the real backend keeps
    /// its own descriptors out of the program's reach with it.
    pub fn fd(&self) -> Option<Fd> {
        match *self {
            Call::Fd(
                FdCall::Read { fd, .. } | FdCall::Fill { fd, .. } | FdCall::Write { fd, .. } | FdCall::Close { fd } | FdCall::Dup { fd },
            )
            | Call::Fd(FdCall::Fcntl { fd, .. } | FdCall::Isatty { fd } | FdCall::Fsync { fd })
            | Call::Fd(FdCall::Lock { fd, .. } | FdCall::Flock { fd, .. })
            | Call::Shm(ShmCall::Ftruncate { fd, .. }) => Some(fd),
            Call::Mq(
                MqCall::Close { mqd }
                | MqCall::Send { mqd, .. }
                | MqCall::Receive { mqd, .. }
                | MqCall::GetAttr { mqd, .. }
                | MqCall::SetAttr { mqd, .. }
                | MqCall::Notify { mqd, .. },
            ) => Some(mqd),
            Call::Fd(FdCall::Dup2 { old, .. }) => Some(old),
            Call::Sock(c) => c.fd(),
            Call::Fs(FsCall::Lseek { fd, .. } | FsCall::Fstat { fd, .. }) => Some(fd),
            Call::Msg(MsgCall::MboxSend { mb, .. } | MsgCall::MboxReceive { mb, .. } | MsgCall::MboxClose { mb }) => Some(mb),
            _ => None,
        }
    }
}
