//! Schedule tokens: compact, versioned, copy-pasteable. A token holds the
//! choices of a run (run-length encoded varints, base64url) and a hash
//! binding it to the program text, the tool version and every option that
//! changes behaviour; replay refuses a token bound to anything else.

use crate::interp::StdoutMode;
use crate::ir::Program;
use crate::kernel::{Config, TimeMode};

const PREFIX: &str = "ipcsim1";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a token cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenError {
    /// Not a token of this format.
    Malformed,
    /// Made for another program, tool version or options.
    WrongBinding,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenError::Malformed => write!(f, "this is not an ipcsim token (expected {PREFIX}-...)"),
            TokenError::WrongBinding => {
                write!(f, "the token was made for another program, ipcsim version or options (limits, time mode, stdout mode, arguments)")
            }
        }
    }
}

/// FNV-1a: stable across platforms and versions of Rust.
fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= b as u64;
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

/// The revision of the simulator's semantics: bumped whenever a change
/// makes an old schedule mean another run (a new kind of step, another
/// wake-up rule), so an old token is refused instead of replaying
/// something else. 2: faults and exits are steps of their own, stores
/// wake only the spinners on what they overwrote.
pub const MODEL: u32 = 2;

/// The binding hash of a program and configuration: the text of every
/// source file (not its path, so a copy or another relative path still
/// replays), the tool version, and each option that changes behaviour,
/// field by field.
pub fn binding(prog: &Program, config: &Config) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325;
    let mut field = |bytes: &[u8]| {
        fnv(&mut h, &(bytes.len() as u64).to_le_bytes());
        fnv(&mut h, bytes);
    };
    for f in prog.sources.files() {
        field(f.text.as_bytes());
    }
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(&MODEL.to_le_bytes());
    field(&config.limits.fuel.to_le_bytes());
    field(&config.limits.max_steps.to_le_bytes());
    field(&[matches!(config.time, TimeMode::Strict) as u8]);
    field(&[matches!(config.process.stdout, StdoutMode::Tty) as u8]);
    for a in &config.process.argv {
        field(a.as_bytes());
    }
    // The environment only when it is not the default, so tokens made
    // before there was one keep replaying.
    if config.process.env.iter().map(String::as_str).ne(crate::abi::DEFAULT_ENV) {
        field(b"env");
        for e in &config.process.env {
            field(e.as_bytes());
        }
    }
    // An instruction limit only when there is one, so tokens made without
    // it keep replaying.
    if let Some(n) = config.limits.max_instructions {
        field(b"max-instructions");
        field(&n.to_le_bytes());
    }
    // Injected faults only when asked for, so tokens made without them
    // keep replaying.
    if config.faults.any() {
        field(b"faults");
        field(format!("{:?}", config.faults).as_bytes());
    }
    // A memory model other than sc only when there is one (the default,
    // the host's, included), so tokens made before there was a choice
    // keep replaying under `--memory sc`.
    if config.memory != crate::kernel::Memory::SC {
        field(b"memory");
        field(format!("{:?}", config.memory).as_bytes());
    }
    // Standard input only when there is one, so tokens made without it
    // keep replaying.
    if !config.stdin.is_empty() {
        field(b"stdin");
        field(&config.stdin);
    }
    for (path, bytes) in &config.files {
        field(b"file");
        field(path.as_bytes());
        field(bytes);
    }
    h
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn base64(bytes: &[u8]) -> String {
    let mut s = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |a, (i, &b)| a | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            s.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    s
}

fn unbase64(s: &str) -> Option<Vec<u8>> {
    let vals: Vec<u32> = s.bytes().map(|c| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)).collect::<Option<_>>()?;
    let mut out = Vec::new();
    for chunk in vals.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk.iter().enumerate().fold(0u32, |a, (i, &v)| a | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Encodes choices into a token bound to `binding`.
pub fn encode(binding: u64, choices: &[u32]) -> String {
    let mut bytes = Vec::new();
    let mut i = 0;
    while i < choices.len() {
        let c = choices[i];
        let run = choices[i..].iter().take_while(|&&x| x == c).count();
        varint(&mut bytes, c as u64);
        varint(&mut bytes, run as u64);
        i += run;
    }
    format!("{PREFIX}-{binding:016x}-{}", base64(&bytes))
}

/// Decodes a token, checking its binding.
pub fn decode(token: &str, binding: u64) -> Result<Vec<u32>, TokenError> {
    let mut parts = token.trim().splitn(3, '-');
    let (Some(PREFIX), Some(hash), Some(payload)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(TokenError::Malformed);
    };
    let hash = u64::from_str_radix(hash, 16).map_err(|_| TokenError::Malformed)?;
    let bytes = unbase64(payload).ok_or(TokenError::Malformed)?;
    let mut choices = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let c = read_varint(&bytes, &mut at).ok_or(TokenError::Malformed)?;
        let run = read_varint(&bytes, &mut at).ok_or(TokenError::Malformed)?;
        if c > u32::MAX as u64 || run > 50_000_000 || choices.len() > 50_000_000 {
            return Err(TokenError::Malformed);
        }
        choices.extend(std::iter::repeat_n(c as u32, run as usize));
    }
    if hash != binding {
        return Err(TokenError::WrongBinding);
    }
    Ok(choices)
}
