//! The front-end and the interpreter never panic: programs of the corpus,
//! mutated token by token (deleted, duplicated, swapped), always give
//! either diagnostics or a run report.

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
        let src = toks.concat();
        match sim::lang::compile("m.c", &src, &|_, _| None) {
            Err(e) => prop_assert!(!e.diagnostics.is_empty()),
            Ok(prog) => {
                let cfg = Config { limits: Limits { fuel: 20_000, max_steps: 5_000 }, time: TimeMode::LowerBound, process: ProcessOptions { stdout: StdoutMode::Pipe, argv: vec!["m".into()] } };
                let r = explore::run(&prog, &cfg, &mut Random::new(pick as u64), false);
                prop_assert!(r.steps <= 5_000);
            }
        }
    }
}
