//! The built-in headers tell the truth: every numeric macro of
//! `sim/src/lang/prelude.h`, printed by one C program, has the same value
//! under ipcsim (its prelude) as natively (glibc's real headers).

use crate::native::{run_native, run_sim, show, Scratch};

/// Macros that are not plain integers (pointers, types, keywords).
const SKIP: &[&str] = &[
    "NULL",
    "bool",
    "MAP_FAILED",
    "SIG_DFL",
    "SIG_IGN",
    "SIG_ERR",
    "SEM_FAILED",
    "__bool_true_false_are_defined",
    "h_addr",
    "ATOMIC_FLAG_INIT",
];

#[test]
fn every_numeric_macro_has_glibcs_value() {
    let names: Vec<String> =
        prelude_macros().into_iter().filter(|n| !n.contains('(') && !SKIP.contains(&n.as_str()) && !is_conversion(n)).collect();
    assert!(names.len() > 150, "found {} macros", names.len());
    let mut c = String::from("#define _GNU_SOURCE\n");
    for h in [
        "errno.h",
        "fcntl.h",
        "limits.h",
        "stdbool.h",
        "stdatomic.h",
        "stddef.h",
        "mqueue.h",
        "semaphore.h",
        "signal.h",
        "stdint.h",
        "stdio.h",
        "stdlib.h",
        "sys/mman.h",
        "sys/ipc.h",
        "sys/shm.h",
        "sys/msg.h",
        "sys/sem.h",
        "sys/socket.h",
        "netinet/in.h",
        "netinet/tcp.h",
        "arpa/inet.h",
        "poll.h",
        "sys/select.h",
        "netdb.h",
        "sys/stat.h",
        "dirent.h",
        "sys/wait.h",
        "sys/file.h",
        "time.h",
        "sys/resource.h",
        "sys/times.h",
        "sys/time.h",
        "unistd.h",
    ] {
        c.push_str(&format!("#include <{h}>\n"));
    }
    c.push_str("int main(void) {\n");
    for n in &names {
        c.push_str(&format!("    printf(\"{n} %lld\\n\", (long long)({n}));\n"));
    }
    c.push_str("    return 0;\n}\n");
    prints_as_natively("headers", "macros.c", &c, "macro values");
}

/// `<inttypes.h>`'s `PRI*` and `SCN*` macros: strings, not numbers.
/// The names the prelude `#define`s (a function-like one with its `(`).
fn prelude_macros() -> Vec<String> {
    let prelude = std::fs::read_to_string("sim/src/lang/prelude.h").unwrap();
    prelude.lines().filter_map(|l| l.strip_prefix("#define ")).filter_map(|l| l.split_whitespace().next()).map(String::from).collect()
}

fn is_conversion(name: &str) -> bool {
    name.starts_with("PRI") || name.starts_with("SCN")
}

/// `<inttypes.h>`'s conversion macros (`PRId64`...) are glibc's strings.
#[test]
fn every_inttypes_conversion_macro_is_glibcs() {
    let names: Vec<String> = prelude_macros().into_iter().filter(|n| is_conversion(n)).collect();
    assert!(names.len() > 100, "found {} conversion macros", names.len());
    let mut c = String::from("#include <inttypes.h>\n#include <stdio.h>\nint main(void) {\n");
    for n in &names {
        c.push_str(&format!("    printf(\"{n} %s\\n\", {n});\n"));
    }
    c.push_str("    int64_t v = -1;\n    printf(\"v=%\" PRId64 \" %\" PRIx64 \"\\n\", v, (uint64_t)v);\n    return 0;\n}\n");
    prints_as_natively("inttypes", "inttypes.c", &c, "conversion macros");
}

/// The floating headers' macros (`M_PI`, `DBL_EPSILON`, `INFINITY`...),
/// printed to every bit as doubles, are glibc's.
#[test]
fn every_floating_macro_has_glibcs_value() {
    let mut names = Vec::new();
    for h in ["math.h", "float.h"] {
        let text = std::fs::read_to_string(format!("sim/src/lang/{h}")).unwrap();
        names.extend(text.lines().filter_map(|l| l.strip_prefix("#define ")).filter_map(|l| {
            let n = l.split_whitespace().next()?;
            (!n.contains('(')).then(|| n.to_string())
        }));
    }
    assert!(names.len() > 40, "found {} macros", names.len());
    let mut c = String::from("#define _GNU_SOURCE\n#include <stdio.h>\n#include <math.h>\n#include <float.h>\nint main(void) {\n");
    for n in &names {
        c.push_str(&format!("    printf(\"{n} %.17g\\n\", (double)({n}));\n"));
    }
    c.push_str("    return 0;\n}\n");
    prints_as_natively("float-headers", "floats.c", &c, "macro values");
}

/// Compiles `c` (as `file` in a scratch directory named `scratch`),
/// runs it natively and under ipcsim, and asserts the same stdout.
fn prints_as_natively(scratch: &str, file: &str, c: &str, what: &str) {
    let scratch = Scratch::new(scratch);
    let file = scratch.0.join(file);
    std::fs::write(&file, c).unwrap();
    let native = run_native(&file, &scratch.0).unwrap();
    let sim = run_sim(&file).unwrap();
    assert_eq!(native.stdout, sim.stdout, "{}", show(what, &native.stdout, &sim.stdout));
}
