//! TEMPORARY compile aid, replaced by the helper's module.
#![allow(missing_docs)]
pub struct Parsed { pub value: f64, pub len: usize, pub range: bool }
pub struct ParsedF { pub value: f32, pub len: usize, pub range: bool }
pub fn strtod(s: &[u8]) -> Parsed { let t = std::str::from_utf8(s).unwrap_or(""); Parsed { value: t.parse().unwrap_or(0.0), len: s.len(), range: false } }
pub fn strtof(s: &[u8]) -> ParsedF { let t = std::str::from_utf8(s).unwrap_or(""); ParsedF { value: t.parse().unwrap_or(0.0), len: s.len(), range: false } }
pub fn scan_len(s: &[u8], max: usize) -> usize { s.len().min(max) }
