//! System V IPC on the real kernel: the calls made for real (in the run's
//! own IPC namespace when it has one), their structures copied between
//! the interpreter's memory and the kernel, pids translated to virtual
//! ones, and an attached segment registered as a real shared mapping.
//! Without a namespace, every object made is logged and removed after the
//! run.

use crate::log::{self, Record};
use crate::process::RealProc;
use sim::abi::call::SysvCall;
use sim::interp::memory::RegionKind;

fn err(e: i32) -> i64 {
    -(e as i64)
}

fn ret(r: i64) -> i64 {
    if r < 0 {
        -(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO) as i64)
    } else {
        r
    }
}

const IPC_CREAT: i32 = 0o1000;

impl RealProc<'_> {
    pub(crate) fn sysv_call(&mut self, c: SysvCall) -> i64 {
        // SAFETY (for the libc calls below): plain integers, or local
        // buffers of the sizes passed.
        unsafe {
            match c {
                SysvCall::Ftok { path, id } => {
                    let c = match self.file_name(path) {
                        Ok(c) => c,
                        Err(e) => return err(e),
                    };
                    // A key with its top bit set is negative, not an error.
                    match libc::ftok(c.as_ptr(), id) {
                        -1 => ret(-1),
                        k => k as u32 as i64,
                    }
                }
                SysvCall::Shmget { key, size, flags } => self.made(b'm', flags, libc::shmget(key, size as usize, flags) as i64),
                SysvCall::Msgget { key, flags } => self.made(b'q', flags, libc::msgget(key, flags) as i64),
                SysvCall::Semget { key, nsems, flags } => self.made(b's', flags, libc::semget(key, nsems, flags) as i64),
                SysvCall::Shmat { id, flags, .. } => self.shmat(id, flags),
                SysvCall::Shmdt { addr } => self.shmdt(addr),
                SysvCall::Shmctl { id, cmd, buf } => self.ctl(buf, 112, &[80, 84], |p| libc::shmctl(id, cmd, p.cast()) as i64),
                SysvCall::Msgctl { id, cmd, buf } => self.ctl(buf, 120, &[96, 100], |p| libc::msgctl(id, cmd, p.cast()) as i64),
                SysvCall::Msgsnd { id, msg, size, flags } => match self.proc.mem.slice(&self.shared, msg, 8 + size as usize) {
                    Ok(b) => {
                        let b = b.to_vec();
                        ret(libc::msgsnd(id, b.as_ptr().cast(), size as usize, flags) as i64)
                    }
                    Err(_) => ret(libc::msgsnd(id, std::ptr::null(), size as usize, flags) as i64),
                },
                SysvCall::Msgrcv { id, msg, size, typ, flags } => {
                    let mut b = vec![0u8; 8 + (size as usize).min(1 << 20)];
                    let n = libc::msgrcv(id, b.as_mut_ptr().cast(), size as usize, typ, flags) as i64;
                    if n < 0 {
                        return ret(n);
                    }
                    match self.proc.mem.slice_mut(&mut self.shared, msg, 8 + n as usize) {
                        Ok(dst) => dst.copy_from_slice(&b[..8 + n as usize]),
                        Err(_) => return err(libc::EFAULT),
                    }
                    n
                }
                SysvCall::Semop { id, sops, nsops } => match self.proc.mem.slice(&self.shared, sops, nsops as usize * 6) {
                    Ok(b) => {
                        let b = b.to_vec();
                        ret(libc::semop(id, b.as_ptr() as *mut libc::sembuf, nsops as usize) as i64)
                    }
                    Err(_) => err(libc::EFAULT),
                },
                SysvCall::Semctl { id, num, cmd, arg } => self.semctl(id, num, cmd, arg),
            }
        }
    }

    /// A `*get` that may have made an object: logged for removal when the
    /// run has no namespace of its own.
    fn made(&mut self, kind: u8, flags: i32, r: i64) -> i64 {
        let r = ret(r);
        if r >= 0 && self.env.prefix.is_some() && flags & IPC_CREAT != 0 {
            log::send(self.env.log, &Record::Sysv { kind, id: r as i32 });
        }
        r
    }

    fn shmat(&mut self, id: i32, flags: i32) -> i64 {
        // SAFETY: attaching where the kernel chooses; a local shmid_ds.
        unsafe {
            let p = libc::shmat(id, std::ptr::null(), flags);
            if p as isize == -1 {
                return ret(-1);
            }
            let mut ds: libc::shmid_ds = std::mem::zeroed();
            libc::shmctl(id, libc::IPC_STAT, &mut ds);
            let size = (ds.shm_segsz as u64).div_ceil(sim::interp::memory::PAGE) * sim::interp::memory::PAGE;
            let obj = self.shared.add(p.cast(), size as usize);
            self.proc.mem.map_shared(obj, 0, size, flags & libc::SHM_RDONLY == 0) as i64
        }
    }

    fn shmdt(&mut self, addr: u64) -> i64 {
        let obj = match self.proc.mem.regions().get((addr >> 32) as usize) {
            Some(r) if addr & 0xffff_ffff == 0 => match r.kind {
                RegionKind::Shared { obj, .. } => obj,
                _ => return err(libc::EINVAL),
            },
            _ => return err(libc::EINVAL),
        };
        let Some((p, n)) = self.shared.get(obj) else { return err(libc::EINVAL) };
        // SAFETY: detaching a segment this process attached or inherited.
        let r = unsafe { libc::shmdt(p as *const libc::c_void) };
        if r != 0 {
            return ret(-1);
        }
        let _ = self.proc.mem.unmap(addr, n as u64);
        self.shared.remove(obj);
        0
    }

    /// A `*ctl` with a `*_ds` of `len` bytes at `buf`: copied in (for
    /// `IPC_SET`), the call, copied out with the pids at `pids` made
    /// virtual.
    fn ctl(&mut self, buf: u64, len: usize, pids: &[usize], call: impl FnOnce(*mut u8) -> i64) -> i64 {
        let mut ds = vec![0u8; 128];
        let readable = buf != 0 && self.proc.mem.slice(&self.shared, buf, len).map(|b| ds[..len].copy_from_slice(b)).is_ok();
        let r = ret(call(if buf == 0 { std::ptr::null_mut() } else { ds.as_mut_ptr() }));
        if r < 0 || !readable {
            return r;
        }
        for &off in pids {
            let real = i32::from_le_bytes(ds[off..off + 4].try_into().expect("4 bytes"));
            let v = self.env.ctl.virt(real).unwrap_or(real);
            ds[off..off + 4].copy_from_slice(&v.to_le_bytes());
        }
        match self.proc.mem.slice_mut(&mut self.shared, buf, len) {
            Ok(dst) => dst.copy_from_slice(&ds[..len]),
            Err(_) => return err(libc::EFAULT),
        }
        r
    }

    fn semctl(&mut self, id: i32, num: i32, cmd: i32, arg: u64) -> i64 {
        // SAFETY: semctl with a value, or local arrays of the set's size.
        unsafe {
            match cmd {
                libc::GETALL | libc::SETALL => {
                    let mut ds: libc::semid_ds = std::mem::zeroed();
                    if libc::semctl(id, 0, libc::IPC_STAT, &mut ds as *mut libc::semid_ds) < 0 {
                        return ret(-1);
                    }
                    let n = ds.sem_nsems as usize;
                    let mut vals = vec![0u16; n];
                    if cmd == libc::SETALL {
                        let Ok(b) = self.proc.mem.slice(&self.shared, arg, n * 2) else { return err(libc::EFAULT) };
                        for (k, c) in b.chunks(2).enumerate() {
                            vals[k] = u16::from_le_bytes([c[0], c[1]]);
                        }
                    }
                    let r = ret(libc::semctl(id, num, cmd, vals.as_mut_ptr()) as i64);
                    if r >= 0 && cmd == libc::GETALL {
                        let bytes: Vec<u8> = vals.iter().flat_map(|v| v.to_le_bytes()).collect();
                        match self.proc.mem.slice_mut(&mut self.shared, arg, bytes.len()) {
                            Ok(dst) => dst.copy_from_slice(&bytes),
                            Err(_) => return err(libc::EFAULT),
                        }
                    }
                    r
                }
                libc::IPC_STAT | libc::IPC_SET => self.ctl(arg, 104, &[], |p| libc::semctl(id, num, cmd, p) as i64),
                libc::GETPID => {
                    let r = ret(libc::semctl(id, num, cmd) as i64);
                    if r > 0 {
                        self.env.ctl.virt(r as i32).unwrap_or(r as i32) as i64
                    } else {
                        r
                    }
                }
                _ => ret(libc::semctl(id, num, cmd, arg as libc::c_ulong) as i64),
            }
        }
    }
}
