//! Process groups and sessions: the rules of `setpgid(2)`, `setsid(2)`,
//! `getpgid(2)` and the groups `kill(2)` reaches, over a view of the
//! run's processes. Both backends keep the groups themselves (the real
//! one never moves a process out of the run's real group, which is how
//! it stops a run whatever happens) and decide with these functions.

use crate::abi::errno::{EACCES, EINVAL, EPERM, ESRCH};

/// The session a run's first process belongs to without leading it (a
/// native run started by a shell or a test harness is in the caller's
/// session).
pub const OUTER_SESSION: i32 = 1;

/// What the rules need to know of a process that exists (running, or a
/// zombie not yet reaped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// Virtual pid.
    pub pid: i32,
    /// Its parent's.
    pub ppid: i32,
    /// Process group.
    pub pgid: i32,
    /// Session.
    pub sid: i32,
    /// Has called `exec` since it was forked.
    pub execd: bool,
}

fn find(all: &[Member], pid: i32) -> Result<&Member, i32> {
    all.iter().find(|m| m.pid == pid).ok_or(ESRCH)
}

/// `getpgid`/`getsid`'s process: the caller for 0.
pub fn target(all: &[Member], caller: i32, pid: i32) -> Result<Member, i32> {
    find(all, if pid == 0 { caller } else { pid }).copied()
}

/// `setpgid(pid, pgid)` by `caller`: the process whose group changes and
/// the group, or the errno, in Linux's order of checks.
pub fn setpgid(all: &[Member], caller: i32, pid: i32, pgid: i32) -> Result<(i32, i32), i32> {
    let pid = if pid == 0 { caller } else { pid };
    let pgid = if pgid == 0 { pid } else { pgid };
    if pgid < 0 {
        return Err(EINVAL);
    }
    let me = find(all, caller)?;
    let p = find(all, pid)?;
    if p.ppid == caller && p.pid != caller {
        if p.sid != me.sid {
            return Err(EPERM);
        }
        if p.execd {
            return Err(EACCES);
        }
    } else if p.pid != caller {
        return Err(ESRCH);
    }
    if p.sid == p.pid {
        return Err(EPERM);
    }
    if pgid != pid && !all.iter().any(|m| m.pgid == pgid && m.sid == me.sid) {
        return Err(EPERM);
    }
    Ok((pid, pgid))
}

/// `setsid()` by `caller`: its new session (and group), or `EPERM` when a
/// group of its pid exists (it leads one already).
pub fn setsid(all: &[Member], caller: i32) -> Result<i32, i32> {
    if all.iter().any(|m| m.pgid == caller) {
        return Err(EPERM);
    }
    Ok(caller)
}

/// The processes `kill(pid, ...)` reaches for a group target: `pid` 0 is
/// the caller's group, `-g` group `g`; `ESRCH` if nobody is in it.
pub fn group_members(all: &[Member], caller: i32, pid: i32) -> Result<Vec<i32>, i32> {
    let g = if pid == 0 { find(all, caller)?.pgid } else { pid.checked_neg().ok_or(ESRCH)? };
    let v: Vec<i32> = all.iter().filter(|m| m.pgid == g).map(|m| m.pid).collect();
    if v.is_empty() {
        return Err(ESRCH);
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Vec<Member> {
        vec![
            Member { pid: 1000, ppid: 1, pgid: 1000, sid: OUTER_SESSION, execd: false },
            Member { pid: 1001, ppid: 1000, pgid: 1000, sid: OUTER_SESSION, execd: false },
            Member { pid: 1002, ppid: 1001, pgid: 1000, sid: OUTER_SESSION, execd: true },
        ]
    }

    #[test]
    fn a_parent_moves_its_child_into_a_group_of_its_own() {
        assert_eq!(setpgid(&run(), 1000, 1001, 0), Ok((1001, 1001)));
        assert_eq!(setpgid(&run(), 1000, 1002, 0), Err(ESRCH), "a grandchild");
        assert_eq!(setpgid(&run(), 1001, 1002, 0), Err(EACCES), "a child that has exec'd");
        assert_eq!(setpgid(&run(), 1001, 0, 4242), Err(EPERM), "no such group");
        assert_eq!(setpgid(&run(), 1001, 0, -1), Err(EINVAL));
    }

    #[test]
    fn a_group_leader_cannot_start_a_session() {
        assert_eq!(setsid(&run(), 1000), Err(EPERM));
        assert_eq!(setsid(&run(), 1001), Ok(1001));
        assert_eq!(group_members(&run(), 1001, 0), Ok(vec![1000, 1001, 1002]));
        assert_eq!(group_members(&run(), 1001, -77), Err(ESRCH));
    }
}
