//! The machine is a value (DESIGN.md): cloned mid-run, both copies finish
//! identically; the same program and options give the same outcome.

use sim::explore::{self, random::Random};
use sim::interp::{ProcessOptions, StdoutMode};
use sim::kernel::{Config, Limits, Machine, StepCtx, TimeMode};

const PROGRAM: &str = r#"
#include <stdio.h>
#include <stdlib.h>
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void) {
    int *a = malloc(10 * sizeof *a);
    for (int i = 0; i < 10; i++) { a[i] = fib(i); printf("%d ", a[i]); fflush(stdout); }
    srand(7);
    printf("\n%d\n", rand() % 1000);
    free(a);
    return 0;
}
"#;

fn config(limits: Limits) -> Config {
    Config { limits, time: TimeMode::Strict, process: ProcessOptions { stdout: StdoutMode::Pipe, argv: vec!["p".into()] } }
}

/// Steps the first ready process until the run ends.
fn finish(m: &mut Machine, cx: &mut StepCtx) {
    let mut ready = Vec::new();
    loop {
        m.ready(cx.config, &mut ready);
        match ready.first() {
            Some(&i) => m.step(i, cx),
            None if m.idle(cx.prog, cx.config).is_some() => return,
            None => {}
        }
    }
}

/// The first `rand() % 1000` after `srand(7)` with glibc (measured natively).
fn glibc_rand_after_srand7() -> i32 {
    1045618677 % 1000
}

#[test]
fn a_machine_cloned_mid_run_finishes_identically() {
    let prog = sim::lang::compile("p.c", PROGRAM, &sim::lang::fs_loader).unwrap();
    let cfg = config(Limits::default());
    let mut edges = Vec::new();
    let mut cx = StepCtx { prog: &prog, config: &cfg, trace: None, edges: &mut edges, instructions: 0 };
    let mut m = Machine::new(&mut cx);
    let mut ready = Vec::new();
    for _ in 0..5 {
        m.ready(&cfg, &mut ready);
        m.step(ready[0], &mut cx);
    }
    let mut copy = m.clone();
    assert_eq!(copy, m);
    finish(&mut m, &mut cx);
    finish(&mut copy, &mut cx);
    assert_eq!(m, copy);
    let expected = format!("0 1 1 2 3 5 8 13 21 34 \n{}\n", glibc_rand_after_srand7());
    assert_eq!(String::from_utf8_lossy(&m.outcome.stream(1)), expected);
}

#[test]
fn the_same_program_and_seed_give_the_same_trace_every_run() {
    let prog = sim::lang::compile("p.c", PROGRAM, &sim::lang::fs_loader).unwrap();
    let a = explore::run(&prog, &config(Limits::default()), &mut Random::new(3), true);
    let b = explore::run(&prog, &config(Limits::default()), &mut Random::new(3), true);
    assert_eq!(a.outcome, b.outcome);
    assert_eq!(a.steps, b.steps);
    assert_eq!(a.instructions, b.instructions);
    assert_eq!(a.trace, b.trace);
}

#[test]
fn an_endless_private_loop_is_reported_not_hung_on() {
    let prog = sim::lang::compile("l.c", "int main(void) { volatile int x = 0; while (1) x++; }", &sim::lang::fs_loader).unwrap();
    let r = explore::run(&prog, &config(Limits { fuel: 10_000, max_steps: 100 }), &mut Random::new(0), false);
    assert!(matches!(r.end, sim::kernel::End::EndlessLoop { .. }), "{:?}", r.end);
}
