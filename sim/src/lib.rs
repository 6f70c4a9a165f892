//! ipcsim's deterministic core: the C front-end, the IR, the interpreter
//! and the simulated kernel. Nothing here touches the real OS: a run is a
//! pure function of the program, its options and the seed.
//!
//! Used as a library, from a `cargo test`: compile a C file, search its
//! interleavings for a failure, replay the failure's token, render its
//! trace (the same example is `tests/it/library.rs`).
//!
//! ```
//! use sim::check::Failure;
//! use sim::explore::{self, Options};
//!
//! let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios/bounded_buffer_two_producers.c");
//! let text = std::fs::read_to_string(file).unwrap();
//! let prog = sim::lang::compile(file, &text, &sim::lang::fs_loader).unwrap();
//! let opts = Options::for_program("bounded_buffer_two_producers").runs(100);
//! let found = explore::explore(&prog, &opts, &mut |_| {}).failure.expect("the lost item is found");
//! assert_eq!(found.result.failure(), Some(Failure::Stuck("livelock")));
//! let again = explore::replay(&prog, &opts, &found.token, true).unwrap();
//! assert_eq!(again.outcome, found.result.outcome);
//! let trace = sim::trace::to_text(again.trace.as_deref().unwrap(), &prog.sources);
//! assert!(trace.contains("parked: spinning on s->in (shm#0+16), s->out (shm#0+20)"));
//! ```
#![deny(missing_docs)]

pub mod abi;
pub mod check;
pub mod diag;
pub mod explore;
pub mod interp;
pub mod ipc;
pub mod ir;
pub mod kernel;
pub mod lang;
pub mod options;
pub mod outcome;
pub mod report;
pub(crate) mod reuse;
pub mod source;
pub mod trace;
