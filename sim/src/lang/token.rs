//! Tokens shared by the lexer, the preprocessor and the parser.

use crate::source::Span;
use std::rc::Rc;

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokKind {
    /// Identifier or keyword (keywords are recognised by the parser, so
    /// that the preprocessor can treat them as names).
    Ident(Rc<str>),
    /// Integer constant with its suffix.
    Int { value: u64, unsigned: bool, long: bool, decimal: bool },
    /// Floating constant: the bits of its value in its type (`float`
    /// when `single`, else `double`); a `long double` one (`L` suffix)
    /// has its sign and exponent in `ext` and its significand in `bits`.
    Float { bits: u64, single: bool, ext: Option<u16> },
    /// Character constant, already an `int` value as gcc computes it.
    Char(i64),
    /// String literal bytes, escapes resolved, without the terminating NUL.
    Str(Rc<[u8]>),
    /// Punctuator, e.g. `->` or `<<=`.
    Punct(&'static str),
    /// Something the lexer could not read; the diagnostic is reported
    /// only if the token survives preprocessing (text in `#if 0` may be
    /// anything).
    Invalid(Rc<crate::diag::Diagnostic>),
    /// End of input.
    Eof,
}

/// A token with its place and the layout facts the preprocessor needs.
#[derive(Debug, Clone)]
pub struct Token {
    /// The kind and value.
    pub kind: TokKind,
    /// Where it came from (for macro output: the invocation).
    pub span: Span,
    /// Spelling as written, for `#` stringification and messages.
    pub text: Rc<str>,
    /// First token on its line (directives start so).
    pub line_start: bool,
    /// Whitespace before it (stringification keeps one space there).
    pub space_before: bool,
    /// Macros that must not expand this token again (the hide set).
    pub hide: Rc<[Rc<str>]>,
}

impl Token {
    /// True if it is this punctuator.
    pub fn is(&self, p: &str) -> bool {
        matches!(&self.kind, TokKind::Punct(q) if *q == p)
    }

    /// The identifier's name, if it is one.
    pub fn ident(&self) -> Option<&Rc<str>> {
        match &self.kind {
            TokKind::Ident(s) => Some(s),
            _ => None,
        }
    }
}
