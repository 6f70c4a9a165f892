//! Integration tests, one crate (faster to link), one module per area.

mod diff;
mod frontend;
mod machine;
mod mutate;
mod native;
mod scenarios;
