//! Evaluates the constant expression of `#if` / `#elif` after macro
//! expansion: C's integer operators on `i64`, identifiers left are 0.

use super::token::{TokKind, Token};

/// The value of the expression, or what is wrong with it.
pub fn eval(toks: &[Token]) -> Result<i64, String> {
    let mut p = P { toks, pos: 0 };
    let v = p.cond()?;
    match p.toks.get(p.pos) {
        None => Ok(v),
        Some(t) => Err(format!("unexpected `{}`", t.text)),
    }
}

struct P<'a> {
    toks: &'a [Token],
    pos: usize,
}

const LEVELS: &[&[&str]] =
    &[&["||"], &["&&"], &["|"], &["^"], &["&"], &["==", "!="], &["<", ">", "<=", ">="], &["<<", ">>"], &["+", "-"], &["*", "/", "%"]];

impl P<'_> {
    fn eat(&mut self, p: &str) -> bool {
        if self.toks.get(self.pos).is_some_and(|t| t.is(p)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn cond(&mut self) -> Result<i64, String> {
        let c = self.binary(0)?;
        if self.eat("?") {
            let a = self.cond()?;
            if !self.eat(":") {
                return Err("`?` without `:`".into());
            }
            let b = self.cond()?;
            return Ok(if c != 0 { a } else { b });
        }
        Ok(c)
    }

    fn binary(&mut self, level: usize) -> Result<i64, String> {
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut l = self.binary(level + 1)?;
        'outer: loop {
            for op in LEVELS[level] {
                if self.eat(op) {
                    let r = self.binary(level + 1)?;
                    l = apply(op, l, r)?;
                    continue 'outer;
                }
            }
            return Ok(l);
        }
    }

    fn unary(&mut self) -> Result<i64, String> {
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
            _ => Err(format!("unexpected `{}`", t.text)),
        }
    }
}

fn apply(op: &str, l: i64, r: i64) -> Result<i64, String> {
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
