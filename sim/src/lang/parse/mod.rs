//! The parser: tokens to [`ast`](super::ast). It never gives up (STYLE.md):
//! every error becomes a diagnostic, the parser resynchronises at the next
//! `;` or `}`, and the tree of everything else is still returned.

mod decls;
mod exprs;
mod stmts;

use super::ast::{Item, Unit};
use super::token::{TokKind, Token};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// Parses a preprocessed token stream into a unit.
pub fn parse(toks: Vec<Token>, diags: &mut Diagnostics) -> Unit {
    let mut p = Parser { toks, pos: 0, diags, scopes: vec![HashMap::new()], errors_here: 0 };
    let mut unit = Unit::default();
    while !p.at_eof() {
        let before = p.pos;
        if let Some(item) = p.item() {
            unit.items.push(item);
        }
        if p.pos == before {
            p.bump();
        }
    }
    unit
}

const KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Bool",
    "_Alignof",
    "_Noreturn",
    "_Static_assert",
    "__builtin_offsetof",
];

pub(crate) struct Parser<'a> {
    toks: Vec<Token>,
    pos: usize,
    diags: &'a mut Diagnostics,
    /// Per scope: name -> is it a typedef name (false: shadowed by an
    /// ordinary identifier).
    scopes: Vec<HashMap<Rc<str>, bool>>,
    /// Errors reported since the last resynchronisation, to avoid cascades.
    errors_here: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        self.peek_at(0)
    }

    fn peek_at(&self, k: usize) -> &Token {
        let i = (self.pos + k).min(self.toks.len() - 1);
        &self.toks[i]
    }

    fn at_eof(&self) -> bool {
        self.peek().kind == TokKind::Eof
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn is(&self, p: &str) -> bool {
        self.peek().is(p)
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.is(p) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn is_kw(&self, kw: &str) -> bool {
        self.peek().ident().is_some_and(|n| &**n == kw)
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Span of the previous token (where a missing `;` belongs).
    fn prev_span(&self) -> Span {
        let t = &self.toks[self.pos.saturating_sub(1)];
        Span { file: t.span.file, lo: t.span.hi, hi: t.span.hi }
    }

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.error_code(Code::Syntax, span, msg);
    }

    fn error_code(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        if self.errors_here == 0 || code != Code::Syntax {
            self.diags.push(Diagnostic::error(code, span, msg));
        }
        if code == Code::Syntax {
            self.errors_here += 1;
        }
    }

    fn expect(&mut self, p: &str, context: &str) -> bool {
        if self.eat(p) {
            return true;
        }
        let found = self.describe_next();
        let span = if p == ";" || p == ")" { self.prev_span() } else { self.peek().span };
        self.error(span, format!("expected `{p}` {context}, found {found}"));
        false
    }

    fn describe_next(&self) -> String {
        match &self.peek().kind {
            TokKind::Eof => "the end of the file".into(),
            _ => format!("`{}`", self.peek().text),
        }
    }

    /// Skips to just after the next `;` at this nesting level, or to a `}`
    /// that closes it, so that one error does not hide the next.
    fn recover(&mut self) {
        let mut depth = 0i32;
        while !self.at_eof() {
            if self.is("{") || self.is("(") || self.is("[") {
                depth += 1;
            } else if self.is(")") || self.is("]") {
                depth -= 1;
            } else if self.is("}") {
                if depth <= 0 {
                    break;
                }
                depth -= 1;
            } else if self.is(";") && depth <= 0 {
                self.bump();
                break;
            }
            self.bump();
        }
        self.errors_here = 0;
    }

    fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    fn declare(&mut self, name: &Rc<str>, is_typedef: bool) {
        self.scopes.last_mut().expect("a scope is always open").insert(name.clone(), is_typedef);
    }

    fn is_typedef_name(&self, name: &str) -> bool {
        for s in self.scopes.iter().rev() {
            if let Some(&t) = s.get(name) {
                return t;
            }
        }
        false
    }

    fn item(&mut self) -> Option<Item> {
        if self.eat(";") {
            return None;
        }
        let r = self.external_decl();
        self.errors_here = 0;
        r
    }
}
