//! Calls on POSIX shared memory: the kernel's glue between a process's
//! descriptors and address space and the rules of `ipc/shm.rs`.

use super::calls::Sys;
use super::fd::{FileKind, ACCMODE, MAX_FDS};
use super::Machine;
use crate::abi::call::ShmCall;
use crate::abi::errno::{EBADF, EEXIST, EFAULT, EFBIG, EINVAL, EMFILE, ENODEV, ENOENT, ENOMEM};
use crate::abi::flags::{MAP_SHARED, O_CREAT, O_EXCL, O_LARGEFILE, O_NOFOLLOW, O_RDONLY, O_TRUNC};
use crate::ipc::shm::{self, MapKind};

impl Machine {
    pub(super) fn shm_call(&mut self, i: usize, c: ShmCall) -> Sys {
        match c {
            ShmCall::Open { name, oflag, .. } => Sys::from(self.shm_open(i, name, oflag)),
            ShmCall::Unlink { name } => Sys::from(self.shm_unlink(i, name)),
            ShmCall::Ftruncate { fd, len } => Sys::from(self.ftruncate(i, fd as i64, len)),
            ShmCall::Mmap { len, prot, flags, fd, off } => Sys::from(self.mmap(i, len, prot, flags, fd as i64, off)),
            ShmCall::Munmap { addr, len } => Sys::from(self.munmap(i, addr, len)),
            // The step drained the store buffer (or, under `arm`, took
            // the fence's views), which is all it does.
            ShmCall::Fence { .. } => Sys::Ret(0),
        }
    }

    /// The checked name at `addr` in process `i`'s memory.
    fn shm_name(&self, i: usize, addr: u64) -> Result<String, i32> {
        let raw = self.procs[i].proc.mem.cstr(&self.shared, addr).map_err(|_| EFAULT)?;
        shm::check_name(raw)
    }

    fn shm_open(&mut self, i: usize, name: u64, oflag: i32) -> Result<i64, i32> {
        let name = self.shm_name(i, name)?;
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        let obj = match self.shm.names.get(&name) {
            Some(_) if oflag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            Some(&obj) => obj,
            None if oflag & O_CREAT == 0 => return Err(ENOENT),
            None => {
                let obj = self.shared.create(0);
                self.shm.names.insert(name, obj);
                obj
            }
        };
        if oflag & O_TRUNC != 0 {
            self.shared.resize(obj, 0);
            self.unpark_object(obj);
        }
        // glibc opens with O_NOFOLLOW and the kernel adds O_LARGEFILE:
        // F_GETFL shows both.
        let f = self.open_file(FileKind::Shm(obj), (oflag & ACCMODE) | O_LARGEFILE | O_NOFOLLOW);
        let fd = self.install(i, f, 0);
        // glibc's shm_open adds O_CLOEXEC.
        if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
            d.cloexec = true;
        }
        Ok(fd)
    }

    fn shm_unlink(&mut self, i: usize, name: u64) -> Result<i64, i32> {
        let name = self.shm_name(i, name).map_err(shm::unlink_errno)?;
        self.shm.names.remove(&name).ok_or(ENOENT)?;
        self.collect_shared();
        Ok(0)
    }

    fn ftruncate(&mut self, i: usize, fd: i64, len: i64) -> Result<i64, i32> {
        let (_, file) = self.file_of(i, fd).ok_or(EBADF)?;
        let FileKind::Shm(obj) = file.kind else {
            return Err(EINVAL);
        };
        if file.flags & ACCMODE == O_RDONLY {
            return Err(EINVAL);
        }
        if len > 0 && !self.may_grow(obj, len as u64) {
            return Err(EFBIG);
        }
        self.shared.truncate(obj, len)?;
        self.unpark_object(obj);
        Ok(0)
    }

    /// `munmap`; a private mapping's bytes go back to the run's budget.
    fn munmap(&mut self, i: usize, addr: u64, len: u64) -> Result<i64, i32> {
        let mem = &mut self.procs[i].proc.mem;
        let before = mem.committed();
        let was = mem.unmap(addr, len).map_err(|_| EINVAL)?;
        self.committed -= before - mem.committed();
        if matches!(was, Some(crate::interp::memory::RegionKind::Shared { .. })) {
            self.collect_shared();
        }
        Ok(0)
    }

    /// `mmap`: new memory (anonymous, or a private copy of an object)
    /// comes out of the run's budget, `ENOMEM` past it.
    fn mmap(&mut self, i: usize, len: u64, prot: i32, flags: i32, fd: i64, off: i64) -> Result<i64, i32> {
        let plan = shm::plan_mmap(len, prot, flags, off)?;
        let budget = |m: &mut Machine| if m.reserve(plan.size) { Ok(()) } else { Err(ENOMEM) };
        let obj = match plan.kind {
            MapKind::AnonShared => {
                if !self.may_create(plan.size) {
                    return Err(ENOMEM);
                }
                let obj = self.shared.create(plan.size);
                return Ok(self.procs[i].proc.mem.map_shared(obj, 0, plan.size, plan.writable) as i64);
            }
            MapKind::AnonPrivate => {
                budget(self)?;
                return Ok(self.procs[i].proc.mem.map_private(vec![0; plan.size as usize]) as i64);
            }
            // A mapping of /dev/zero is anonymous memory, shared or not.
            MapKind::Object | MapKind::ObjectCopy if self.file_of(i, fd).is_some_and(|(_, f)| f.kind == FileKind::DevZero) => {
                let (_, file) = self.file_of(i, fd).ok_or(EBADF)?;
                shm::check_map_access(&plan, flags & 3 == MAP_SHARED, file.flags)?;
                if plan.kind == MapKind::Object {
                    if !self.may_create(plan.size) {
                        return Err(ENOMEM);
                    }
                    let obj = self.shared.create(plan.size);
                    return Ok(self.procs[i].proc.mem.map_shared(obj, 0, plan.size, plan.writable) as i64);
                }
                budget(self)?;
                return Ok(self.procs[i].proc.mem.map_private(vec![0; plan.size as usize]) as i64);
            }
            MapKind::Object | MapKind::ObjectCopy => {
                let (_, file) = self.file_of(i, fd).ok_or(EBADF)?;
                let FileKind::Shm(obj) = file.kind else {
                    return Err(ENODEV);
                };
                shm::check_map_access(&plan, flags & 3 == MAP_SHARED, file.flags)?;
                obj
            }
        };
        if plan.kind == MapKind::Object {
            return Ok(self.procs[i].proc.mem.map_shared(obj, off as u64, plan.size, plan.writable) as i64);
        }
        budget(self)?;
        let mem = &mut self.procs[i].proc.mem;
        let bytes = self.shared.read_at(obj, off as u64, plan.size);
        let mut copy = vec![0; plan.size as usize];
        copy[..bytes.len()].copy_from_slice(bytes);
        Ok(mem.map_private(copy) as i64)
    }
}
