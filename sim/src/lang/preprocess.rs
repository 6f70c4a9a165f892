//! The preprocessor subset of LANGUAGE.md: `#include` of known headers,
//! object- and function-like macros (with `#`, `##` and `__VA_ARGS__`),
//! conditionals with a full `#if` expression evaluator. Expansion follows
//! the hide-set algorithm, so recursion stops as in gcc.

use super::headers;
use super::lex::lex;
use super::limits;
use super::token::{TokKind, Token};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::{SourceMap, Span};
use std::collections::HashMap;
use std::rc::Rc;

/// Reads a user header named by a quoted `#include`, relative to the
/// including file; `None` if there is no such file.
pub type Loader<'a> = &'a dyn Fn(&str, &str) -> Option<(String, String)>;

#[derive(Clone)]
struct Macro {
    params: Option<Vec<Rc<str>>>,
    variadic: bool,
    body: Vec<Token>,
}

struct Cond {
    active: bool,
    taken: bool,
    seen_else: bool,
    span: Span,
}

/// Preprocesses a translation unit: the built-in prelude, then the file.
pub struct Preprocessor<'a> {
    sources: &'a mut SourceMap,
    diags: &'a mut Diagnostics,
    loader: Loader<'a>,
    macros: HashMap<Rc<str>, Macro>,
    depth: usize,
    /// Macro calls nested in the arguments being expanded (each level
    /// recurses through `expand_list`).
    nesting: u32,
    /// Work done by macro expansion: tokens produced or moved into
    /// arguments, plus hide-set entries built (see
    /// [`limits::MAX_EXPANDED_TOKENS`]).
    expanded: usize,
    /// Set once a limit is exceeded: the rest of the input is dropped and
    /// the compilation ends with the diagnostic that says which limit.
    pub halted: bool,
    /// Set once `ipcsim.h` is included: its extensions become visible.
    pub extensions: bool,
    /// Built-in headers with their own text already included (once each).
    included: Vec<&'static str>,
}

impl<'a> Preprocessor<'a> {
    /// A preprocessor with no macros yet.
    pub fn new(sources: &'a mut SourceMap, diags: &'a mut Diagnostics, loader: Loader<'a>) -> Self {
        Preprocessor {
            sources,
            diags,
            loader,
            macros: HashMap::new(),
            depth: 0,
            nesting: 0,
            expanded: 0,
            halted: false,
            extensions: false,
            included: Vec::new(),
        }
    }

    /// Preprocesses a file's text into the token stream the parser reads.
    /// The id the next file run gets.
    pub fn next_file_id(&self) -> u32 {
        self.sources.files().len() as u32
    }

    pub fn run_file(&mut self, name: &str, text: &str) -> Vec<Token> {
        let file = self.sources.add(name, text);
        let toks = lex(file, text, self.diags);
        let mut out = Vec::new();
        self.process(toks, &mut out);
        out
    }

    fn process(&mut self, toks: Vec<Token>, out: &mut Vec<Token>) {
        // A stack, next token last; reversed in place, and given back as
        // it empties, so a big file is not held twice while `out` grows.
        let mut input = toks;
        input.reverse();
        let mut conds: Vec<Cond> = Vec::new();
        while let Some(tok) = input.pop() {
            if input.capacity() > 2 * input.len() + 4096 {
                input.shrink_to_fit();
            }
            if tok.kind == TokKind::Eof || self.halted || self.diags.is_full() {
                break;
            }
            if tok.line_start && tok.is("#") && tok.hide.is_empty() {
                let line = take_line(&mut input);
                self.directive(&tok, line, &mut conds, out);
                continue;
            }
            if conds.iter().any(|c| !c.active) {
                continue;
            }
            self.expand_one(tok, &mut input, out);
        }
        for c in conds.into_iter().filter(|_| !self.halted) {
            self.diags.error(Code::Conditional, c.span, "this conditional has no matching `#endif`");
        }
    }

    /// Expands a token list with no directives (macro arguments, `#if`).
    fn expand_list(&mut self, toks: Vec<Token>) -> Vec<Token> {
        let mut input = toks;
        input.reverse();
        let mut out = Vec::new();
        while let Some(tok) = input.pop() {
            if self.halted {
                break;
            }
            self.expand_one(tok, &mut input, &mut out);
        }
        out
    }

    /// Counts expansion work; past the limit, reports it at `site` and
    /// halts. Returns false if halted.
    fn spend(&mut self, work: usize, site: Span) -> bool {
        self.expanded += work;
        if self.expanded > limits::MAX_EXPANDED_TOKENS && !self.halted {
            let d = Diagnostic::error(
                Code::Limit,
                site,
                format!(
                    "macro expansion is too large: more than {} tokens produced or copied (ipcsim's limit)",
                    limits::MAX_EXPANDED_TOKENS
                ),
            )
            .note("a macro whose body uses another several times grows exponentially with each level");
            self.diags.push(d);
            self.halted = true;
        }
        !self.halted
    }

    /// Either emits `tok` or pushes its expansion back onto `input`.
    fn expand_one(&mut self, tok: Token, input: &mut Vec<Token>, out: &mut Vec<Token>) {
        if let TokKind::Invalid(d) = &tok.kind {
            self.diags.push((**d).clone());
            return;
        }
        let Some(name) = tok.ident().cloned() else {
            out.push(tok);
            return;
        };
        if let Some(t) = self.builtin_macro(&tok, &name) {
            out.push(t);
            return;
        }
        let Some(mac) = self.macros.get(&name).cloned() else {
            out.push(tok);
            return;
        };
        if tok.hide.contains(&name) {
            out.push(tok);
            return;
        }
        let Some(params) = &mac.params else {
            let hide = with(&tok.hide, &name);
            if !self.spend(mac.body.len() + hide.len(), tok.span) {
                return;
            }
            let body = mac.body.iter().enumerate().map(|(i, b)| relocate(b, &tok, &hide, i == 0)).collect::<Vec<_>>();
            input.extend(body.into_iter().rev());
            return;
        };
        if !input.last().is_some_and(|t| t.is("(")) {
            out.push(tok);
            return;
        }
        let Some((args, commas, rparen)) = self.collect_args(&tok, input) else {
            return;
        };
        // The arguments moved out of `input`: give the memory back, or
        // nested calls `I(I(I(...)))` would each keep a copy's worth of
        // capacity and use memory quadratic in the depth.
        if input.capacity() > 2 * input.len() + 64 {
            input.shrink_to_fit();
        }
        let args = match self.bind_args(&tok, &name, params, mac.variadic, args, commas) {
            Some(a) => a,
            None => {
                // Stand in a `0` so the parser does not report the gap too.
                let zero = TokKind::Int { value: 0, unsigned: false, long: false, decimal: true };
                out.push(Token { kind: zero, text: "0".into(), ..tok });
                return;
            }
        };
        let hide: Rc<[Rc<str>]> = {
            let mut h: Vec<Rc<str>> = tok.hide.iter().filter(|n| rparen.hide.contains(n)).cloned().collect();
            h.push(name.clone());
            h.into()
        };
        let call_span = tok.span.to(rparen.span);
        let mut site = tok.clone();
        site.span = call_span;
        let body = self.substitute(&mac, params, args, &site);
        let merged: usize = body.iter().map(|b| if b.hide.is_empty() { 0 } else { b.hide.len() + hide.len() }).sum();
        if !self.spend(body.len() + merged, site.span) {
            return;
        }
        let body = body.iter().enumerate().map(|(i, b)| relocate(b, &site, &hide, i == 0)).collect::<Vec<_>>();
        input.extend(body.into_iter().rev());
    }

    fn builtin_macro(&self, tok: &Token, name: &str) -> Option<Token> {
        let kind = match name {
            "__FILE__" => TokKind::Str(self.sources.file(tok.span.file).name.as_bytes().into()),
            "__LINE__" => TokKind::Int {
                value: self.sources.line_col(tok.span.file, tok.span.lo).line as u64,
                unsigned: false,
                long: false,
                decimal: true,
            },
            _ => return None,
        };
        Some(Token { kind, ..tok.clone() })
    }

    /// Reads `( a, b, ... )` after a function-like macro's name.
    /// The arguments of a call, the commas between them (kept for
    /// `__VA_ARGS__`, whose commas are the call's own, spacing and all),
    /// and the closing parenthesis.
    #[allow(clippy::type_complexity)]
    fn collect_args(&mut self, name: &Token, input: &mut Vec<Token>) -> Option<(Vec<Vec<Token>>, Vec<Token>, Token)> {
        input.pop(); // (
        let mut args = vec![Vec::new()];
        let mut commas = Vec::new();
        let mut depth = 0;
        loop {
            let Some(t) = input.pop() else {
                self.diags.error(Code::MacroArgs, name.span, format!("unterminated call of macro `{}`: a `)` is missing", name.text));
                return None;
            };
            if t.kind == TokKind::Eof {
                input.push(t);
                self.diags.error(Code::MacroArgs, name.span, format!("unterminated call of macro `{}`: a `)` is missing", name.text));
                return None;
            }
            if t.is("(") {
                depth += 1;
            } else if t.is(")") {
                if depth == 0 {
                    // Moving the arguments is work too: `I(I(I(...)))`
                    // moves what is inside once per level.
                    let moved = args.iter().map(Vec::len).sum::<usize>() + 2;
                    return self.spend(moved, name.span).then_some((args, commas, t));
                }
                depth -= 1;
            } else if t.is(",") && depth == 0 {
                args.push(Vec::new());
                commas.push(t);
                continue;
            }
            args.last_mut().expect("args is never empty").push(t);
        }
    }

    fn bind_args(
        &mut self,
        tok: &Token,
        name: &str,
        params: &[Rc<str>],
        variadic: bool,
        mut args: Vec<Vec<Token>>,
        commas: Vec<Token>,
    ) -> Option<Vec<Vec<Token>>> {
        if params.is_empty() && args.len() == 1 && args[0].is_empty() && !variadic {
            return Some(Vec::new());
        }
        if variadic && args.len() > params.len() + 1 {
            // Everything past the named parameters is __VA_ARGS__, commas kept.
            let rest = args.split_off(params.len());
            let mut va = Vec::new();
            let mut between = commas.into_iter().skip(params.len());
            for (i, a) in rest.into_iter().enumerate() {
                if i > 0 {
                    va.push(between.next().unwrap_or_else(|| Token { kind: TokKind::Punct(","), text: ",".into(), ..tok.clone() }));
                }
                va.extend(a);
            }
            args.push(va);
        }
        if variadic && args.len() == params.len() {
            args.push(Vec::new());
        }
        let want = params.len() + variadic as usize;
        if args.len() != want {
            self.diags.push(Diagnostic::error(
                Code::MacroArgs,
                tok.span,
                format!("macro `{name}` takes {want} argument{}, but {} were given", if want == 1 { "" } else { "s" }, args.len()),
            ));
            return None;
        }
        Some(args)
    }

    /// The body with the arguments in place. Each argument is macro
    /// expanded once, however often it is used, and moved rather than
    /// copied where it is used once: nested calls then cost memory linear
    /// in their depth.
    fn substitute(&mut self, mac: &Macro, params: &[Rc<str>], mut args: Vec<Vec<Token>>, site: &Token) -> Vec<Token> {
        let index = |t: &Token| -> Option<usize> {
            let n = t.ident()?;
            if &**n == "__VA_ARGS__" && mac.variadic {
                return Some(params.len());
            }
            params.iter().position(|p| p == n)
        };
        let body = &mac.body;
        // How each argument is used: as written (next to `#` or `##`),
        // and how many times expanded.
        let mut raw = vec![false; args.len()];
        let mut plain = vec![0usize; args.len()];
        for (i, t) in body.iter().enumerate() {
            let Some(k) = index(t) else { continue };
            let pasted = (i > 0 && (body[i - 1].is("#") || body[i - 1].is("##"))) || body.get(i + 1).is_some_and(|n| n.is("##"));
            if pasted {
                raw[k] = true;
            } else {
                plain[k] += 1;
            }
        }
        let mut expanded: Vec<Option<Vec<Token>>> = vec![None; args.len()];
        let mut out: Vec<Token> = Vec::new();
        let mut i = 0;
        while i < body.len() {
            let t = &body[i];
            if t.is("#") {
                if let Some(k) = body.get(i + 1).and_then(index) {
                    out.push(stringize(&args[k], site));
                    i += 2;
                    continue;
                }
            }
            if t.is("##") && !out.is_empty() && i + 1 < body.len() {
                let rhs: Vec<Token> = match index(&body[i + 1]) {
                    Some(k) => args[k].clone(),
                    None => vec![body[i + 1].clone()],
                };
                if let Some(first) = rhs.first() {
                    let lhs = out.pop().expect("checked non-empty");
                    out.extend(self.paste(&lhs, first, site));
                    out.extend(rhs[1..].iter().cloned());
                }
                i += 2;
                continue;
            }
            if let Some(k) = index(t) {
                if body.get(i + 1).is_some_and(|n| n.is("##")) {
                    out.extend(args[k].iter().cloned());
                } else {
                    if expanded[k].is_none() {
                        let arg = if raw[k] { args[k].clone() } else { std::mem::take(&mut args[k]) };
                        expanded[k] = Some(self.expand_arg(arg, site));
                    }
                    plain[k] -= 1;
                    let mut e =
                        if plain[k] == 0 { expanded[k].take().unwrap_or_default() } else { expanded[k].clone().unwrap_or_default() };
                    if !self.spend(e.len(), site.span) {
                        return out;
                    }
                    if let Some(f) = e.first_mut() {
                        f.space_before = t.space_before;
                    }
                    out.extend(e);
                }
                i += 1;
                continue;
            }
            out.push(t.clone());
            i += 1;
        }
        out
    }

    /// Expands one macro argument, one nesting level deeper: macro calls
    /// nested in arguments recurse here, so their depth is bounded.
    fn expand_arg(&mut self, arg: Vec<Token>, site: &Token) -> Vec<Token> {
        if self.nesting >= limits::MAX_NESTING {
            if !self.halted {
                self.diags.error(Code::Limit, site.span, limits::too_deep("macro calls in macro arguments"));
                self.halted = true;
            }
            return Vec::new();
        }
        self.nesting += 1;
        let e = self.expand_list(arg);
        self.nesting -= 1;
        e
    }

    fn paste(&mut self, lhs: &Token, rhs: &Token, site: &Token) -> Vec<Token> {
        let text = format!("{}{}", lhs.text, rhs.text);
        let file = self.sources.add("<token paste>", &text);
        let mut d = Diagnostics::default();
        let mut toks = lex(file, &text, &mut d);
        toks.pop(); // Eof
        if toks.len() != 1 || d.has_errors() {
            self.diags.error(Code::MacroArgs, site.span, format!("pasting `{}` and `{}` does not give a valid token", lhs.text, rhs.text));
        }
        toks.into_iter().map(|t| Token { span: site.span, space_before: lhs.space_before, ..t }).collect()
    }

    fn directive(&mut self, hash: &Token, line: Vec<Token>, conds: &mut Vec<Cond>, out: &mut Vec<Token>) {
        let Some(name_tok) = line.first() else { return }; // null directive
        let name = name_tok.text.clone();
        let rest = &line[1..];
        let span = hash.span.to(line.last().map_or(hash.span, |t| t.span));
        let active = conds.iter().all(|c| c.active);
        match &*name {
            "ifdef" | "ifndef" | "if" => {
                let value = if !active {
                    false
                } else if &*name == "if" {
                    self.eval_if(rest, span)
                } else {
                    let defined = rest
                        .first()
                        .and_then(|t| t.ident())
                        .is_some_and(|n| self.macros.contains_key(n) || matches!(&**n, "__FILE__" | "__LINE__"));
                    if rest.first().and_then(|t| t.ident()).is_none() {
                        self.diags.error(Code::BadDirective, span, format!("`#{name}` needs a macro name"));
                    }
                    defined == (&*name == "ifdef")
                };
                conds.push(Cond { active: active && value, taken: value, seen_else: false, span });
            }
            "elif" | "else" => {
                let Some(top) = conds.pop() else {
                    self.diags.error(Code::Conditional, span, format!("`#{name}` without a matching `#if`"));
                    return;
                };
                if top.seen_else {
                    self.diags.error(Code::Conditional, span, format!("`#{name}` after `#else`"));
                }
                let outer = conds.iter().all(|c| c.active);
                let value = if top.taken || !outer {
                    false
                } else if &*name == "elif" {
                    self.eval_if(rest, span)
                } else {
                    true
                };
                conds.push(Cond {
                    active: outer && value,
                    taken: top.taken || value,
                    seen_else: top.seen_else || &*name == "else",
                    span: top.span,
                });
            }
            "endif" => {
                if conds.pop().is_none() {
                    self.diags.error(Code::Conditional, span, "`#endif` without a matching `#if`");
                }
            }
            _ if !active => {}
            "define" => self.define(rest, span),
            "undef" => {
                if let Some(n) = rest.first().and_then(|t| t.ident()) {
                    self.macros.remove(n);
                }
            }
            "include" => match rest.first().map(|t| &t.kind) {
                // `#include "\` at the end of the file: say what is wrong with the name.
                Some(TokKind::Invalid(d)) => self.diags.push((**d).clone()),
                _ => self.include(rest, span, out),
            },
            "error" => {
                let msg: Vec<&str> = rest.iter().map(|t| &*t.text).collect();
                self.diags.error(Code::ErrorDirective, span, format!("#error {}", msg.join(" ")));
            }
            // `#pragma pack` changes how gcc lays out the structs after
            // it: refused rather than silently laid out otherwise.
            "pragma" if rest.first().and_then(|t| t.ident()).is_some_and(|n| &**n == "pack") && !pops(rest) => self.diags.error(
                Code::Unsupported,
                rest[0].span,
                "`#pragma pack` is not supported: ipcsim lays out structs as gcc does without it",
            ),
            "pragma" | "line" | "warning" | "ident" => {}
            _ => self.diags.error(Code::BadDirective, name_tok.span, format!("unknown preprocessor directive `#{name}`")),
        }
    }

    fn define(&mut self, rest: &[Token], span: Span) {
        let Some(name) = rest.first().and_then(|t| t.ident()).cloned() else {
            self.diags.error(Code::BadDirective, span, "`#define` needs a macro name");
            return;
        };
        let function_like = rest.get(1).is_some_and(|t| t.is("(") && !t.space_before);
        if !function_like {
            self.macros.insert(name, Macro { params: None, variadic: false, body: rest[1..].to_vec() });
            return;
        }
        let mut params = Vec::new();
        let mut variadic = false;
        let mut i = 2;
        loop {
            match rest.get(i) {
                Some(t) if t.is(")") => break,
                Some(t) if t.is("...") => variadic = true,
                Some(t) if t.is(",") => {}
                Some(t) if t.ident().is_some() && !variadic => params.push(t.ident().cloned().expect("ident")),
                _ => {
                    self.diags.error(Code::BadDirective, span, format!("malformed parameter list in `#define {name}`"));
                    return;
                }
            }
            i += 1;
        }
        let body = rest[i + 1..].to_vec();
        self.macros.insert(name, Macro { params: Some(params), variadic, body });
    }

    fn include(&mut self, rest: &[Token], span: Span, out: &mut Vec<Token>) {
        let (name, quoted) = match rest.first().map(|t| &t.kind) {
            Some(TokKind::Str(s)) => (String::from_utf8_lossy(s).into_owned(), true),
            Some(TokKind::Punct("<")) => {
                let inner: String = rest[1..].iter().take_while(|t| !t.is(">")).map(|t| &*t.text).collect();
                (inner, false)
            }
            _ => {
                self.diags.error(Code::BadDirective, span, "`#include` expects \"FILE\" or <FILE>");
                return;
            }
        };
        if self.depth > 32 {
            self.diags.error(Code::BadDirective, span, format!("`#include \"{name}\"` nested too deeply (recursive include?)"));
            return;
        }
        if quoted {
            if name == "ipcsim.h" {
                self.enable_extensions(out);
                return;
            }
            let from = self.sources.file(span.file).name.clone();
            if let Some((path, text)) = (self.loader)(&from, &name) {
                if text.len() as u64 > limits::MAX_INPUT_BYTES {
                    let mib = limits::MAX_INPUT_BYTES >> 20;
                    self.diags.error(Code::Limit, span, format!("`{path}` is larger than {mib} MiB (ipcsim's limit for a source file)"));
                    self.halted = true;
                    return;
                }
                let file = self.sources.add(&path, &text);
                let toks = lex(file, &text, self.diags);
                self.depth += 1;
                self.process(toks, out);
                self.depth -= 1;
                return;
            }
        }
        match headers::lookup(&name) {
            Some(headers::Header::Known) => {
                if let Some((header, text)) = headers::text(&name) {
                    if !self.included.contains(&header) {
                        self.included.push(header);
                        let toks = self.run_file(&format!("<{header}>"), text);
                        out.extend(toks);
                    }
                }
                if name == "assert.h" && self.macros.contains_key("NDEBUG") {
                    let text = "#define assert(e) ((void)0)\n";
                    let t = self.run_file("<assert.h>", text);
                    out.extend(t);
                }
            }
            Some(headers::Header::Rejected(why)) => {
                self.diags
                    .push(Diagnostic::error(Code::UnknownHeader, span, format!("header <{name}> is outside ipcsim's subset")).note(why));
            }
            None => {
                let d = Diagnostic::error(
                    Code::UnknownHeader,
                    span,
                    format!("unknown header {}{name}{}", if quoted { '"' } else { '<' }, if quoted { '"' } else { '>' }),
                )
                .note(format!("ipcsim knows these headers: {}", headers::KNOWN.join(", ")))
                .note("a quoted header is searched for beside the file that includes it");
                self.diags.push(d);
            }
        }
    }

    fn enable_extensions(&mut self, out: &mut Vec<Token>) {
        if !self.extensions {
            self.extensions = true;
            let toks = self.run_file("<ipcsim.h>", headers::IPCSIM_H);
            out.extend(toks);
        }
    }

    fn eval_if(&mut self, rest: &[Token], span: Span) -> bool {
        // `defined X` and `defined(X)` first, before expansion.
        let mut toks = Vec::new();
        let mut i = 0;
        while i < rest.len() {
            let t = &rest[i];
            if t.ident().is_some_and(|n| &**n == "defined") {
                let (name, skip) = if rest.get(i + 1).is_some_and(|p| p.is("(")) { (rest.get(i + 2), 4) } else { (rest.get(i + 1), 2) };
                let v = name.and_then(|n| n.ident()).is_some_and(|n| self.macros.contains_key(n));
                toks.push(Token { kind: TokKind::Int { value: v as u64, unsigned: false, long: false, decimal: true }, ..t.clone() });
                i += skip;
                continue;
            }
            toks.push(t.clone());
            i += 1;
        }
        let toks = self.expand_list(toks);
        if self.halted {
            return false;
        }
        match super::ppexpr::eval(&toks) {
            Ok(v) => v != 0,
            Err(super::ppexpr::PpError::Invalid(msg)) => {
                self.diags.error(Code::BadDirective, span, format!("cannot evaluate `#if`: {msg}"));
                false
            }
            Err(super::ppexpr::PpError::TooDeep) => {
                self.diags.error(Code::Limit, span, limits::too_deep("`#if` expression"));
                false
            }
        }
    }
}

fn take_line(input: &mut Vec<Token>) -> Vec<Token> {
    let mut line = Vec::new();
    while let Some(t) = input.last() {
        if t.line_start || t.kind == TokKind::Eof {
            break;
        }
        line.push(input.pop().expect("peeked"));
    }
    line
}

fn with(hide: &Rc<[Rc<str>]>, name: &Rc<str>) -> Rc<[Rc<str>]> {
    let mut h = hide.to_vec();
    h.push(name.clone());
    h.into()
}

/// A body token placed at the invocation: its span is the call's, so
/// diagnostics and `__LINE__` point where the user wrote the macro.
fn relocate(b: &Token, site: &Token, hide: &Rc<[Rc<str>]>, first: bool) -> Token {
    // Body tokens come with no hide set: share the invocation's.
    let h = if b.hide.is_empty() {
        hide.clone()
    } else {
        let mut h = b.hide.to_vec();
        for n in hide.iter() {
            if !h.contains(n) {
                h.push(n.clone());
            }
        }
        h.into()
    };
    Token {
        kind: b.kind.clone(),
        span: site.span,
        text: b.text.clone(),
        line_start: false,
        space_before: if first { site.space_before } else { b.space_before },
        hide: h,
    }
}

fn stringize(arg: &[Token], site: &Token) -> Token {
    let mut s = String::new();
    for (i, t) in arg.iter().enumerate() {
        if i > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    Token { kind: TokKind::Str(s.as_bytes().into()), text: format!("{s:?}").into(), ..site.clone() }
}

/// `#pragma pack(pop)` or `#pragma pack()`: the end of a packed stretch
/// (refused at its start already).
fn pops(rest: &[Token]) -> bool {
    rest.get(2).is_some_and(|t| t.is(")") || t.ident().is_some_and(|n| &**n == "pop"))
}
