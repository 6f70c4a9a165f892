//! Integration tests, one crate (faster to link), one module per area.

mod browser;
mod conformance;
mod detect;
mod diff;
mod exhaustive;
mod faults;
mod frontend;
mod grade;
mod headers;
mod hostile;
mod ipcsim_h;
mod library;
mod limits;
mod machine;
mod mutate;
mod native;
mod parallel;
mod races;
mod real;
mod replay;
mod scenarios;
mod semantics;
mod spec;
mod step;
mod timeline;
mod traces;
