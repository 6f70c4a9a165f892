//! The front-end: preprocess -> parse -> lower (type check and generate
//! IR). Each phase reports every error it finds and goes on, so one run
//! shows the user all of them.

mod ast;
mod headers;
mod lex;
mod lower;
mod parse;
mod ppexpr;
mod preprocess;
mod token;
pub(crate) mod types;

use crate::diag::{Diagnostic, Diagnostics};
use crate::ir::Program;
use crate::source::SourceMap;

/// A program that did not compile: its sources and every diagnostic.
#[derive(Debug)]
pub struct CompileError {
    /// The sources the diagnostics point into.
    pub sources: SourceMap,
    /// All of them, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads quoted `#include`s from the file system, relative to the
/// including file.
pub fn fs_loader(from: &str, name: &str) -> Option<(String, String)> {
    let dir = std::path::Path::new(from).parent()?;
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).ok()?;
    Some((path.display().to_string(), text))
}

/// Compiles a C program. `name` is the path shown in diagnostics and in
/// `__FILE__`; `loader` resolves quoted includes.
pub fn compile(name: &str, text: &str, loader: preprocess::Loader) -> Result<Program, CompileError> {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let mut toks = {
        let mut pp = preprocess::Preprocessor::new(&mut sources, &mut diags, loader);
        let mut toks = pp.run_file("<built-in>", headers::PRELUDE);
        toks.extend(pp.run_file(name, text));
        toks
    };
    let eof = token::Token {
        kind: token::TokKind::Eof,
        span: crate::source::Span { file: 1, lo: text.len() as u32, hi: text.len() as u32 },
        text: "".into(),
        line_start: true,
        space_before: false,
        hide: std::rc::Rc::from(Vec::new()),
    };
    toks.push(eof);
    let builtin: Vec<u32> = sources.files().iter().enumerate().filter(|(_, f)| f.name.starts_with('<')).map(|(i, _)| i as u32).collect();
    let unit = parse::parse(toks, &mut diags);
    let lowered = lower::lower(&unit, builtin, &mut diags);
    match lowered {
        Some(l) if !diags.has_errors() => Ok(Program {
            sources,
            functions: l.functions,
            globals: l.globals,
            main: l.main,
            main_params: l.main_params,
            errno_region: l.errno_region,
            name: name.to_string(),
        }),
        _ => Err(CompileError { sources, diagnostics: diags.list }),
    }
}
