//! The utilities `exec` can run without a `--exec` file: small C
//! programs of the subset, compiled with a program that names one in a
//! string literal (`execlp("sort", ...)`), behaving as their GNU
//! counterparts do on the inputs the differential tests give them.

use super::ExecUnit;

const COMMON: &str = include_str!("utils/common.h");
const LINES: &str = include_str!("utils/lines.h");
const COUNT: &str = include_str!("utils/count.h");

/// Each utility: its name and the parts of its source, in order.
const UTILS: [(&str, &[&str]); 21] = [
    ("echo", &[include_str!("utils/echo.c")]),
    ("cat", &[COMMON, include_str!("utils/cat.c")]),
    ("wc", &[COMMON, include_str!("utils/wc.c")]),
    ("sort", &[COMMON, LINES, include_str!("utils/sort.c")]),
    ("head", &[COMMON, LINES, COUNT, include_str!("utils/head.c")]),
    ("tail", &[COMMON, LINES, COUNT, include_str!("utils/tail.c")]),
    ("tr", &[COMMON, LINES, include_str!("utils/tr.c")]),
    ("grep", &[COMMON, LINES, include_str!("utils/grep.c")]),
    ("true", &[include_str!("utils/true.c")]),
    ("false", &[include_str!("utils/false.c")]),
    ("sleep", &[include_str!("utils/sleep.c")]),
    ("yes", &[include_str!("utils/yes.c")]),
    ("ls", &[include_str!("utils/ls.c")]),
    ("sh", &[include_str!("utils/sh.c")]),
    ("rm", &[include_str!("utils/rm.c")]),
    ("uniq", &[COMMON, include_str!("utils/uniq.c")]),
    ("cut", &[COMMON, include_str!("utils/cut.c")]),
    ("printenv", &[include_str!("utils/printenv.c")]),
    ("env", &[include_str!("utils/env.c")]),
    ("printf", &[include_str!("utils/printf.c")]),
    ("expr", &[include_str!("utils/expr.c")]),
];

/// The names of the built-in utilities.
pub fn names() -> impl Iterator<Item = &'static str> {
    UTILS.iter().map(|u| u.0)
}

/// The utilities a program may exec: all of them if it calls an exec
/// function (the name may be made at run time: `execvp(argv[1], ...)`)
/// or runs a shell (`system`, `popen`), none otherwise (each adds its
/// globals to every process).
pub fn named_in(text: &str) -> impl Iterator<Item = ExecUnit> + '_ {
    let execs = text.contains("exec") || text.contains("system") || text.contains("popen");
    UTILS.iter().filter(move |_| execs).map(|(n, parts)| ExecUnit {
        name: n.to_string(),
        path: format!("ipcsim-utils/{n}.c"),
        text: parts.concat(),
        utility: true,
    })
}
