//! Evaluates the constant expression of `#if` / `#elif` after macro
//! expansion: C's integer operators on `i64`, identifiers left are 0.

use super::limits::MAX_NESTING;
use super::token::{TokKind, Token};

/// Why an expression has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PpError {
    /// Malformed, or division by zero: what is wrong.
    Invalid(String),
    /// Nested deeper than [`MAX_NESTING`] (parentheses, unary operators,
    /// `?:`): evaluation recurses once per level.
    TooDeep,
}

impl From<String> for PpError {
    fn from(s: String) -> Self {
        PpError::Invalid(s)
    }
}

impl From<&str> for PpError {
    fn from(s: &str) -> Self {
        PpError::Invalid(s.into())
    }
}

/// The value of the expression, or what is wrong with it.
pub fn eval(toks: &[Token]) -> Result<i64, PpError> {
    let mut p = P { toks, pos: 0, depth: 0 };
    let v = p.cond()?;
    match p.toks.get(p.pos) {
        None => Ok(v),
        Some(t) => Err(format!("unexpected `{}`", t.text).into()),
    }
}

struct P<'a> {
    toks: &'a [Token],
    pos: usize,
    /// Nesting of the operand being read (see [`PpError::TooDeep`]).
    depth: u32,
}

/// Binary operators with their precedence (higher binds tighter).
const BINARY: &[(&str, u8)] = &[
    ("||", 1),
    ("&&", 2),
    ("|", 3),
    ("^", 4),
    ("&", 5),
    ("==", 6),
    ("!=", 6),
    ("<=", 7),
    (">=", 7),
    ("<", 7),
    (">", 7),
    ("<<", 8),
    (">>", 8),
    ("+", 9),
    ("-", 9),
    ("*", 10),
    ("/", 10),
    ("%", 10),
];

impl P<'_> {
    fn eat(&mut self, p: &str) -> bool {
        if self.toks.get(self.pos).is_some_and(|t| t.is(p)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Runs `f` one nesting level deeper.
    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<i64, PpError>) -> Result<i64, PpError> {
        if self.depth >= MAX_NESTING {
            return Err(PpError::TooDeep);
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn cond(&mut self) -> Result<i64, PpError> {
        let c = self.binary(1)?;
        if self.eat("?") {
            let a = self.nested(Self::cond)?;
            if !self.eat(":") {
                return Err("`?` without `:`".into());
            }
            let b = self.nested(Self::cond)?;
            return Ok(if c != 0 { a } else { b });
        }
        Ok(c)
    }

    /// Precedence climbing: one frame per operator of rising precedence,
    /// not one per level of the grammar.
    fn binary(&mut self, min: u8) -> Result<i64, PpError> {
        let mut l = self.unary()?;
        loop {
            let Some(&(op, prec)) = BINARY.iter().find(|(op, prec)| *prec >= min && self.toks.get(self.pos).is_some_and(|t| t.is(op)))
            else {
                return Ok(l);
            };
            self.pos += 1;
            let r = self.nested(|p| p.binary(prec + 1))?;
            l = apply(op, l, r)?;
        }
    }

    fn unary(&mut self) -> Result<i64, PpError> {
        self.nested(Self::unary_inner)
    }

    fn unary_inner(&mut self) -> Result<i64, PpError> {
        if self.eat("-") {
            return Ok(self.unary()?.wrapping_neg());
        }
        if self.eat("+") {
            return self.unary();
        }
        if self.eat("!") {
            return Ok((self.unary()? == 0) as i64);
        }
        if self.eat("~") {
            return Ok(!self.unary()?);
        }
        if self.eat("(") {
            let v = self.cond()?;
            if !self.eat(")") {
                return Err("missing `)`".into());
            }
            return Ok(v);
        }
        let Some(t) = self.toks.get(self.pos) else {
            return Err("expression ends early".into());
        };
        self.pos += 1;
        match &t.kind {
            TokKind::Int { value, .. } => Ok(*value as i64),
            TokKind::Char(c) => Ok(*c),
            TokKind::Ident(_) => Ok(0),
            _ => Err(format!("unexpected `{}`", t.text).into()),
        }
    }
}

fn apply(op: &str, l: i64, r: i64) -> Result<i64, PpError> {
    Ok(match op {
        "||" => (l != 0 || r != 0) as i64,
        "&&" => (l != 0 && r != 0) as i64,
        "|" => l | r,
        "^" => l ^ r,
        "&" => l & r,
        "==" => (l == r) as i64,
        "!=" => (l != r) as i64,
        "<" => (l < r) as i64,
        ">" => (l > r) as i64,
        "<=" => (l <= r) as i64,
        ">=" => (l >= r) as i64,
        "<<" => l.wrapping_shl(r as u32),
        ">>" => l.wrapping_shr(r as u32),
        "+" => l.wrapping_add(r),
        "-" => l.wrapping_sub(r),
        "*" => l.wrapping_mul(r),
        "/" | "%" if r == 0 => return Err("division by zero".into()),
        "/" => l.wrapping_div(r),
        _ => l.wrapping_rem(r),
    })
}
