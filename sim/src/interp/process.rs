//! A process's whole state: memory, frames, operand stack, stdio buffers,
//! `rand` state. A plain value: `Clone + Eq + Hash`, so a machine can be
//! snapshotted, compared and hashed (DESIGN.md).

use super::libc::rand::Rand;
use super::libc::stdio::Stdio;
use super::memory::{Memory, RegionKind};
use super::ProcessOptions;
use crate::abi::call::Src;
use crate::interp::fault::Fault;
use crate::ir::{ParamSlot, Program};

/// How stdout is buffered, as glibc decides from what fd 1 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StdoutMode {
    /// A pipe or file: fully buffered (4096 bytes).
    #[default]
    Pipe,
    /// A terminal: line buffered.
    Tty,
}

/// An activation record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Frame {
    /// The function.
    pub func: u32,
    /// Next instruction.
    pub pc: u32,
    /// Frame base in the stack's bytes.
    pub fp: u32,
    /// Stack top to restore on return.
    pub saved_sp: u32,
}

/// What to do once the kernel answers the pending system call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum After {
    /// Nothing is pending.
    Nothing,
    /// Push the call's result (the return value of `write`, `getpid`...).
    PushResult,
    /// A stdio write finished: write the rest of the queue, then this.
    Drain(Then),
    /// `stdin`'s buffer was filled (by this many bytes, 0 at end of file,
    /// negative on error): the library routine that asked runs again with
    /// these arguments.
    Refill(Vec<u64>),
    /// `fopen`'s `open` returned: a stream on the descriptor, or NULL.
    Opened {
        /// Opened for reading.
        read: bool,
        /// Opened for writing.
        write: bool,
        /// Opened for appending.
        append: bool,
    },
    /// `fdopen`'s `fcntl(fd, F_GETFL)` returned: a stream if the
    /// descriptor's access mode allows the mode asked for.
    Fdopen {
        /// Descriptor.
        fd: i32,
        /// Reading asked for.
        read: bool,
        /// Writing asked for.
        write: bool,
    },
    /// Push 0 on success, -1 on failure (`fseek`, `fclose`).
    Status,
    /// Push the offset plus this (`ftell`: the buffered bytes), or -1.
    Offset(i64),
    /// Push nothing (`rewind`).
    Ignore,
    /// `fflush` of an input stream moved the offset back: the bytes read
    /// ahead are dropped (kept if the descriptor cannot seek), 0 pushed.
    Synced(super::libc::stdio::Which),
    /// `exit` gave an input stream's read-ahead back; it goes on exiting.
    Unread {
        /// The stream.
        w: super::libc::stdio::Which,
        /// The exit status.
        code: i32,
    },
}

/// The end of a library routine that had output to write first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Then {
    /// Push its return value.
    Push(u64),
    /// Return nothing.
    Continue,
    /// Exit with this status.
    Exit(i32),
    /// Die of this fault.
    Kill(Fault),
    /// Make this system call, then go on as the continuation says
    /// (`fclose`'s `close`, `fseek`'s `lseek`, after the flush).
    Syscall(crate::abi::call::Call, Box<After>),
}

/// One process.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Process {
    /// Its address space.
    pub mem: Memory,
    /// Call stack.
    pub frames: Vec<Frame>,
    /// Operand stack.
    pub stack: Vec<u64>,
    /// Bytes of stack in use.
    pub sp: u32,
    /// `stdout`/`stderr` buffers and writes waiting to be made.
    pub stdio: Stdio,
    /// `rand()` state.
    pub rand: Rand,
    /// Where `strtok` goes on (its static pointer, 0 when done).
    pub strtok_save: u64,
    /// The library's static buffers (`inet_ntoa`'s, `gethostbyname`'s),
    /// each allocated at its first use (0 before): a prelude global
    /// would be copied by every fork.
    pub static_bufs: [u64; 2],
    /// Continuation of the pending system call.
    pub after: After,
    /// Base address of the C library's string table.
    pub libc_strings: u64,
    /// Reused buffer for formatted output (always empty between calls).
    pub scratch: Vec<u8>,
    /// Where each `malloc` block was allocated, by region, in allocation
    /// order: an out-of-bounds report names the block by its line.
    pub heap_sites: Vec<(u32, crate::source::Span)>,
    /// The signal handlers running, innermost last.
    pub handlers: Vec<super::handler::HandlerFrame>,
    /// The contexts `setjmp` saved (a `jmp_buf` holds a number here).
    pub jumps: Vec<super::jump::Jump>,
    /// Functions `atexit` registered, in order.
    pub atexit: Vec<u64>,
    /// Inside `exit`, running an `atexit` function: the frame depth it
    /// returns to, and the status.
    pub exiting: Option<(u32, i32)>,
    /// The program it runs ([`Program::images`]).
    pub image: u32,
    /// Region of its `errno`.
    errno_region: u32,
    /// Region of its `environ`.
    environ_region: u32,
    /// The arguments of the `exec` under way (the kernel takes them).
    pub exec_args: Vec<Vec<u8>>,
    /// The environment of the `exec` under way (`NAME=VALUE` strings).
    pub exec_env: Vec<Vec<u8>>,
    /// Open directory streams.
    pub dirs: Vec<super::libc::dirs::DirStream>,
}

crate::reuse::fieldwise_clone!(Process {
    mem,
    frames,
    stack,
    sp,
    stdio,
    rand,
    strtok_save,
    static_bufs,
    after,
    libc_strings,
    scratch,
    heap_sites,
    handlers,
    jumps,
    atexit,
    exiting,
    image,
    errno_region,
    environ_region,
    exec_args,
    exec_env,
    dirs
});

impl Process {
    /// The first process: memory image, `argv`, the environment, and
    /// `main` called.
    pub fn new(prog: &Program, opts: &ProcessOptions) -> Process {
        let bytes = |v: &[String]| v.iter().map(|a| a.as_bytes().to_vec()).collect::<Vec<_>>();
        Process::image(prog, 0, &bytes(&opts.argv), &bytes(&opts.env), opts.stdout)
    }

    /// A fresh process image of program `image` (an `exec`): memory,
    /// `argv` and the environment `env` (`NAME=VALUE` strings), stdio
    /// buffers, and its `main` called.
    pub fn image(prog: &Program, image: usize, args: &[Vec<u8>], env: &[Vec<u8>], stdout: StdoutMode) -> Process {
        let entry = &prog.images[image];
        let mut mem = Memory::new(prog);
        let libc_strings = mem.add_shared(super::libc::errtext::table_bytes(), RegionKind::Libc);
        let (argv, envp) = build_argv(&mut mem, args, env);
        if let Some(r) = mem.region_mut(entry.environ_region as usize) {
            r.bytes_mut()[..8].copy_from_slice(&envp.to_le_bytes());
        }
        let mut p = Process {
            mem,
            frames: Vec::new(),
            stack: Vec::with_capacity(64),
            sp: 0,
            stdio: Stdio::new(stdout),
            rand: Rand::default(),
            strtok_save: 0,
            static_bufs: [0; 2],
            after: After::Nothing,
            libc_strings,
            scratch: Vec::new(),
            heap_sites: Vec::new(),
            handlers: Vec::new(),
            jumps: Vec::new(),
            atexit: Vec::new(),
            exiting: None,
            image: image as u32,
            errno_region: entry.errno_region,
            environ_region: entry.environ_region,
            exec_args: Vec::new(),
            exec_env: Vec::new(),
            dirs: Vec::new(),
        };
        let main = &prog.functions[entry.main as usize];
        p.stack.extend([args.len() as u64, argv, envp].into_iter().take(entry.main_params as usize));
        let n = main.params.len().min(p.stack.len());
        p.stack.truncate(n);
        // A `main` whose locals pass the stack's limit (`char big[9 << 20]`)
        // dies of the overflow at its first step, as natively.
        if let Err(b) = p.enter(prog, entry.main) {
            let span = main.spans.first().copied().unwrap_or_default();
            let fault = super::fault::Fault::signal(super::fault::Signal::Segv, super::fault::Cause::Memory(b), span);
            p.after = After::Drain(Then::Kill(fault));
        }
        p
    }

    /// The value of its `environ`: the environment an `exec` that is
    /// given none passes on.
    pub fn environ(&self, sh: &dyn super::Shared) -> u64 {
        self.mem.load(sh, (self.environ_region as u64) << 32, crate::ir::MemTy::I64).unwrap_or(0)
    }

    /// Pushes a frame for `func`, moving its arguments from the operand
    /// stack into parameter slots.
    pub(super) fn enter(&mut self, prog: &Program, func: u32) -> Result<(), super::memory::BadAccess> {
        let f = &prog.functions[func as usize];
        let fp = self.sp.div_ceil(16) * 16;
        let top = fp as usize + f.frame_size as usize;
        if top > super::memory::STACK_LIMIT {
            return Err(super::memory::BadAccess::StackOverflow);
        }
        self.mem.grow_stack(top);
        for slot in f.params.iter().rev() {
            let v = self.stack.pop().unwrap_or(0);
            match *slot {
                ParamSlot::Scalar(off, m) => {
                    let at = fp as usize + off as usize;
                    let w = m.width() as usize;
                    self.mem.stack[at..at + w].copy_from_slice(&v.to_le_bytes()[..w]);
                }
                ParamSlot::Struct(off, size) => {
                    // The caller made a private copy: never shared memory.
                    let dst = ((crate::ir::region::STACK as u64) << 32) | (fp as u64 + off as u64);
                    self.mem.copy(&mut super::NoShared, dst, v, size as usize)?;
                }
            }
        }
        // Cleared again on return (run.rs), so bits above `sp` are clear.
        self.mem.poison_frame(fp as usize, &f.redzones, true);
        self.frames.push(Frame { func, pc: 0, fp, saved_sp: self.sp });
        self.sp = top as u32;
        Ok(())
    }

    /// Drops what an ended process no longer needs (its memory, frames
    /// and operand stack): a zombie costs a few words, and two zombies
    /// that exited alike are equal states.
    pub fn discard(&mut self) {
        self.mem.clear();
        crate::reuse::clear_small(&mut self.frames);
        crate::reuse::clear_small(&mut self.stack);
        crate::reuse::clear_small(&mut self.scratch);
        self.sp = 0;
    }

    /// Resumes after the kernel performed the pending system call.
    pub fn resume(&mut self, result: i64) {
        match &self.after {
            After::PushResult => {
                self.stack.push(result as u64);
                self.after = After::Nothing;
            }
            After::Drain(_) => {
                // glibc drops the buffer either way; a failure makes the
                // call (fflush, printf, ...) return EOF.
                self.stdio.failed |= result < 0;
                self.stdio.outq.pop_front();
            }
            After::Opened { read, write, append } => {
                let (read, write, append) = (*read, *write, *append);
                let v = match result {
                    fd @ 0.. => super::libc::file_handle(self.stdio.open(fd as i32, read, write, append)),
                    _ => 0,
                };
                self.stack.push(v);
                self.after = After::Nothing;
            }
            After::Fdopen { fd, read, write } => {
                let (fd, read, write) = (*fd, *read, *write);
                let acc = result & 3;
                let v = if result < 0 {
                    0
                } else if (read && acc == crate::abi::flags::O_WRONLY as i64) || (write && acc == crate::abi::flags::O_RDONLY as i64) {
                    self.set_errno_here(crate::abi::errno::EINVAL);
                    0
                } else {
                    super::libc::file_handle(self.stdio.open(fd, read, write, result & crate::abi::flags::O_APPEND as i64 != 0))
                };
                self.stack.push(v);
                self.after = After::Nothing;
            }
            After::Status => {
                self.stack.push(if result < 0 { u64::MAX } else { 0 });
                self.after = After::Nothing;
            }
            After::Offset(adjust) => {
                self.stack.push(if result < 0 { u64::MAX } else { (result + adjust) as u64 });
                self.after = After::Nothing;
            }
            After::Ignore => self.after = After::Nothing,
            After::Synced(w) => {
                let w = *w;
                if let (0.., Some(i)) = (result, self.stdio.input_mut(w)) {
                    let eof = i.eof;
                    i.clear();
                    i.eof = eof;
                }
                self.stack.push(0);
                self.after = After::Nothing;
            }
            After::Unread { w, code } => {
                let (w, code) = (*w, *code);
                if let Some(i) = self.stdio.input_mut(w) {
                    i.clear();
                }
                self.after = After::Drain(Then::Exit(code));
            }
            After::Refill(_) => {
                let filling = self.stdio.filling;
                if let Some(input) = self.stdio.input_mut(filling) {
                    input.eof |= result == 0;
                    input.error |= result < 0;
                }
                // Run the routine again: its arguments back on the stack
                // (moved out, not copied), the frame back at its call.
                if let After::Refill(args) = std::mem::replace(&mut self.after, After::Nothing) {
                    self.stack.extend_from_slice(&args);
                }
                if let Some(f) = self.frames.last_mut() {
                    f.pc -= 1;
                }
            }
            After::Nothing => {}
        }
    }

    /// Sets `errno` (a private global).
    pub fn set_errno(&mut self, _prog: &Program, e: i32) {
        self.set_errno_here(e);
    }

    /// Sets `errno` where no program is at hand (a continuation).
    fn set_errno_here(&mut self, e: i32) {
        if let Some(reg) = self.mem.region_mut(self.errno_region as usize) {
            if reg.bytes.len() >= 4 {
                reg.bytes_mut()[..4].copy_from_slice(&e.to_le_bytes());
            }
        }
    }

    /// Reads `errno`.
    pub fn errno(&self, _prog: &Program) -> i32 {
        match self.mem.regions.get(self.errno_region as usize) {
            Some(reg) if reg.bytes.len() >= 4 => i32::from_le_bytes([reg.bytes[0], reg.bytes[1], reg.bytes[2], reg.bytes[3]]),
            _ => 0,
        }
    }

    /// The bytes of a pending write.
    pub fn write_bytes<'a>(&'a self, sh: &'a dyn super::Shared, src: Src, len: u64) -> Result<&'a [u8], super::memory::BadAccess> {
        match src {
            Src::Mem(at) => self.mem.slice(sh, at, usize::try_from(len).unwrap_or(usize::MAX)),
            Src::Stdio => Ok(self.stdio.outq.front().map_or(&[][..], |(_, b)| &b[..])),
        }
    }

    /// Where the `malloc` block at `region` was allocated, if it is one.
    pub fn heap_site(&self, region: u32) -> Option<crate::source::Span> {
        let i = self.heap_sites.binary_search_by_key(&region, |s| s.0).ok()?;
        Some(self.heap_sites[i].1)
    }

    /// The source location the process is at.
    pub fn span(&self, prog: &Program) -> crate::source::Span {
        match self.frames.last() {
            Some(f) => prog.span_of(f.func, f.pc.saturating_sub(1)),
            None => Default::default(),
        }
    }

    /// The innermost place in the program's own code: the call of the
    /// library routine written in C (`popen`, `system`) whose `fork` or
    /// `exec` this is, rather than a line of the prelude. `None` when no
    /// frame is the program's (a built-in utility's image).
    pub fn user_span(&self, prog: &Program) -> Option<crate::source::Span> {
        self.frames.iter().rev().map(|f| prog.span_of(f.func, f.pc.saturating_sub(1))).find(|s| !prog.sources.is_library(s.file))
    }
}

/// Lays out `argv` and the environment as Linux does at the top of the
/// stack: `argv`'s pointers and a null, the environment's and a null,
/// then the strings. Gives the addresses of both arrays.
fn build_argv(mem: &mut Memory, args: &[Vec<u8>], env: &[Vec<u8>]) -> (u64, u64) {
    let ptrs = (args.len() + 1 + env.len() + 1) * 8;
    let total = ptrs + args.iter().chain(env).map(|a| a.len() + 1).sum::<usize>();
    let base = mem.add(vec![0; total], RegionKind::Argv);
    let bytes = mem.region_mut((base >> 32) as usize).expect("just added").bytes_mut();
    let mut at = ptrs;
    let slots = (0..args.len()).chain(args.len() + 1..args.len() + 1 + env.len());
    for (slot, a) in slots.zip(args.iter().chain(env)) {
        bytes[slot * 8..slot * 8 + 8].copy_from_slice(&(base + at as u64).to_le_bytes());
        bytes[at..at + a.len()].copy_from_slice(a);
        at += a.len() + 1;
    }
    (base, base + (args.len() as u64 + 1) * 8)
}
