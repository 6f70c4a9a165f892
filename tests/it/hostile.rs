//! Issue 8, the front-end part: nothing a user types can crash ipcsim.
//! Each test generates a hostile input (nothing multi-megabyte is
//! committed), runs the built binary on it under a 1 GiB address-space
//! limit and a 20 s watchdog, and asserts a diagnostic naming the limit,
//! exit status 2 (or 0 where gcc accepts the program and ipcsim does too)
//! and no crash. Each input is expected to take well under 5 s in a debug
//! build on two shared cores; the watchdog is only a generous guard.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The watchdog: a run still going after this is killed and fails.
const WATCHDOG: Duration = Duration::from_secs(20);
/// Address space of the child: a blow-up aborts instead of swapping.
const MEMORY: u64 = 1 << 30;

/// What a run of `ipcsim check` (or `run`) left behind.
struct Outcome {
    /// `None` if killed by a signal (a crash).
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
    /// The child's peak resident set (`getrusage` of the reaped child).
    max_rss_kib: i64,
}

/// Writes a hostile input into a directory of its own (tests run in
/// parallel); [`discard`] removes both.
fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ipcsim-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Removes an input [`temp`] wrote, and its directory.
fn discard(path: &Path) {
    let _ = std::fs::remove_file(path);
    if let Some(dir) = path.parent() {
        let _ = std::fs::remove_dir(dir);
    }
}

fn ipcsim(args: &[&str], file: &Path) -> Outcome {
    let start = Instant::now();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ipcsim"));
    cmd.args(args).arg(file).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit { rlim_cur: MEMORY, rlim_max: MEMORY };
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn ipcsim");
    let mut err = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let (status, max_rss_kib) = reap(&mut child, start, args, file);
    let code = if libc::WIFEXITED(status) { Some(libc::WEXITSTATUS(status)) } else { None };
    Outcome { code, stderr: reader.join().unwrap(), elapsed: start.elapsed(), max_rss_kib }
}

/// Waits for `child` under the watchdog with `wait4`, which gives this
/// child's own resource usage (its peak RSS), unlike `RUSAGE_CHILDREN`
/// (shared by every test thread). Returns the raw status and the peak.
fn reap(child: &mut std::process::Child, start: Instant, args: &[&str], file: &Path) -> (i32, i64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid out-parameter.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: waiting for our own child, with valid out-pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut ru) };
        if r == pid {
            return (status, ru.ru_maxrss);
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            // SAFETY: as above, blocking this time.
            unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
            panic!("ipcsim {args:?} {} still running after {WATCHDOG:?}", file.display());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn check_file(name: &str, src: &[u8]) -> Outcome {
    let path = temp(name, src);
    let o = ipcsim(&["check"], &path);
    discard(&path);
    o
}

/// Asserts the program is refused with a diagnostic containing `want`.
#[track_caller]
fn assert_refused(name: &str, src: &[u8], want: &str) {
    let o = check_file(name, src);
    let tail: String = o.stderr.chars().take(3000).collect();
    assert_eq!(o.code, Some(2), "{name}: expected exit 2 (a crash is None), stderr:\n{tail}");
    assert!(!o.stderr.contains("internal error"), "{name}: {tail}");
    assert!(o.stderr.contains(want), "{name}: expected `{want}` in:\n{tail}");
    assert!(o.stderr.contains("-->") || o.stderr.contains("┌─"), "{name}: no location in:\n{tail}");
    assert!(o.elapsed < Duration::from_secs(10), "{name}: took {:?}", o.elapsed);
}

#[track_caller]
fn assert_accepted(name: &str, src: &[u8]) {
    let o = check_file(name, src);
    let tail: String = o.stderr.chars().take(3000).collect();
    assert_eq!(o.code, Some(0), "{name}: expected exit 0, stderr:\n{tail}");
    assert!(o.elapsed < Duration::from_secs(10), "{name}: took {:?}", o.elapsed);
}

fn main_returning(expr: &str) -> Vec<u8> {
    format!("int main(void) {{ int x = 1; return {expr}; }}\n").into_bytes()
}

fn nest(open: &str, n: usize, core: &str, close: &str) -> String {
    let mut s = open.repeat(n);
    s.push_str(core);
    s.push_str(&close.repeat(n));
    s
}

/// Bullet 1: deep nesting in every phase gets "nested too deeply", never
/// a stack overflow. Parser, lowering, `#if`, declarators, types, Drop.
#[test]
fn deep_nesting_is_refused_with_the_limit() {
    let n = 10_000;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("parens.c", main_returning(&nest("(", n, "x", ")"))),
        ("unary.c", main_returning(&format!("{}x", "-".repeat(n)))),
        ("not.c", main_returning(&format!("{}x", "!~".repeat(n / 2)))),
        ("casts.c", main_returning(&format!("{}x", "(int)".repeat(n)))),
        ("ternary.c", main_returning(&format!("{}0", "x ? 1 : ".repeat(n)))),
        ("ternary_mid.c", main_returning(&nest("x ? ", n, "1", " : 0"))),
        ("sizeof.c", main_returning(&format!("{}x", "sizeof ".repeat(n)))),
        ("blocks.c", format!("int main(void) {}\n", nest("{", n, "", "}")).into_bytes()),
        ("left_chain.c", main_returning(&format!("x{}", "+1".repeat(100_000)))),
        ("comma_chain.c", main_returning(&format!("(x{})", ",x".repeat(100_000)))),
        ("index_chain.c", format!("int main(void) {{ int *p = 0; return p{}; }}\n", "[0]".repeat(100_000)).into_bytes()),
        ("assign.c", format!("int main(void) {{ int x; {}1; return x; }}\n", "x=".repeat(100_000)).into_bytes()),
        ("if.c", format!("int main(void) {{ {}return 0; }}\n", "if (1) ".repeat(100_000)).into_bytes()),
        ("while.c", format!("int main(void) {{ {}return 0; }}\n", "while (1) ".repeat(100_000)).into_bytes()),
        ("else_if.c", format!("int main(void) {{ if (0) ; {}return 0; }}\n", "else if (0) ; ".repeat(100_000)).into_bytes()),
        ("macro_calls.c", format!("#define I(a) a\nint main(void) {{ return {}; }}\n", nest("I(", 1100, "0", ")")).into_bytes()),
        ("pp_if.c", format!("#if {}\n#endif\nint main(void) {{ return 0; }}\n", nest("(", n, "1", ")")).into_bytes()),
        ("pp_if_unary.c", format!("#if {}1\n#endif\nint main(void) {{ return 0; }}\n", "- ".repeat(n)).into_bytes()),
        ("pp_if_ternary.c", format!("#if {}0\n#endif\nint main(void) {{ return 0; }}\n", "1 ? 1 : ".repeat(n)).into_bytes()),
        ("declarator.c", format!("int {};\nint main(void) {{ return 0; }}\n", nest("(", n, "x", ")")).into_bytes()),
        ("pointers.c", format!("int {}p;\nint main(void) {{ return 0; }}\n", "*".repeat(100_000)).into_bytes()),
        ("dims.c", format!("char a{};\nint main(void) {{ return sizeof a; }}\n", "[1]".repeat(100_000)).into_bytes()),
        ("init.c", format!("int a = {};\nint main(void) {{ return a; }}\n", nest("{", n, "1", "}")).into_bytes()),
        ("structs.c", format!("{}\nint main(void) {{ return 0; }}\n", nest("struct { ", n, "int x;", " } a; ") + ";").into_bytes()),
        ("cast_types.c", main_returning(&format!("{}x", "(int (*)[sizeof ".repeat(n / 4) + "x" + &"])0".repeat(n / 4)))),
    ];
    std::thread::scope(|s| {
        for (name, src) in &cases {
            s.spawn(move || assert_refused(name, src, "nested too deeply"));
        }
    });
}

/// Types built up through typedefs have no syntactic nesting at all.
#[test]
fn deep_types_through_typedefs_are_refused() {
    let mut ptrs = String::from("typedef int T0;\n");
    let mut arrays = String::from("typedef char A0;\n");
    for i in 1..20_000 {
        ptrs.push_str(&format!("typedef T{} *T{i};\n", i - 1));
        arrays.push_str(&format!("typedef A{} A{i}[1];\n", i - 1));
    }
    ptrs.push_str("T19999 p;\nint main(void) { return *p; }\n");
    arrays.push_str("A19999 a;\nint main(void) { return a; }\n");
    assert_refused("typedef_ptrs.c", ptrs.as_bytes(), "nested too deeply");
    assert_refused("typedef_arrays.c", arrays.as_bytes(), "nested too deeply");
}

/// What gcc accepts and is not absurd, ipcsim accepts too.
#[test]
fn moderate_nesting_is_accepted() {
    assert_accepted("parens_1000.c", &main_returning(&nest("(", 1000, "x", ")")));
    assert_accepted("unary_1000.c", &main_returning(&format!("{}x", "- ".repeat(1000))));
    assert_accepted("chain_1000.c", &main_returning(&format!("x{}", "+1".repeat(1000))));
    assert_accepted("blocks_200.c", format!("int main(void) {}\n", nest("{", 200, "", "}")).as_bytes());
    assert_accepted("macro_200.c", format!("#define I(a) a\nint main(void) {{ return {}; }}\n", nest("I(", 200, "0", ")")).as_bytes());
    assert_accepted("pp_if_1000.c", format!("#if {}\n#endif\nint main(void) {{ return 0; }}\n", nest("(", 1000, "1", ")")).as_bytes());
}

/// Bullet 2: a file ending inside an escape is an unterminated literal.
#[test]
fn a_byte_order_mark_opening_a_file_is_skipped_as_gcc_skips_it() {
    assert_accepted("bom.c", b"\xef\xbb\xbfint main(void) { return 0; }\n");
}

#[test]
fn a_control_character_is_shown_as_a_question_mark_with_its_caret_and_never_echoed() {
    for (name, byte) in [("nul.c", 0u8), ("escape.c", 0x1b), ("delete.c", 0x7f)] {
        let mut src = b"int main(void) { return 0 ".to_vec();
        src.push(byte);
        src.extend_from_slice(b"; }\n");
        assert_refused(name, &src, "unexpected character");
        let o = check_file(name, &src);
        assert!(!o.stderr.as_bytes().contains(&byte), "{name}: the raw byte reached the terminal:\n{}", o.stderr);
        let excerpt: Vec<&str> = o.stderr.lines().skip_while(|l| !l.contains("return 0 ?;")).take(2).collect();
        assert!(excerpt.len() == 2 && excerpt[1].trim_end().ends_with('^'), "{name}: no caret under it:\n{}", o.stderr);
    }
}

#[test]
fn eof_inside_an_escape_is_an_unterminated_literal() {
    for (name, src) in [
        ("str.c", "int main(void) { return 0; }\nchar *s = \"\\"),
        ("chr.c", "int main(void) { return 0; }\nint c = '\\"),
        ("inc.c", "#include \"\\"),
        ("hex.c", "int main(void) { return 0; }\nchar *s = \"\\x"),
        ("oct.c", "int main(void) { return 0; }\nint c = '\\1"),
    ] {
        assert_refused(name, src.as_bytes(), "E0102");
    }
    // In a macro body that is never used, gcc only warns.
    assert_accepted("def.c", b"int main(void) { return 0; }\n#define X \"a\\");
}

/// Bullet 3: objects larger than gcc allows get gcc's diagnostics; legal
/// but absurd static objects get ipcsim's limit.
#[test]
fn objects_too_large_are_refused() {
    let cases = [
        ("max.c", "int a[9223372036854775807];\nint main(void) { return 0; }\n", "size of array `a` exceeds maximum object size"),
        ("local.c", "int main(void) { char a[4611686018427387904][4]; return 0; }\n", "exceeds maximum object size"),
        ("wrap.c", "char a[4294967296][4294967296];\nint main(void) { return 0; }\n", "exceeds maximum object size"),
        (
            "struct.c",
            "struct s { char a[9223372036854775807]; char b[9223372036854775807]; } x;\nint main(void) { return 0; }\n",
            "type `struct s` is too large",
        ),
        (
            "struct2.c",
            "struct s { char a[4611686018427387904]; char b[4611686018427387904]; };\nint main(void) { return sizeof(struct s); }\n",
            "type `struct s` is too large",
        ),
        ("sizeof.c", "int main(void) { return sizeof(char[9223372036854775807][2]); }\n", "exceeds maximum object size"),
        ("huge.c", "char a[17179869184];\nint main(void) { return a[0]; }\n", "static storage limit"),
        ("huge_static.c", "int main(void) { static long a[1 << 30]; return a[0]; }\n", "static storage limit"),
    ];
    for (name, src, want) in cases {
        assert_refused(name, src.as_bytes(), want);
    }
    let mut many = String::new();
    for i in 0..64 {
        many.push_str(&format!("char a{i}[1 << 26];\n"));
    }
    many.push_str("int main(void) { return 0; }\n");
    assert_refused("many.c", many.as_bytes(), "static storage limit");
    // gcc's largest legal object, and ipcsim's largest: a pointer needs no bytes.
    assert_accepted("ok.c", b"char (*p)[9223372036854775807];\nchar a[1 << 20];\nint main(void) { return a[0]; }\n");
}

/// Bullet 4: macro expansion is bounded in depth and output, and nested
/// calls cost memory linear in the depth.
#[test]
fn macro_expansion_is_bounded() {
    // A doubling chain: 2^60 tokens if expanded.
    let mut doubling = String::new();
    for i in 0..60 {
        doubling.push_str(&format!("#define M{i} M{} M{}\n", i + 1, i + 1));
    }
    doubling.push_str("#define M60 1\nint main(void) { return M0; }\n");
    assert_refused("doubling.c", doubling.as_bytes(), "macro expansion");
    // Nested calls move their arguments once per level: bounded, in
    // memory linear in the depth (it was 3.2 GB here), and quick.
    let deep = format!("#define I(a) a\nint main(void) {{ return {}; }}\n", nest("I(", 4000, "0", ")"));
    assert_refused("deep_calls.c", deep.as_bytes(), "macro expansion");
    // A wide argument passed down many levels: linear in the output.
    let mut wide = String::from("#define P(a) a a\n#define Q(a) P(P(P(P(a))))\n");
    wide.push_str(&format!("int x = {};\nint main(void) {{ return 0; }}\n", nest("Q(", 8, "1", ")")));
    assert_refused("wide.c", wide.as_bytes(), "macro expansion");
}

/// Bullet 5: input size and the number of diagnostics are capped.
#[test]
fn input_size_and_error_count_are_capped() {
    let o = ipcsim(&["check"], Path::new("/dev/zero"));
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    assert!(o.stderr.contains("8 MiB"), "{}", o.stderr);
    assert!(o.elapsed < Duration::from_secs(10));

    let mut big = b"int main(void) { return 0; }\n".to_vec();
    big.resize(9 << 20, b' ');
    let path = temp("big.c", &big);
    let o = ipcsim(&["check"], &path);
    discard(&path);
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    assert!(o.stderr.contains("8 MiB"), "{}", o.stderr);

    // An included file is capped the same way.
    let inc = temp("inc_zero.c", b"#include \"zero.h\"\nint main(void) { return 0; }\n");
    let zero = inc.with_file_name("zero.h");
    let _ = std::os::unix::fs::symlink("/dev/zero", &zero);
    let o = ipcsim(&["check"], &inc);
    let _ = std::fs::remove_file(&zero);
    discard(&inc);
    assert_eq!(o.code, Some(2), "{}", o.stderr);
    assert!(o.stderr.contains("8 MiB"), "{}", o.stderr);

    // Binary junk: 2 MiB of pseudo-random bytes.
    let mut junk = Vec::with_capacity(2 << 20);
    let mut x: u32 = 12345;
    for _ in 0..(2 << 20) {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        junk.push((x >> 16) as u8);
    }
    let o = check_file("junk.c", &junk);
    assert_eq!(o.code, Some(2));
    assert!(o.stderr.contains("too many errors"), "{}", &o.stderr[o.stderr.len().saturating_sub(2000)..]);
    assert!(o.stderr.matches("error[").count() <= 101, "{} errors", o.stderr.matches("error[").count());
    assert!(o.elapsed < Duration::from_secs(10), "took {:?}", o.elapsed);

    // Many independent errors: the first 100, then the note.
    let many = format!("int main(void) {{ {} return 0; }}\n", "undeclared_name; ".repeat(1000));
    let o = check_file("many_errors.c", many.as_bytes());
    assert_eq!(o.code, Some(2));
    assert_eq!(o.stderr.matches("error[").count(), 101, "{}", o.stderr);
    assert!(o.stderr.contains("too many errors"));
}

/// Peak resident set allowed to one `ipcsim check` or `run` of a hostile
/// input (the address space is capped at [`MEMORY`] besides).
const MAX_RSS_KIB: i64 = 512 << 10;
/// Wall time allowed to one of them (debug build, two shared cores).
const MAX_TIME: Duration = Duration::from_secs(15);

/// The regression corpus of issue 8 (`tests/hostile/`): each input gets
/// `ipcsim check` and `ipcsim run --max-steps 200000` (a fifth of the
/// default budget, which a debug build spends in about 16 s on the
/// descriptor leak), which must answer with an exit status
/// of 0 to 3 (never a crash or an internal error, 4), within
/// [`MAX_TIME`] and [`MAX_RSS_KIB`] of resident memory, under a 1 GiB
/// address-space limit.
#[test]
fn every_hostile_input_gets_an_answer_within_time_and_memory_bounds() {
    for f in corpus_files() {
        assert_answers_within_bounds(&f);
    }
}

fn corpus_files() -> Vec<PathBuf> {
    let entries = std::fs::read_dir("tests/hostile").unwrap().map(|e| e.unwrap().path());
    let mut files: Vec<PathBuf> = entries.filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md")).collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus is there: {files:?}");
    files
}

#[track_caller]
fn assert_answers_within_bounds(file: &Path) {
    for cmd in [&["check"][..], &["run", "--max-steps", "200000"]] {
        let o = ipcsim(cmd, file);
        let tail: String = o.stderr.chars().take(2000).collect();
        let what = format!("ipcsim {} {}", cmd.join(" "), file.display());
        assert!(matches!(o.code, Some(0..=3)), "{what}: exit {:?} (None: killed), stderr:\n{tail}", o.code);
        assert!(!o.stderr.contains("internal error") && !o.stderr.contains("panicked"), "{what}:\n{tail}");
        assert!(o.elapsed < MAX_TIME, "{what}: took {:?}", o.elapsed);
        assert!(o.max_rss_kib < MAX_RSS_KIB, "{what}: peak RSS {} KiB", o.max_rss_kib);
    }
}

/// A `--stdin` that never ends (a device) or is too large is refused at
/// once (exit 2): it used to be read whole before the run, for ever.
#[test]
fn an_endless_standard_input_is_refused() {
    let prog = temp("stdin_zero.c", b"int main(void) { return 0; }\n");
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_ipcsim")).args(["run"]).arg(&prog).args(["--stdin", "/dev/zero"]).output().unwrap();
    discard(&prog);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    assert!(start.elapsed() < Duration::from_secs(10));
}

/// Once a search is over, only its report is left: a stop signal then
/// ends ipcsim at once (a fork bomb's trace takes minutes to render, and
/// `timeout` sends one SIGTERM).
#[test]
fn a_stop_signal_while_the_report_is_written_ends_ipcsim_at_once() {
    let file = temp("bomb.c", b"#include <unistd.h>\nint main(void) { while (1) fork(); }\n");
    let err = file.with_extension("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipcsim"))
        .args(["explore", file.to_str().unwrap(), "--runs", "1"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !std::fs::read_to_string(&err).unwrap_or_default().contains("its trace") {
        assert!(start.elapsed() < Duration::from_secs(120), "no failure reported");
        assert!(child.try_wait().unwrap().is_none(), "ipcsim ended before its report");
        std::thread::sleep(Duration::from_millis(100));
    }
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let signalled = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if signalled.elapsed() > WATCHDOG {
            let _ = child.kill();
            panic!("still writing its report {WATCHDOG:?} after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let _ = std::fs::remove_file(&err);
    discard(&file);
    assert_eq!(status.code(), Some(128 + libc::SIGTERM), "{status:?}");
}
