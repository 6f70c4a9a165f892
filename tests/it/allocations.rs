//! A search's runs reuse the buffers of the runs before (the machine is
//! reset in place, process entries and shared pages are pooled): issue
//! 7's "no allocation per run on the hot path". Counted by a global
//! allocator that counts, per thread, the allocations its thread makes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn allocations() -> u64 {
    ALLOCATIONS.with(|n| n.get())
}

/// Allocations per run of `file` in a search's steady state (after
/// warm-up runs), random strategy, sequentially consistent memory.
fn per_run(file: &str) -> f64 {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let prog = sim::lang::compile(&path, &text, &sim::lang::fs_loader).unwrap();
    let mut opts = sim::explore::Options::for_program("bench");
    opts.memory = sim::kernel::Memory::SC;
    let config = opts.config();
    let runner = sim::explore::Runner::new(&prog, &config);
    let mut sched = sim::explore::scheduler(&opts);
    let mut go = |runs: u64| {
        for _ in 0..runs {
            sched.new_execution();
            let r = runner.run(&mut *sched, false);
            runner.recycle(r);
        }
    };
    go(200);
    let before = allocations();
    go(1000);
    (allocations() - before) as f64 / 1000.0
}

#[test]
fn runs_of_the_peer_benchmark_reuse_the_machine_and_allocate_almost_nothing() {
    // 46 per run before the runner reused anything; what is left: the
    // end's collection of shared objects (two small tables) and the
    // list of locations a parked process watches.
    let n = per_run("tests/programs/peers_naive_pc_b.c");
    assert!(n <= 4.0, "{n} allocations per run");
}
