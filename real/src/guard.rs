//! The guard: a small process outside the run's and ipcsim's process
//! groups that ends the run if the worker dies without doing it (a
//! SIGKILL to ipcsim's whole process group, or to the worker alone), so
//! nothing a run starts outlives ipcsim. It learns the program's process
//! group through a pipe and waits for the pipe's end: an end without the
//! worker's "done" means the worker is gone, and the guard kills the
//! program's group and removes the run's prefixed shared-memory names.

/// The worker's side of the guard.
pub struct Guard {
    /// Write end of the pipe the guard reads.
    fd: i32,
    pid: i32,
}

/// The byte that says the worker ended the run itself.
const DONE: u8 = b'D';

impl Guard {
    /// Starts the guard (before the program's first process, so that
    /// process can close the pipe's write end). `prefix`: the run's shm
    /// name prefix, when it has no namespace of its own.
    pub fn start(prefix: Option<&str>, rundir: &str) -> Option<Guard> {
        let mut fds = [0i32; 2];
        // SAFETY: pipe into a local array; fork of a single-threaded worker.
        unsafe {
            if libc::pipe(fds.as_mut_ptr()) != 0 {
                return None;
            }
            match libc::fork() {
                -1 => None,
                0 => {
                    libc::close(fds[1]);
                    watch(fds[0], prefix, rundir)
                }
                pid => {
                    libc::close(fds[0]);
                    Some(Guard { fd: fds[1], pid })
                }
            }
        }
    }

    /// The descriptor a program process must close (it would keep the
    /// pipe open after the worker died).
    pub fn fd(&self) -> i32 {
        self.fd
    }

    /// Tells the guard which process group is the program's.
    pub fn watch_group(&self, pgid: i32) {
        let b = pgid.to_le_bytes();
        // SAFETY: writing a local buffer to our pipe.
        unsafe { libc::write(self.fd, b.as_ptr().cast(), b.len()) };
    }

    /// The worker ended the run and cleaned up: the guard may go.
    pub fn release(self) {
        // SAFETY: our pipe and our child.
        unsafe {
            libc::write(self.fd, [DONE].as_ptr().cast(), 1);
            libc::close(self.fd);
            libc::waitpid(self.pid, std::ptr::null_mut(), 0);
        }
    }
}

/// The guard's life: its own session (no group kill of ipcsim reaches
/// it), then wait for the worker's end.
fn watch(fd: i32, prefix: Option<&str>, rundir: &str) -> ! {
    close_all_but(fd);
    // SAFETY: plain system calls on our own descriptors and groups.
    unsafe {
        libc::setsid();
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::signal(sig, libc::SIG_IGN);
        }
        let mut pgid = [0u8; 4];
        let got = read_full(fd, &mut pgid);
        let mut b = [0u8; 1];
        let done = libc::read(fd, b.as_mut_ptr().cast(), 1) == 1 && b[0] == DONE;
        if !done {
            if got {
                libc::kill(-i32::from_le_bytes(pgid), libc::SIGKILL);
            }
            if let Some(p) = prefix {
                crate::cleanup_prefix(p);
            }
            crate::remove_rundir(rundir);
        }
        libc::_exit(0)
    }
}

/// Closes every descriptor but `keep`: the guard must hold no end of the
/// run's log or of anything else whose end someone waits for.
fn close_all_but(keep: i32) {
    let open: Vec<i32> = match std::fs::read_dir("/proc/self/fd") {
        Ok(d) => d.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect(),
        Err(_) => (0..4096).collect(),
    };
    for fd in open.into_iter().filter(|&fd| fd != keep) {
        // SAFETY: closing a descriptor of our own (the directory's is
        // already closed or fails harmlessly).
        unsafe { libc::close(fd) };
    }
}

fn read_full(fd: i32, buf: &mut [u8]) -> bool {
    let mut at = 0;
    while at < buf.len() {
        // SAFETY: reading into the rest of a local buffer.
        let n = unsafe { libc::read(fd, buf[at..].as_mut_ptr().cast(), buf.len() - at) };
        if n <= 0 {
            return false;
        }
        at += n as usize;
    }
    true
}
