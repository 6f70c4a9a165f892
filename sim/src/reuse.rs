//! Clones that reuse buffers. A search resets its machine to the start
//! of every run in place (`clone_from`), so that each vector of each
//! process keeps its capacity from the run before and a run allocates
//! next to nothing. A derived `Clone` cannot do that: its `clone_from`
//! is a fresh clone and a drop. [`fieldwise_clone!`] writes a `Clone`
//! whose `clone_from` goes field by field, and which, as it destructures
//! without `..`, stops compiling when a field is added and not listed.

/// `Clone` for a struct, field by field, `clone_from` included:
/// `fieldwise_clone!(Name { field, field, ... });` with every field.
macro_rules! fieldwise_clone {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Clone for $t {
            fn clone(&self) -> Self {
                let $t { $($f),* } = self;
                $t { $($f: $f.clone()),* }
            }

            fn clone_from(&mut self, source: &Self) {
                let $t { $($f),* } = self;
                $($f.clone_from(&source.$f);)*
            }
        }
    };
}

pub(crate) use fieldwise_clone;

/// Bytes of capacity a cleared vector may keep: a process's usual stack
/// and tables, not a deep recursion's.
const KEEP_BYTES: usize = 64 << 10;

/// Empties `v`, keeping its buffer for reuse unless it is large.
pub fn clear_small<T>(v: &mut Vec<T>) {
    if v.capacity() * std::mem::size_of::<T>() > KEEP_BYTES {
        *v = Vec::new();
    } else {
        v.clear();
    }
}

/// Values kept for reuse beside a state but not part of it (a machine's
/// retired process entries, a store's freed pages): a clone starts
/// empty and `clone_from` keeps its own, every two are equal, and it
/// hashes to nothing, so two states stay equal whatever their pools.
pub struct Pool<T>(Vec<T>);

/// Most values a pool keeps: enough for the processes of a course
/// program, bounded so that one run with many forks does not keep their
/// memory for the rest of a search.
const POOL_CAP: usize = 16;

impl<T> Pool<T> {
    /// A value to reuse, if one is kept.
    pub fn take(&mut self) -> Option<T> {
        self.0.pop()
    }

    /// Keeps `v` for reuse (dropped if the pool is full).
    pub fn put(&mut self, v: T) {
        if self.0.len() < POOL_CAP {
            self.0.push(v);
        }
    }
}

impl<T> Default for Pool<T> {
    fn default() -> Self {
        Pool(Vec::new())
    }
}

impl<T> Clone for Pool<T> {
    fn clone(&self) -> Self {
        Pool::default()
    }

    fn clone_from(&mut self, _: &Self) {}
}

impl<T> PartialEq for Pool<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Pool<T> {}

impl<T> std::hash::Hash for Pool<T> {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl<T> std::fmt::Debug for Pool<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}
