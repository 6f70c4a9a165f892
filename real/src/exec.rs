//! `exec` on the real kernel: the worker process stays (it is the
//! interpreter); what the kernel would do to a process that execs is
//! done for real (close-on-exec descriptors closed, handlers back to
//! their defaults, mappings and attached segments dropped) and the
//! interpreter starts the new image. The program exec'd is the same one
//! the simulator runs: a built-in utility or a `--exec` file, compiled
//! with the program.

use crate::process::RealProc;
use crate::syscall::PRIVATE_FD;

/// What the `exec` call returns when the image was replaced: nothing is
/// resumed.
pub const EXECUTED: i64 = i64::MIN;

impl RealProc<'_> {
    pub(crate) fn exec(&mut self, path: u64, search: bool) -> i64 {
        let args = std::mem::take(&mut self.proc.exec_args);
        let env = std::mem::take(&mut self.proc.exec_env);
        let Ok(raw) = self.proc.mem.cstr(&self.shared, path).map(|b| b.to_vec()) else { return -(libc::EFAULT as i64) };
        let image = match self.env.prog.exec_image(&raw, search, &self.env.argv0) {
            Ok(k) => k,
            Err(e) => return -(e as i64),
        };
        // glibc buffers the new image's stdout by what descriptor 1 is.
        let stdout = if self.captured(1) == Some(1) { self.env.stdout } else { sim::interp::StdoutMode::Pipe };
        // SAFETY: plain descriptor and signal calls on this process.
        unsafe {
            for fd in 0..PRIVATE_FD {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                if flags >= 0 && flags & libc::FD_CLOEXEC != 0 {
                    libc::close(fd);
                }
            }
        }
        self.drop_handlers();
        self.shared.release_all();
        self.env.ctl.execd(self.pid);
        if self.env.prog.images[image].utility {
            // A built-in utility ending of SIGPIPE is a pipeline's writer
            // whose reader is done (`yes | head`): no failure, as in the
            // simulator.
            crate::log::send(self.env.log, &crate::log::Record::Sent { pid: self.pid, sig: libc::SIGPIPE });
        }
        self.proc = sim::interp::Process::image(self.env.prog, image, &args, &env, stdout);
        EXECUTED
    }
}
