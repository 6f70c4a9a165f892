//! `ipcsim` as a library: the drivers that combine both backends. The
//! simulator's own operations (search, outcomes, replay) are in `sim`;
//! the real kernel's runs are in `real`; what needs both lives here.
//!
//! ```no_run
//! use std::path::Path;
//! let file = Path::new("scenarios/lost_update.c");
//! let text = std::fs::read_to_string(file).unwrap();
//! let prog = sim::lang::compile("lost_update.c", &text, &sim::lang::fs_loader).unwrap();
//! let opts = sim::options::Options::for_program("lost_update");
//! // The worker is the `ipcsim` binary itself (`ipcsim __worker`).
//! let worker = Path::new("target/release/ipcsim");
//! let cfg = real::RealConfig::new(&opts, true, 2000);
//! let real = ipcsim::crosscheck::real_outcomes(worker, file, &cfg, (0, 20), 2, &mut |_| {}).unwrap();
//! let check = ipcsim::crosscheck::explain(&prog, &opts, &real, 200);
//! assert!(check.unexplained.is_empty());
//! ```
#![deny(missing_docs)]

pub mod crosscheck;
pub mod explain;
pub mod grade;
pub mod markup;
pub mod timeline;
