//! ipcsim's deterministic core: the C front-end, the IR, the interpreter
//! and the simulated kernel. Nothing here touches the real OS: a run is a
//! pure function of the program, its options and the seed.
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
pub mod outcome;
pub mod report;
pub mod source;
pub mod trace;
