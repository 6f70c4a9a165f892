//! The worker: a fresh, single-threaded process (ipcsim execs it) that
//! isolates itself, forks the program's first process, and supervises the
//! run: it reads the log, reaps orphans (it is their subreaper), enforces
//! the timeout on the whole process group, and reports the result as JSON
//! on its stdout.

use crate::control::Ctl;
use crate::log::{self, Record, PACKET};
use crate::process::{Env, RealProc};
use crate::shared::RealShared;
use crate::syscall::PRIVATE_FD;
use crate::{RealConfig, WorkerReport};
use sim::abi::limits::MAX_OUTPUT;
use sim::interp::{Process, ProcessOptions};
use sim::ir::Program;
use std::time::{Duration, Instant};

/// Tries to give the run its own IPC namespace and `/dev/shm`, so names
/// stay the program's own and nothing outlives the run.
fn isolate() -> bool {
    if std::env::var_os("IPCSIM_NO_NAMESPACE").is_some() {
        // Tests exercise the prefixed-names fallback this way.
        return false;
    }
    // SAFETY: namespace and mount calls with constant arguments.
    unsafe {
        if libc::unshare(libc::CLONE_NEWIPC | libc::CLONE_NEWNS) != 0 {
            return false;
        }
        let none = c"none";
        if libc::mount(none.as_ptr(), c"/".as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()) != 0 {
            return false;
        }
        libc::mount(c"tmpfs".as_ptr(), c"/dev/shm".as_ptr(), c"tmpfs".as_ptr(), 0, c"mode=1777".as_ptr().cast()) == 0
    }
}

/// Tries to give the run its own network namespace, with its loopback
/// up: ports never collide with the host's or another run's, and
/// nothing outside is reachable.
fn isolate_net() -> bool {
    std::env::var_os("IPCSIM_NO_NAMESPACE").is_none() && own_network()
}

/// Moves the calling process into a new network namespace and brings its
/// loopback up; false if the kernel refuses. Only system calls, so a
/// `pre_exec` hook may call it.
pub fn own_network() -> bool {
    // SAFETY: unshare with a constant flag; an ioctl on a local ifreq
    // through a socket closed before returning.
    unsafe {
        if libc::unshare(libc::CLONE_NEWNET) != 0 {
            return false;
        }
        let fd = libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0);
        if fd < 0 {
            return false;
        }
        let mut ifr: libc::ifreq = std::mem::zeroed();
        for (d, s) in ifr.ifr_name.iter_mut().zip(b"lo") {
            *d = *s as libc::c_char;
        }
        let mut up = libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut ifr) == 0;
        if up {
            ifr.ifr_ifru.ifru_flags |= libc::IFF_UP as libc::c_short;
            up = libc::ioctl(fd, libc::SIOCSIFFLAGS, &ifr) == 0;
        }
        libc::close(fd);
        up
    }
}

/// Closes descriptors `lo..hi` (one `close_range`, a loop where it is
/// missing).
fn close_from(lo: i32, hi: i32) {
    // SAFETY: closing descriptors this process does not use.
    unsafe {
        if libc::syscall(libc::SYS_close_range, lo as u32, (hi - 1) as u32, 0u32) != 0 {
            for fd in lo..hi {
                libc::close(fd);
            }
        }
    }
}

fn limit(res: libc::__rlimit_resource_t, v: u64) {
    let r = libc::rlimit { rlim_cur: v, rlim_max: v };
    // SAFETY: setrlimit with a local struct.
    unsafe { libc::setrlimit(res, &r) };
}

/// Raises the worker's own soft descriptor limit to the hard one, so the
/// log can sit past the program's descriptors.
fn raise_nofile() {
    // SAFETY: getrlimit and setrlimit with a local struct.
    unsafe {
        let mut r = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut r) == 0 && r.rlim_cur < r.rlim_max {
            r.rlim_cur = r.rlim_max.min(1 << 16);
            libc::setrlimit(libc::RLIMIT_NOFILE, &r);
        }
    }
}

/// A capture file for stdout or stderr: an anonymous file, reopened
/// write-only so that, as with a native pipe, reading it is `EBADF`.
fn memfd(name: &std::ffi::CStr) -> (i32, (u64, u64)) {
    // SAFETY: creating, reopening and stat-ing an anonymous file.
    unsafe {
        let fd = libc::memfd_create(name.as_ptr(), 0);
        let path = std::ffi::CString::new(format!("/proc/self/fd/{fd}")).expect("no NUL in a path of digits");
        let w = libc::open(path.as_ptr(), libc::O_WRONLY);
        let fd = if w >= 0 {
            libc::close(fd);
            w
        } else {
            fd
        };
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(fd, &mut st);
        (fd, (st.st_dev, st.st_ino))
    }
}

/// Runs the program once on the real kernel; the report is printed by
/// the caller.
/// `rundir` is the run's directory: its server's, emptied for each run
/// (making and removing the tree cost a fifth of a short run).
pub fn run(prog: &Program, cfg: &RealConfig, seed: u64, rundir: &str) -> WorkerReport {
    crate::stop::catch_signals();
    let isolated = isolate();
    let net = isolate_net();
    // SAFETY: getpid has no arguments.
    let prefix = (!isolated).then(|| format!("ipcsim.{}.", unsafe { libc::getpid() }));
    let prefix_used = prefix.clone();
    // On the host's /tmp, not the run's private tmpfs: a directory's size
    // is the file system's, and the simulator's is ext4's 4096 (a
    // conformance test caught a tmpfs's 40).
    let rundir = rundir.to_string();
    if !crate::reset_rundir(&rundir) || !crate::seed_rundir(&rundir, &cfg.files) {
        crate::reset_rundir(&rundir);
        return WorkerReport::failed("cannot create the run's directory under /tmp");
    }
    limit(libc::RLIMIT_AS, 4 << 30);
    limit(libc::RLIMIT_CPU, cfg.timeout_ms / 1000 + 5);
    let mut fds = [0i32; 2];
    // SAFETY: pipe2 into a local array; fcntl on the new descriptors.
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_DIRECT) != 0 {
            return WorkerReport::failed("cannot create the log pipe (pipe2 O_DIRECT)");
        }
        libc::fcntl(fds[1], libc::F_SETPIPE_SZ, 1 << 20);
        raise_nofile();
        let w = libc::fcntl(fds[1], libc::F_DUPFD, PRIVATE_FD);
        libc::close(fds[1]);
        if w < 0 {
            return WorkerReport::failed("cannot place the log descriptor past the program's descriptors (RLIMIT_NOFILE)");
        }
        fds[1] = w;
    }
    let (out_fd, out_id) = memfd(c"stdout");
    let (err_fd, err_id) = memfd(c"stderr");
    let clock = crate::process::RunClock::start();
    let Some(ctl) = Ctl::create() else { return WorkerReport::failed("cannot map the control page") };
    let Some(messages) = crate::message::Messages::create() else {
        return WorkerReport::failed("cannot map the registry of mailboxes and links");
    };
    let Some(guard) = crate::guard::Guard::start(prefix.as_deref(), &rundir) else {
        return WorkerReport::failed("cannot start the guard process");
    };
    crate::stop::block(true);
    if crate::stop::requested() {
        guard.release();
        crate::reset_rundir(&rundir);
        return WorkerReport { interrupted: true, ..WorkerReport::default() };
    }
    // SAFETY: become the subreaper of the run, then fork (single-threaded).
    let child = unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        libc::fork()
    };
    if child < 0 {
        guard.release();
        crate::reset_rundir(&rundir);
        return WorkerReport::failed("fork failed");
    }
    if child > 0 {
        // Here too, so the group exists before anyone signals it.
        // SAFETY: our new child.
        unsafe { libc::setpgid(child, child) };
        guard.watch_group(child);
        crate::stop::set_group(child);
        crate::stop::block(false);
    }
    if child == 0 {
        // SAFETY: setting up the first program process's descriptors.
        unsafe {
            // Until the guard knows this group, the worker's death must
            // end this process by itself.
            let worker = libc::getppid();
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            if libc::getppid() != worker {
                libc::_exit(1);
            }
            libc::setpgid(0, 0);
            libc::close(fds[0]);
            libc::close(guard.fd());
            libc::dup2(out_fd, 1);
            libc::dup2(err_fd, 2);
            let input = match &cfg.stdin {
                Some(p) => std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).map_or(-1, |c| libc::open(c.as_ptr(), libc::O_RDONLY)),
                None => -1,
            };
            let input = if input >= 0 { input } else { libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY) };
            libc::dup2(input, 0);
            // The program starts with stdin, stdout and stderr only, as in
            // the simulator: nothing inherited from ipcsim's own caller.
            close_from(3, PRIVATE_FD);
            // Rust ignores SIGPIPE; a C program starts with the default.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
        // Relative socket paths land in the run's directory.
        if std::env::set_current_dir(format!("{rundir}{}", sim::ipc::sockname::CWD)).is_err() {
            // SAFETY: ending this process before it runs the program.
            unsafe { libc::_exit(127) };
        }
        crate::stop::default_handlers();
        // The simulator's descriptor limit: EMFILE at the same point. The
        // log, opened past it, stays usable.
        limit(libc::RLIMIT_NOFILE, sim::abi::limits::MAX_FDS as u64);
        let pid = sim::abi::FIRST_PID;
        ctl.set(pid, unsafe { libc::getpid() });
        let opts = ProcessOptions { stdout: cfg.stdout, argv: cfg.argv.clone(), env: cfg.env.clone() };
        let env = Env {
            prog,
            max_procs: cfg.max_procs,
            ctl,
            log: fds[1],
            capture: [out_id, err_id],
            prefix,
            rundir: rundir.clone(),
            net,
            tty: cfg.stdout == sim::interp::StdoutMode::Tty,
            messages,
            chaos: cfg.chaos.then_some(seed),
            clock,
            argv0: cfg.argv.first().cloned().unwrap_or_default(),
            stdout: cfg.stdout,
        };
        let rp = RealProc {
            env,
            pid,
            ppid: sim::abi::INIT_PID,
            parent_real: unsafe { libc::getppid() },
            proc: Process::new(prog, &opts),
            shared: RealShared::default(),
            chaos: cfg.chaos.then(|| crate::chaos::Chaos::new(seed, pid)),
            mbox_fds: Default::default(),
            link_capacity: 0,
            cwd: None,
            handlers: Default::default(),
            spin: Default::default(),
            digest: Default::default(),
            pace: Default::default(),
        };
        rp.run();
    }
    // SAFETY: the supervisor closes what it does not use.
    unsafe {
        libc::close(fds[1]);
        libc::close(out_fd);
        libc::close(err_fd);
    }
    let mut report = supervise(fds[0], child, ctl, cfg, isolated);
    // The group is reaped: its id may be given out again, so the guard
    // must never kill it now.
    guard.release();
    report.prefix_used = prefix_used;
    report.files = crate::rundir_files(&rundir);
    crate::reset_rundir(&rundir);
    if let Some(p) = &report.prefix_used {
        crate::cleanup_prefix(p);
        unlink_queues(&report.records);
    }
    report
}

fn supervise(log_fd: i32, first: i32, ctl: Ctl, cfg: &RealConfig, isolated: bool) -> WorkerReport {
    let mut report = WorkerReport { isolated, ..WorkerReport::default() };
    let start = Instant::now();
    let deadline = Duration::from_millis(cfg.timeout_ms);
    let mut log = LogReader { fd: log_fd, buf: vec![0u8; PACKET], output: 0, alarm_until: None };
    let mut quiet_blocked = 0;
    let mut spin_ends = ctl.spin_ends();
    loop {
        let read = log.drain(&mut report);
        reap(&ctl, first, &mut report, false);
        let Some(progress) = read else {
            reap(&ctl, first, &mut report, true);
            // A stop that came while the run was ending still stops it:
            // its processes may have died of the stop's own kill.
            report.interrupted |= crate::stop::requested();
            break;
        };
        if crate::stop::requested() {
            // Again at each turn: a fork may have raced the first kill.
            report.interrupted = true;
            // SAFETY: killing the run's own process group.
            unsafe { libc::kill(-first, libc::SIGKILL) };
            continue;
        }
        // Stuck for good: every live process of the run waits in a
        // system call that is not a sleep, or spins on shared locations,
        // and nothing happens.
        let alarm_due = log.alarm_until.is_some_and(|t| Instant::now() < t);
        let (blocked, spins) = if progress || alarm_due { (false, false) } else { all_blocked(&ctl, first) };
        // A spin wait that ended since the last look is progress too.
        let ends = std::mem::replace(&mut spin_ends, ctl.spin_ends());
        quiet_blocked = if blocked && ends == spin_ends { quiet_blocked + 1 } else { 0 };
        let stuck = quiet_blocked >= 3;
        if (stuck || start.elapsed() > deadline) && !report.hung {
            report.hung = true;
            report.blocked = stuck && !spins;
            report.livelock = stuck && spins;
            // SAFETY: killing the run's own process group.
            unsafe { libc::kill(-first, libc::SIGKILL) };
        }
    }
    report
}

/// The supervisor's end of the log.
struct LogReader {
    fd: i32,
    buf: Vec<u8>,
    /// Bytes of writes kept so far.
    output: usize,
    /// When the last alarm a process set goes off (with a margin).
    alarm_until: Option<Instant>,
}

impl LogReader {
    /// Reads what the log holds (waiting up to 20 ms for the first
    /// packet, at most 256 packets): `Some(true)` if anything came,
    /// `None` at its end (every process of the run has exited).
    fn drain(&mut self, report: &mut WorkerReport) -> Option<bool> {
        let mut progress = false;
        for wait in std::iter::once(20).chain(std::iter::repeat_n(0, 255)) {
            let mut pfd = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
            // SAFETY: poll and read on our own pipe into our own buffer.
            if unsafe { libc::poll(&mut pfd, 1, wait) } <= 0 {
                break;
            }
            let n = unsafe { libc::read(self.fd, self.buf.as_mut_ptr().cast(), self.buf.len()) };
            if n == 0 {
                return None;
            }
            if n > 0 {
                progress = true;
                match log::decode(&self.buf[..n as usize]) {
                    Some(Record::Alarm { secs, .. }) => {
                        let at = Instant::now() + Duration::from_secs(secs as u64) + Duration::from_millis(200);
                        self.alarm_until = Some(self.alarm_until.map_or(at, |t| t.max(at)));
                    }
                    Some(r) => keep(report, &mut self.output, r),
                    None => {}
                }
            }
        }
        Some(progress)
    }
}

/// Unlinks the message queues the run named (without a namespace).
fn unlink_queues(records: &[Record]) {
    for r in records {
        match r {
            Record::Queue { name } => {
                if let Ok(n) = std::ffi::CString::new(name.clone()) {
                    // SAFETY: a C string we made.
                    unsafe { libc::mq_unlink(n.as_ptr()) };
                }
            }
            // SAFETY: removing an object of the run by id (an id reused
            // since by someone else cannot be told apart: only without a
            // namespace, where the run shares the host's).
            Record::Sysv { kind: b'm', id } => unsafe {
                libc::shmctl(*id, libc::IPC_RMID, std::ptr::null_mut());
            },
            Record::Sysv { kind: b'q', id } => unsafe {
                libc::msgctl(*id, libc::IPC_RMID, std::ptr::null_mut());
            },
            Record::Sysv { kind: b's', id } => unsafe {
                libc::semctl(*id, 0, libc::IPC_RMID);
            },
            _ => {}
        }
    }
}

/// Keeps a record, but no more than [`MAX_OUTPUT`] bytes of writes in
/// all (`output` counts them): the program's writes go on succeeding, and
/// the report says the rest was dropped.
fn keep(report: &mut WorkerReport, output: &mut usize, r: Record) {
    let mut r = r;
    if let Record::Write { bytes, .. } | Record::More { bytes, .. } = &mut r {
        let room = MAX_OUTPUT - *output;
        if bytes.len() > room {
            report.truncated = true;
            bytes.truncate(room);
        }
        if bytes.is_empty() {
            return;
        }
        *output += bytes.len();
    }
    report.records.push(r);
}

/// True if every live process of the run (process group `pgrp`) is blocked
/// in a system call other than a sleep, by `/proc/PID/stat` and
/// `/proc/PID/syscall` (never by waiting to see), or spinning on shared
/// locations (by the control page).
fn all_blocked(ctl: &Ctl, pgrp: i32) -> (bool, bool) {
    const SLEEPS: [&str; 2] = ["35", "230"]; // nanosleep, clock_nanosleep
    let (mut live, mut spinning) = (0, false);
    for (pid, spins) in ctl.reals_spinning() {
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else { continue };
        let mut f = rest.split_whitespace();
        let state = f.next().unwrap_or("?");
        let group = f.nth(1).and_then(|g| g.parse::<i32>().ok());
        if state == "Z" || group != Some(pgrp) {
            continue;
        }
        live += 1;
        if spins {
            spinning = true;
            continue;
        }
        let Ok(sc) = std::fs::read_to_string(format!("/proc/{pid}/syscall")) else { return (false, false) };
        let nr = sc.split_whitespace().next().unwrap_or("running");
        if nr == "running" || SLEEPS.contains(&nr) || state == "R" || timed_wait(&sc) {
            return (false, false);
        }
    }
    (live > 0, spinning)
}

/// A wait with a timeout (`sem_timedwait`'s futex, `mq_timedsend`,
/// `mq_timedreceive`): it ends by itself, so it is a sleep, not a block.
fn timed_wait(syscall: &str) -> bool {
    let f: Vec<&str> = syscall.split_whitespace().collect();
    let set = |k: usize| f.get(k).is_some_and(|a| *a != "0x0");
    match f.first() {
        Some(&"202") => set(4),          // futex(uaddr, op, val, timeout, ...)
        Some(&"242" | &"243") => set(5), // mq_timed{send,receive}(.., abs_timeout)
        _ => false,
    }
}

/// Reaps children and adopted orphans, logging their statuses.
fn reap(ctl: &Ctl, first: i32, report: &mut WorkerReport, block: bool) {
    loop {
        let mut st = 0;
        // SAFETY: waitpid into a local.
        // The run's processes only (orphans are adopted into the same
        // group): never the guard.
        let r = unsafe { libc::waitpid(-first, &mut st, if block { 0 } else { libc::WNOHANG }) };
        if r <= 0 {
            return;
        }
        let pid = ctl.reaped(r).unwrap_or(r);
        report.records.push(Record::Exit { pid, status: st });
    }
}
