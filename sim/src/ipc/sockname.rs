//! The addresses of `AF_UNIX` sockets: paths in the run's simulated
//! file system (a socket file stays after its socket closes, until
//! `unlink`), and abstract names (a leading 0 byte; gone with the
//! socket). The file system holds the directories a program may bind in
//! (`/tmp`, `/var/tmp`, `/dev/shm` and the working directory) and the
//! socket files; a path is resolved as the kernel does (`.`, `..`,
//! repeated slashes, relative to the working directory).

use crate::abi::errno::{EADDRINUSE, EBUSY, ECONNREFUSED, EEXIST, EISDIR, ENAMETOOLONG, ENOENT, ENOTDIR, ENOTEMPTY};
use std::collections::BTreeMap;

/// The working directory of every process of a run.
pub const CWD: &str = "/home/ipcsim";
/// Directories of the simulated file system.
const DIRS: [&str; 8] = ["/", "/tmp", "/var", "/var/tmp", "/dev", "/dev/shm", "/home", CWD];

/// A socket address as the program gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Address {
    /// A path (up to its first 0 byte).
    Path(Vec<u8>),
    /// An abstract name: the bytes after the leading 0.
    Abstract(Vec<u8>),
    /// An IPv4 address and port.
    Inet(super::inet::InetAddr),
}

/// The address in `sun_path` (the bytes after the family).
pub fn parse(sun_path: &[u8]) -> Address {
    match sun_path.split_first() {
        Some((0, rest)) => Address::Abstract(rest.to_vec()),
        _ => Address::Path(sun_path.split(|&b| b == 0).next().unwrap_or_default().to_vec()),
    }
}

impl Address {
    /// The `struct sockaddr_un` bytes the kernel reports for it: the
    /// family, then the path with its 0, or the 0 and the name.
    pub fn sockaddr(&self) -> Vec<u8> {
        if let Address::Inet(a) = self {
            return a.sockaddr();
        }
        let mut v = vec![1, 0];
        match self {
            Address::Path(p) => {
                v.extend_from_slice(p);
                v.push(0);
            }
            Address::Abstract(n) => {
                v.push(0);
                v.extend_from_slice(n);
            }
            Address::Inet(_) => {}
        }
        v
    }
}

/// What a path is, for `open`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A regular file, its bytes in this shared object.
    File(u32),
    /// A directory.
    Dir,
    /// A socket file.
    Socket,
    /// A named pipe (`mkfifo`): its index in the kernel's FIFO table.
    Fifo(u32),
    /// Nothing (its directory exists).
    Missing,
}

/// What a name in the namespace refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Path(Vec<u8>),
    /// Abstract names are separate per socket type (measured).
    Abstract(u8, Vec<u8>),
}

/// The run's socket names, and its regular files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Names {
    /// Name -> the socket bound to it (`None`: a socket file whose
    /// socket has closed).
    names: BTreeMap<Key, Option<u32>>,
    /// Resolved path -> the shared object holding a regular file's bytes.
    pub files: BTreeMap<Vec<u8>, u32>,
    /// Directories the run made (`mkdir`), besides the fixed ones.
    pub dirs: std::collections::BTreeSet<Vec<u8>>,
    /// Resolved path -> the named pipe (`mkfifo`) there.
    pub fifos: BTreeMap<Vec<u8>, u32>,
    /// Resolved path -> the permission bits of a file or directory the
    /// run made (`open`'s or `mkdir`'s mode less the umask); one not here
    /// has the default (0644 a file, 0755 a directory).
    pub modes: BTreeMap<Vec<u8>, u32>,
    /// Abstract names given by autobind so far.
    autobound: u32,
}

/// A path made absolute and resolved, if its directory exists in the
/// run's file system (`ENOENT` otherwise): the real backend maps paths
/// into the run's own directory with it.
pub fn resolve(path: &[u8]) -> Result<Vec<u8>, i32> {
    Names::default().resolve_in(path)
}

/// A path made absolute (from [`CWD`]) and its `.` and `..` resolved, by
/// its text alone: whether its directories exist is left to whoever
/// uses it (the real kernel, in the real backend).
pub fn absolute(path: &[u8]) -> Result<Vec<u8>, i32> {
    let parts = components(path)?;
    Ok(if parts.is_empty() { b"/".to_vec() } else { join(&parts) })
}

/// `path` as a process whose working directory is `cwd` means it (`None`:
/// [`CWD`], which resolution adds itself).
pub fn from_cwd(cwd: Option<&[u8]>, path: &[u8]) -> Vec<u8> {
    match cwd {
        Some(dir) if !path.is_empty() && path[0] != b'/' => [dir, b"/", path].concat(),
        _ => path.to_vec(),
    }
}

/// The components of `path` made absolute, `.` and `..` resolved.
fn components(path: &[u8]) -> Result<Vec<Vec<u8>>, i32> {
    if path.is_empty() {
        return Err(ENOENT);
    }
    let full = match path.first() {
        Some(b'/') => path.to_vec(),
        _ => [CWD.as_bytes(), b"/", path].concat(),
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for c in full.split(|&b| b == b'/') {
        match c {
            b"" | b"." => {}
            b".." => {
                parts.pop();
            }
            c if c.len() > 255 => return Err(ENAMETOOLONG),
            c => parts.push(c.to_vec()),
        }
    }
    Ok(parts)
}

/// `/a/b` of the components `a`, `b`.
fn join(p: &[Vec<u8>]) -> Vec<u8> {
    p.iter().flat_map(|c| [b"/".as_slice(), c].concat()).collect()
}

impl Names {
    /// As [`resolve`], with the directories the run made; `ENOTDIR` if a
    /// socket file or a regular file stands where a directory should.
    fn resolve_in(&self, path: &[u8]) -> Result<Vec<u8>, i32> {
        let parts = components(path)?;
        let parent = match parts.len() {
            0 => return Ok(b"/".to_vec()),
            n => join(&parts[..n - 1]),
        };
        let parent = if parent.is_empty() { b"/".to_vec() } else { parent };
        let not_dir = |p: Vec<u8>| {
            if self.files.contains_key(&p) || self.fifos.contains_key(&p) || self.names.contains_key(&Key::Path(p)) {
                ENOTDIR
            } else {
                ENOENT
            }
        };
        if !self.is_dir(&parent) {
            return Err(not_dir(parent));
        }
        let resolved = join(&parts);
        // A trailing slash asks for a directory.
        if path.ends_with(b"/") && !self.is_dir(&resolved) {
            return Err(not_dir(resolved));
        }
        Ok(resolved)
    }

    /// Whether a resolved path is a directory: a fixed one or one made.
    fn is_dir(&self, path: &[u8]) -> bool {
        DIRS.iter().any(|d| d.as_bytes() == path) || self.dirs.contains(path)
    }

    fn key(&self, a: &Address, ty: u8) -> Result<Key, i32> {
        match a {
            Address::Path(p) => self.resolve_in(p).map(Key::Path),
            Address::Abstract(n) => Ok(Key::Abstract(ty, n.clone())),
            Address::Inet(_) => Err(crate::abi::errno::EINVAL),
        }
    }

    /// The live socket bound to `a`: `ENOENT` for a path that does not
    /// exist, `ECONNREFUSED` for a name nobody is bound to any more (or
    /// a directory).
    pub fn find(&self, a: &Address, ty: u8) -> Result<u32, i32> {
        let key = self.key(a, ty)?;
        match (self.names.get(&key), &key) {
            (Some(Some(s)), _) => Ok(*s),
            (Some(None), _) => Err(ECONNREFUSED),
            (None, Key::Path(p)) if !self.is_dir(p) && !self.files.contains_key(p) && !self.fifos.contains_key(p) => Err(ENOENT),
            (None, _) => Err(ECONNREFUSED),
        }
    }

    /// Whether `a` could be bound: `EADDRINUSE` if the name exists.
    pub fn check_free(&self, a: &Address, ty: u8) -> Result<(), i32> {
        let key = self.key(a, ty)?;
        if self.names.contains_key(&key)
            || matches!(&key, Key::Path(p) if self.is_dir(p) || self.files.contains_key(p) || self.fifos.contains_key(p))
        {
            return Err(EADDRINUSE);
        }
        Ok(())
    }

    /// Binds socket `s` to `a`: `EADDRINUSE` if the name exists.
    pub fn bind(&mut self, s: u32, a: &Address, ty: u8) -> Result<(), i32> {
        self.check_free(a, ty)?;
        self.names.insert(self.key(a, ty)?, Some(s));
        Ok(())
    }

    /// Socket `s` closes: its path stays as a socket file nobody is bound
    /// to, its abstract name goes.
    pub fn unbind(&mut self, s: u32, a: &Address, ty: u8) {
        let Ok(key) = self.key(a, ty) else { return };
        if self.names.get(&key) != Some(&Some(s)) {
            return;
        }
        match key {
            Key::Path(_) => {
                self.names.insert(key, None);
            }
            Key::Abstract(..) => {
                self.names.remove(&key);
            }
        }
    }

    /// Whether a resolved path names a directory, a socket file, a named
    /// pipe or a regular file.
    pub fn exists(&self, resolved: &[u8]) -> bool {
        self.is_dir(resolved)
            || self.names.contains_key(&Key::Path(resolved.to_vec()))
            || self.files.contains_key(resolved)
            || self.fifos.contains_key(resolved)
    }

    /// `mkfifo(path)`: the name of named pipe `fifo` (the caller's table
    /// index), `EEXIST` if the name exists.
    pub fn mkfifo(&mut self, path: &[u8], fifo: u32) -> Result<i64, i32> {
        let resolved = self.resolve_in(path)?;
        if self.exists(&resolved) {
            return Err(EEXIST);
        }
        self.fifos.insert(resolved, fifo);
        Ok(0)
    }

    /// `unlink(path)`.
    pub fn unlink(&mut self, path: &[u8]) -> Result<i64, i32> {
        let resolved = self.resolve_in(path)?;
        if self.is_dir(&resolved) {
            return Err(EISDIR);
        }
        if self.files.remove(&resolved).is_some() || self.fifos.remove(&resolved).is_some() {
            self.modes.remove(&resolved);
            return Ok(0);
        }
        self.names.remove(&Key::Path(resolved)).map(|_| 0).ok_or(ENOENT)
    }

    /// What a path names for `open`: a regular file's object, a socket
    /// file, a directory, or nothing (with its resolved form).
    pub fn lookup_file(&self, path: &[u8]) -> Result<(Vec<u8>, Node), i32> {
        let resolved = self.resolve_in(path)?;
        let node = match self.files.get(&resolved) {
            Some(&obj) => Node::File(obj),
            None if self.is_dir(&resolved) => Node::Dir,
            None if self.fifos.contains_key(&resolved) => Node::Fifo(self.fifos[&resolved]),
            None if self.names.contains_key(&Key::Path(resolved.clone())) => Node::Socket,
            None => Node::Missing,
        };
        Ok((resolved, node))
    }

    /// A fresh abstract name for autobind (five hex digits, as Linux).
    pub fn autobind_name(&mut self, ty: u8) -> Address {
        loop {
            self.autobound += 1;
            let name = format!("{:05x}", self.autobound & 0xfffff).into_bytes();
            if !self.names.contains_key(&Key::Abstract(ty, name.clone())) {
                return Address::Abstract(name);
            }
        }
    }

    /// `mkdir(path, perm)` (`perm` already less the umask).
    pub fn mkdir(&mut self, path: &[u8], perm: u32) -> Result<i64, i32> {
        let resolved = self.resolve_in(path)?;
        if self.exists(&resolved) {
            return Err(EEXIST);
        }
        self.modes.insert(resolved.clone(), perm);
        self.dirs.insert(resolved);
        Ok(0)
    }

    /// The permission bits of the file or directory at `resolved`.
    pub fn perm(&self, resolved: &[u8], dir: bool) -> u32 {
        self.modes.get(resolved).copied().unwrap_or(if dir { 0o755 } else { 0o644 })
    }

    /// A directory's link count: its name, its `.`, and each
    /// subdirectory's `..`.
    pub fn links(&self, resolved: &[u8]) -> u64 {
        let child = |d: &[u8]| {
            let cut = d.iter().rposition(|&b| b == b'/').unwrap_or(0);
            let parent = if cut == 0 { b"/".as_slice() } else { &d[..cut] };
            d != b"/" && parent == resolved
        };
        let subdirs = DIRS.iter().map(|d| d.as_bytes()).chain(self.dirs.iter().map(|d| d.as_slice())).filter(|d| child(d)).count();
        2 + subdirs as u64
    }

    /// A name's permission bits go with it to its new name.
    fn move_mode(&mut self, a: &[u8], b: &[u8]) {
        self.modes.remove(b);
        if let Some(m) = self.modes.remove(a) {
            self.modes.insert(b.to_vec(), m);
        }
    }

    /// `rmdir(path)`: only an empty directory the run made goes.
    pub fn rmdir(&mut self, path: &[u8]) -> Result<i64, i32> {
        let resolved = self.resolve_in(path)?;
        if !self.is_dir(&resolved) {
            return Err(if self.exists(&resolved) { ENOTDIR } else { ENOENT });
        }
        if !self.dirs.contains(&resolved) {
            return Err(EBUSY);
        }
        if self.list(&resolved)?.len() > 2 {
            return Err(ENOTEMPTY);
        }
        self.modes.remove(&resolved);
        self.dirs.remove(&resolved);
        Ok(0)
    }

    /// `rename(from, to)`.
    pub fn rename(&mut self, from: &[u8], to: &[u8]) -> Result<i64, i32> {
        let a = self.resolve_in(from)?;
        let b = self.resolve_in(to)?;
        if !self.exists(&a) {
            return Err(ENOENT);
        }
        if a == b {
            return Ok(0);
        }
        if self.is_dir(&a) {
            // Only an empty directory the run made, onto nothing.
            if !self.dirs.contains(&a) || self.list(&a)?.len() > 2 {
                return Err(EBUSY);
            }
            if self.exists(&b) {
                return Err(if self.is_dir(&b) { ENOTEMPTY } else { ENOTDIR });
            }
            self.dirs.remove(&a);
            self.move_mode(&a, &b);
            self.dirs.insert(b);
            return Ok(0);
        }
        if self.is_dir(&b) {
            return Err(EISDIR);
        }
        self.files.remove(&b);
        self.fifos.remove(&b);
        self.names.remove(&Key::Path(b.clone()));
        self.move_mode(&a, &b);
        if let Some(obj) = self.files.remove(&a) {
            self.files.insert(b, obj);
        } else if let Some(f) = self.fifos.remove(&a) {
            self.fifos.insert(b, f);
        } else if let Some(s) = self.names.remove(&Key::Path(a)) {
            self.names.insert(Key::Path(b), s);
        }
        Ok(0)
    }

    /// The entries of directory `path` (`.` and `..` first, then by
    /// name), each with its `d_type`: what `readdir` returns.
    pub fn list(&self, path: &[u8]) -> Result<Vec<(Vec<u8>, u8)>, i32> {
        const DT_FIFO: u8 = 1;
        const DT_DIR: u8 = 4;
        const DT_REG: u8 = 8;
        const DT_SOCK: u8 = 12;
        let dir = self.resolve_in(path)?;
        if !self.is_dir(&dir) {
            return Err(if self.exists(&dir) { ENOTDIR } else { ENOENT });
        }
        let child = |p: &[u8]| -> Option<Vec<u8>> {
            let cut = p.iter().rposition(|&b| b == b'/')?;
            let (parent, name) = (&p[..cut], &p[cut + 1..]);
            let parent = if parent.is_empty() { b"/".as_slice() } else { parent };
            (parent == dir.as_slice() && !name.is_empty()).then(|| name.to_vec())
        };
        let mut out: BTreeMap<Vec<u8>, u8> = BTreeMap::new();
        for d in DIRS.iter().map(|d| d.as_bytes()).chain(self.dirs.iter().map(|d| d.as_slice())) {
            out.extend(child(d).map(|n| (n, DT_DIR)));
        }
        for f in self.files.keys() {
            out.extend(child(f).map(|n| (n, DT_REG)));
        }
        for f in self.fifos.keys() {
            out.extend(child(f).map(|n| (n, DT_FIFO)));
        }
        for p in self.paths() {
            out.extend(child(p).map(|n| (n, DT_SOCK)));
        }
        let mut v = vec![(b".".to_vec(), DT_DIR), (b"..".to_vec(), DT_DIR)];
        v.extend(out);
        Ok(v)
    }

    /// The paths of socket files (sorted), for leak reports.
    pub fn paths(&self) -> impl Iterator<Item = &[u8]> {
        self.names.keys().filter_map(|k| match k {
            Key::Path(p) => Some(p.as_slice()),
            Key::Abstract(..) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_absolute_paths_name_the_same_file() {
        let mut n = Names::default();
        n.bind(7, &Address::Path(b"sock".to_vec()), 1).unwrap();
        assert_eq!(n.find(&Address::Path(format!("{CWD}/./sock").into_bytes()), 1), Ok(7));
        assert_eq!(n.find(&Address::Path(b"/tmp/../home/ipcsim//sock".to_vec()), 2), Ok(7));
        assert_eq!(n.bind(8, &Address::Path(b"./sock".to_vec()), 2), Err(EADDRINUSE));
        let abs = Address::Abstract(b"x".to_vec());
        n.bind(9, &abs, 1).unwrap();
        assert_eq!(n.bind(10, &abs, 2), Ok(()), "abstract names are per type");
        assert_eq!(n.bind(11, &abs, 1), Err(EADDRINUSE));
    }

    #[test]
    fn a_closed_sockets_path_refuses_until_unlinked() {
        let mut n = Names::default();
        let a = Address::Path(b"/tmp/s".to_vec());
        n.bind(1, &a, 1).unwrap();
        n.unbind(1, &a, 1);
        assert_eq!(n.find(&a, 1), Err(ECONNREFUSED));
        assert_eq!(n.bind(2, &a, 1), Err(EADDRINUSE));
        assert_eq!(n.unlink(b"/tmp/s"), Ok(0));
        assert_eq!(n.find(&a, 1), Err(ENOENT));
        assert_eq!(n.unlink(b"/tmp/s"), Err(ENOENT));
        assert_eq!(n.find(&Address::Path(b"/nope/s".to_vec()), 1), Err(ENOENT));
    }
}
