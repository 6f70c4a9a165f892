//! The front-end and the interpreter never panic: programs of the corpus,
//! mutated token by token (deleted, duplicated, swapped), byte by byte,
//! truncated anywhere (inside a string, an escape, a comment, a macro),
//! or with deep nesting spliced in, always give either diagnostics or a
//! run report, within a time bound. The case counts keep the whole file
//! well under a minute in a debug build on two cores.

use proptest::prelude::*;
use sim::explore::{self, random::Random};
use sim::interp::{ProcessOptions, StdoutMode};
use sim::kernel::{Config, Limits, TimeMode};

/// Crude tokens: runs of word characters, runs of spaces, single others.
fn tokens(src: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let class = |c: char| {
        if c.is_alphanumeric() || c == '_' {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    for c in src.chars() {
        if let Some(last) = cur.chars().last() {
            if class(last) != class(c) || class(c) == 2 {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

fn corpus() -> Vec<String> {
    let mut files = crate::native::c_files("tests/diff");
    files.extend(crate::native::c_files("tests/frontend/ok"));
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
}

fn apply(toks: &mut Vec<String>, m: &Mutation) {
    let n = toks.len();
    match *m {
        Mutation::Delete(i) => {
            toks.remove(i % n);
        }
        Mutation::Duplicate(i) => {
            let t = toks[i % n].clone();
            toks.insert(i % n, t);
        }
        Mutation::Swap(i, j) => toks.swap(i % n, j % n),
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::Swap(i, j)),
    ]
}

/// Longest a single input may take (compile and a bounded run) in a
/// debug build; the inputs are small, so this only catches a blow-up.
const PER_INPUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Compiles `src` and, if it compiles, runs it under small budgets:
/// diagnostics or a run report, never a panic, within [`PER_INPUT`].
fn answers(src: &str, seed: u64) -> Result<(), TestCaseError> {
    let start = std::time::Instant::now();
    match sim::lang::compile("m.c", src, &|_, _| None) {
        Err(e) => prop_assert!(!e.diagnostics.is_empty()),
        Ok(prog) => {
            let cfg = Config {
                limits: Limits { fuel: 20_000, max_steps: 5_000, max_instructions: None },
                time: TimeMode::LowerBound,
                process: ProcessOptions { stdout: StdoutMode::Pipe, argv: vec!["m".into()], env: Vec::new() },
                stdin: Vec::new(),
                files: Vec::new(),
                faults: Default::default(),
                memory: Default::default(),
            };
            let r = explore::run(&prog, &cfg, &mut Random::new(seed), false);
            prop_assert!(r.steps <= 5_000);
            let _ = sim::report::diagnostics(&prog, &r);
        }
    }
    prop_assert!(start.elapsed() < PER_INPUT, "took {:?}", start.elapsed());
    Ok(())
}

/// A byte-level edit: flip bits of a byte, insert a byte, delete one.
#[derive(Debug, Clone)]
enum ByteEdit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(i, m)| ByteEdit::Flip(i, m)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        any::<usize>().prop_map(ByteEdit::Delete),
    ]
}

fn edit_bytes(bytes: &mut Vec<u8>, e: &ByteEdit) {
    let n = bytes.len().max(1);
    match *e {
        ByteEdit::Flip(i, m) if !bytes.is_empty() => bytes[i % n] ^= m,
        ByteEdit::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
        ByteEdit::Delete(i) if !bytes.is_empty() => {
            bytes.remove(i % n);
        }
        _ => {}
    }
}

/// Where a file may be cut so that it ends inside a construct: after a
/// quote, a backslash, a comment opener, a `#`, an open parenthesis.
fn cut_points(src: &str) -> Vec<usize> {
    let b = src.as_bytes();
    let at = |i: usize| matches!(b[i], b'"' | b'\\' | b'\'' | b'#' | b'(' | b'{' | b'/' | b'*');
    (0..b.len()).filter(|&i| at(i)).map(|i| i + 1).filter(|&i| src.is_char_boundary(i)).collect()
}

/// Deep nesting of one kind, `depth` levels around `x` (balanced or not).
fn nesting(kind: usize, depth: usize, closed: bool) -> String {
    let (open, close) = match kind % 6 {
        0 => ("(", ")"),
        1 => ("{", "}"),
        2 => ("-", ""),
        3 => ("(int)", ""),
        4 => ("I(", ")"),
        _ => ("!~", ""),
    };
    let tail = if closed { close.repeat(depth) } else { String::new() };
    format!("{}x{}", open.repeat(depth), tail)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn mutated_programs_never_crash_ipcsim(pick in any::<usize>(), muts in prop::collection::vec(mutation(), 1..4)) {
        let corpus = corpus();
        let mut toks = tokens(&corpus[pick % corpus.len()]);
        for m in &muts {
            if toks.len() > 1 {
                apply(&mut toks, m);
            }
        }
        answers(&toks.concat(), pick as u64)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]
    #[test]
    fn programs_edited_byte_by_byte_never_crash_ipcsim(pick in any::<usize>(), edits in prop::collection::vec(byte_edit(), 1..8)) {
        let corpus = corpus();
        let mut bytes = corpus[pick % corpus.len()].clone().into_bytes();
        for e in &edits {
            edit_bytes(&mut bytes, e);
        }
        answers(&String::from_utf8_lossy(&bytes), pick as u64)?;
    }

    #[test]
    fn programs_truncated_inside_any_construct_never_crash_ipcsim(pick in any::<usize>(), cut in any::<usize>(), anywhere in any::<bool>()) {
        let corpus = corpus();
        let src = &corpus[pick % corpus.len()];
        let points = cut_points(src);
        let at = if anywhere || points.is_empty() {
            (0..=cut % (src.len() + 1)).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0)
        } else {
            points[cut % points.len()]
        };
        answers(&src[..at], pick as u64)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn deep_nesting_spliced_anywhere_never_crashes_ipcsim(pick in any::<usize>(), at in any::<usize>(), kind in 0..6usize, depth in 1_000..10_000usize, closed in any::<bool>()) {
        let corpus = corpus();
        let src = &corpus[pick % corpus.len()];
        let cut = (0..=at % (src.len() + 1)).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
        let spliced = format!("#define I(x) x\n{}{}{}", &src[..cut], nesting(kind, depth, closed), &src[cut..]);
        answers(&spliced, pick as u64)?;
    }
}
