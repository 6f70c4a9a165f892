//! The POSIX shared-memory namespace (`/dev/shm`): names to objects, with
//! glibc's name rules (§3 of linux-ipc-semantics.md). Objects outlive
//! processes until unlinked; their bytes live in the `SharedStore`.

use std::collections::BTreeMap;

/// Why a name is refused.
pub fn check_name(name: &[u8]) -> Result<String, i64> {
    const EINVAL: i64 = 22;
    const ENAMETOOLONG: i64 = 36;
    // glibc strips every leading slash; what is left must be one path
    // component.
    let rest: &[u8] = &name[name.iter().position(|&b| b != b'/').unwrap_or(name.len())..];
    if rest.is_empty() || rest.contains(&b'/') || rest == b"." || rest == b".." {
        return Err(-EINVAL);
    }
    if rest.len() > 255 {
        return Err(-ENAMETOOLONG);
    }
    Ok(String::from_utf8_lossy(rest).into_owned())
}

/// Named objects: name -> object number in the shared store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ShmNames {
    /// Sorted, so listing leftovers is deterministic.
    pub names: BTreeMap<String, u32>,
}
