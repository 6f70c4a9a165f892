//! The lexer: text to tokens. It never stops at an error: a bad character
//! becomes a diagnostic and is skipped.

use super::token::{TokKind, Token};
use crate::diag::{Code, Diagnostics};
use crate::source::{FileId, Span};
use std::collections::HashMap;
use std::rc::Rc;

const PUNCTS: &[&str] = &[
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=",
    "##", "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?", ":", ";", "=", ",", "#",
];

/// Splits one file into tokens (ending with `Eof`).
pub fn lex(file: FileId, text: &str, diags: &mut Diagnostics) -> Vec<Token> {
    let mut lx = Lexer { file, src: text.as_bytes(), pos: 0, diags, out: Vec::new(), empty: empty_hide(), spellings: HashMap::new() };
    lx.run();
    lx.out
}

struct Lexer<'a> {
    file: FileId,
    src: &'a [u8],
    pos: usize,
    diags: &'a mut Diagnostics,
    out: Vec<Token>,
    /// One empty hide set shared by every token: an 8 MiB file has
    /// millions of tokens, and each allocation counts.
    empty: Rc<[Rc<str>]>,
    /// Interned spellings of names and punctuators, for the same reason.
    spellings: HashMap<Box<[u8]>, Rc<str>>,
}

fn empty_hide() -> Rc<[Rc<str>]> {
    Rc::from(Vec::new())
}

impl Lexer<'_> {
    fn span(&self, lo: usize) -> Span {
        Span { file: self.file, lo: lo as u32, hi: self.pos as u32 }
    }

    fn peek(&self, k: usize) -> u8 {
        *self.src.get(self.pos + k).unwrap_or(&0)
    }

    fn run(&mut self) {
        // A UTF-8 byte-order mark opening the file (editors on Windows
        // write one) is no character of the program, as for gcc.
        if self.src.starts_with("\u{feff}".as_bytes()) {
            self.pos = 3;
        }
        let mut line_start = true;
        let mut space = false;
        loop {
            // Whitespace, comments and line continuations.
            let c = self.peek(0);
            if self.pos >= self.src.len() {
                break;
            }
            if c == b'\n' {
                self.pos += 1;
                line_start = true;
                space = false;
                continue;
            }
            if c == b' ' || c == b'\t' || c == b'\r' || c == 0x0c || c == 0x0b {
                self.pos += 1;
                space = true;
                continue;
            }
            if c == b'\\' && (self.peek(1) == b'\n' || (self.peek(1) == b'\r' && self.peek(2) == b'\n')) {
                self.pos += if self.peek(1) == b'\n' { 2 } else { 3 };
                space = true;
                continue;
            }
            if c == b'/' && self.peek(1) == b'/' {
                while self.pos < self.src.len() && self.peek(0) != b'\n' {
                    if self.peek(0) == b'\\' && self.peek(1) == b'\n' {
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
                space = true;
                continue;
            }
            if c == b'/' && self.peek(1) == b'*' {
                let lo = self.pos;
                self.pos += 2;
                loop {
                    if self.pos >= self.src.len() {
                        self.diags.error(
                            Code::Unterminated,
                            Span { file: self.file, lo: lo as u32, hi: lo as u32 + 2 },
                            "unterminated comment: `/*` has no matching `*/`",
                        );
                        break;
                    }
                    if self.peek(0) == b'*' && self.peek(1) == b'/' {
                        self.pos += 2;
                        break;
                    }
                    self.pos += 1;
                }
                space = true;
                continue;
            }
            let lo = self.pos;
            let kind = self.token();
            if let Some(kind) = kind {
                let text = self.spelling(lo, &kind);
                self.out.push(Token { kind, span: self.span(lo), text, line_start, space_before: space, hide: self.empty.clone() });
                line_start = false;
                space = false;
            }
        }
        let end = self.src.len();
        self.out.push(Token {
            kind: TokKind::Eof,
            span: Span { file: self.file, lo: end as u32, hi: end as u32 },
            text: "".into(),
            line_start: true,
            space_before: false,
            hide: self.empty.clone(),
        });
    }

    /// The spelling of the token at `lo..pos`, shared with earlier tokens
    /// spelt alike if it is a name or a punctuator.
    fn spelling(&mut self, lo: usize, kind: &TokKind) -> Rc<str> {
        let bytes = &self.src[lo..self.pos];
        match kind {
            TokKind::Ident(name) if name.as_bytes() == bytes => self.spellings.entry(bytes.into()).or_insert_with(|| name.clone()).clone(),
            TokKind::Punct(_) | TokKind::Ident(_) => {
                self.spellings.entry(bytes.into()).or_insert_with(|| String::from_utf8_lossy(bytes).into()).clone()
            }
            _ => String::from_utf8_lossy(bytes).into(),
        }
    }

    fn token(&mut self) -> Option<TokKind> {
        let c = self.peek(0);
        if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            let lo = self.pos;
            let mut word = String::new();
            loop {
                let c = self.peek(0);
                if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' {
                    word.push(c as char);
                    self.pos += 1;
                } else if c == b'\\' && self.peek(1) == b'\n' {
                    self.pos += 2; // a line splice inside the identifier
                } else {
                    break;
                }
            }
            let word = word.as_str();
            // Wide and UTF-8 literal prefixes are outside the subset.
            if matches!(word, "L" | "u" | "U" | "u8") && matches!(self.peek(0), b'"' | b'\'') {
                self.diags.error(
                    Code::Unsupported,
                    self.span(lo),
                    format!("`{word}` wide or Unicode literals are not supported: use plain \"...\" and '...'"),
                );
            }
            let name = self.spellings.entry(word.as_bytes().into()).or_insert_with(|| word.into()).clone();
            return Some(TokKind::Ident(name));
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek(1).is_ascii_digit()) {
            return Some(self.number());
        }
        if c == b'"' {
            return Some(self.string());
        }
        if c == b'\'' {
            return Some(self.char_lit());
        }
        for p in PUNCTS {
            if self.src[self.pos..].starts_with(p.as_bytes()) {
                self.pos += p.len();
                return Some(TokKind::Punct(p));
            }
        }
        let lo = self.pos;
        // Decode just this character (validating the rest of the file
        // each time would be quadratic on a binary file).
        let ch = (1..=4).find_map(|n| std::str::from_utf8(self.src.get(lo..lo + n)?).ok()).and_then(|s| s.chars().next());
        self.pos += ch.map_or(1, |c| c.len_utf8());
        let shown = ch.map_or_else(|| format!("byte 0x{c:02x}"), |c| format!("`{}`", c.escape_default()));
        Some(self.invalid(Code::BadToken, lo, format!("unexpected character {shown} in the program text")))
    }

    /// A token whose error is reported only if it is ever used.
    fn invalid(&self, code: Code, lo: usize, msg: String) -> TokKind {
        TokKind::Invalid(Rc::new(crate::diag::Diagnostic::error(code, self.span(lo), msg)))
    }

    fn number(&mut self) -> TokKind {
        let lo = self.pos;
        // A preprocessing number: digits, letters, dots, and signs after e/p.
        while {
            let c = self.peek(0);
            c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || ((c == b'+' || c == b'-') && sign_continues(&self.src[lo..self.pos]))
        } {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.src[lo..self.pos]).unwrap_or("0").to_ascii_lowercase();
        let span = self.span(lo);
        let digits_end = text.trim_end_matches(['u', 'l']).len();
        let (digits, suffix) = text.split_at(digits_end);
        let (radix, body) = if let Some(h) = digits.strip_prefix("0x") {
            (16, h)
        } else if let Some(b) = digits.strip_prefix("0b") {
            (2, b)
        } else if digits.len() > 1 && digits.starts_with('0') {
            (8, &digits[1..])
        } else {
            (10, digits)
        };
        let is_hex = radix == 16;
        let is_float = digits.contains('.') || (!is_hex && digits.contains('e')) || (is_hex && digits.contains('p'));
        if is_float {
            return self.float_constant(&text, is_hex, span);
        }
        let valid_suffix = matches!(suffix, "" | "u" | "l" | "ul" | "lu" | "ll" | "ull" | "llu");
        let body = if body.is_empty() && radix == 8 { "0" } else { body };
        match u64::from_str_radix(body, radix) {
            Ok(value) if valid_suffix => {
                TokKind::Int { value, unsigned: suffix.contains('u'), long: suffix.contains('l'), decimal: radix == 10 }
            }
            _ => {
                self.diags.error(Code::BadToken, span, format!("invalid integer constant `{text}`"));
                TokKind::Int { value: 0, unsigned: false, long: false, decimal: true }
            }
        }
    }

    /// A floating constant (`text` in lower case): its value rounded once
    /// to its type, as strtod/strtof round it (hexadecimal ones too).
    fn float_constant(&mut self, text: &str, is_hex: bool, span: Span) -> TokKind {
        let suffix = match text.as_bytes().last() {
            Some(b'f') if !is_hex || text.contains('p') => Some(b'f'),
            Some(b'l') => Some(b'l'),
            _ => None,
        };
        let body = if suffix.is_some() { &text[..text.len() - 1] } else { text };
        let ext = (suffix == Some(b'l')).then_some(0);
        if is_hex && !body.contains('p') {
            self.diags.error(Code::BadToken, span, format!("hexadecimal floating constant `{text}` needs an exponent (`p`)"));
            return TokKind::Float { bits: 0, single: suffix == Some(b'f'), ext };
        }
        if ext.is_some() {
            let (v, len, _) = crate::ir::strtod::strtold(body.as_bytes());
            if len != body.len() || body.starts_with(|c: char| c.is_ascii_whitespace()) {
                self.diags.error(Code::BadToken, span, format!("invalid floating constant `{text}`"));
                return TokKind::Float { bits: 0, single: false, ext };
            }
            return TokKind::Float { bits: v.m, single: false, ext: Some(v.se) };
        }
        let single = suffix == Some(b'f');
        let (bits, len) = if single {
            let p = crate::ir::strtod::strtof(body.as_bytes());
            (p.value.to_bits() as u64, p.len)
        } else {
            let p = crate::ir::strtod::strtod(body.as_bytes());
            (p.value.to_bits(), p.len)
        };
        if len != body.len() || body.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.diags.error(Code::BadToken, span, format!("invalid floating constant `{text}`"));
            return TokKind::Float { bits: 0, single, ext: None };
        }
        TokKind::Float { bits, single, ext: None }
    }

    /// One escape sequence after the backslash; returns the byte value.
    /// At the end of the file there is none: nothing is consumed, so the
    /// literal's loop sees the end and reports it unterminated.
    fn escape(&mut self) -> u32 {
        let lo = self.pos - 1;
        if self.pos >= self.src.len() {
            return 0;
        }
        let c = self.peek(0);
        self.pos += 1;
        match c {
            b'n' => 10,
            b't' => 9,
            b'r' => 13,
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match self.peek(0) {
                        d @ b'0'..=b'7' => {
                            v = v * 8 + (d - b'0') as u32;
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                v
            }
            b'x' => {
                let mut v: u32 = 0;
                let start = self.pos;
                while self.peek(0).is_ascii_hexdigit() {
                    v = v.wrapping_mul(16) + (self.peek(0) as char).to_digit(16).unwrap_or(0);
                    self.pos += 1;
                }
                if start == self.pos {
                    self.diags.error(Code::BadToken, self.span(lo), "`\\x` escape with no hex digits");
                }
                v
            }
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'e' => 27,
            b'\\' | b'\'' | b'"' | b'?' => c as u32,
            _ => {
                self.diags.error(Code::BadToken, self.span(lo), format!("unknown escape sequence `\\{}`", c as char));
                c as u32
            }
        }
    }

    fn string(&mut self) -> TokKind {
        let lo = self.pos;
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            match self.peek(0) {
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\n' | 0 if self.pos >= self.src.len() || self.peek(0) == b'\n' => {
                    return self.invalid(
                        Code::Unterminated,
                        lo,
                        "unterminated string literal: a `\"` is missing before the end of the line".into(),
                    );
                }
                b'\\' if self.peek(1) == b'\n' => self.pos += 2,
                b'\\' => {
                    self.pos += 1;
                    let v = self.escape();
                    bytes.push(v as u8);
                }
                c => {
                    bytes.push(c);
                    self.pos += 1;
                }
            }
        }
        TokKind::Str(bytes.into())
    }

    fn char_lit(&mut self) -> TokKind {
        let lo = self.pos;
        self.pos += 1;
        let mut vals = Vec::new();
        loop {
            match self.peek(0) {
                b'\'' => {
                    self.pos += 1;
                    break;
                }
                b'\n' | 0 if self.pos >= self.src.len() || self.peek(0) == b'\n' => {
                    return self.invalid(Code::Unterminated, lo, "unterminated character constant: a `'` is missing".into());
                }
                b'\\' => {
                    self.pos += 1;
                    vals.push(self.escape());
                }
                c => {
                    vals.push(c as u32);
                    self.pos += 1;
                }
            }
        }
        match vals.len() {
            // gcc gives a char constant type int with the value of a signed char.
            1 => TokKind::Char(vals[0] as u8 as i8 as i64),
            0 => {
                self.diags.error(Code::BadToken, self.span(lo), "empty character constant `''`");
                TokKind::Char(0)
            }
            _ => {
                // gcc: multi-character constants are big-endian packed ints.
                let v = vals.iter().fold(0u32, |a, &b| a.wrapping_shl(8) | (b & 0xff));
                TokKind::Char(v as i32 as i64)
            }
        }
    }
}

/// A sign continues a number after its exponent letter: `e`/`E` in a
/// decimal one, `p`/`P` in a hexadecimal one (`0x1p-2`), where an `e` is
/// a digit (`0x1e+2` is three tokens).
fn sign_continues(so_far: &[u8]) -> bool {
    let last = so_far.last().copied().unwrap_or(0);
    if is_hex_prefix(so_far) {
        matches!(last, b'p' | b'P')
    } else {
        matches!(last, b'e' | b'E' | b'p' | b'P')
    }
}

fn is_hex_prefix(s: &[u8]) -> bool {
    s.len() >= 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X')
}
