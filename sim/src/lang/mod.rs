//! The front-end: preprocess -> parse -> lower (type check and generate
//! IR). Each phase reports every error it finds and goes on, so one run
//! shows the user all of them.

mod ast;
mod headers;
mod lex;
pub mod limits;
mod lower;
mod parse;
mod ppexpr;
mod preprocess;
mod token;
pub(crate) mod types;
mod utils;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ir::Program;
use crate::source::SourceMap;
use std::sync::mpsc;

/// A program that did not compile: its sources and every diagnostic.
#[derive(Debug)]
pub struct CompileError {
    /// The sources the diagnostics point into.
    pub sources: SourceMap,
    /// All of them, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads quoted `#include`s from the file system, relative to the
/// including file. At most [`limits::MAX_INPUT_BYTES`] + 1 bytes are
/// read (a header may be `/dev/zero`); the preprocessor refuses a longer
/// text.
pub fn fs_loader(from: &str, name: &str) -> Option<(String, String)> {
    use std::io::Read;
    let dir = std::path::Path::new(from).parent()?;
    let path = dir.join(name);
    let mut bytes = Vec::new();
    std::fs::File::open(&path).ok()?.take(limits::MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    Some((path.display().to_string(), text))
}

/// A program `exec` may load besides the one run: its name for `exec`,
/// its path for diagnostics, its text.
#[derive(Debug, Clone)]
pub struct ExecUnit {
    /// The name `exec` finds it by.
    pub name: String,
    /// The path shown in diagnostics.
    pub path: String,
    /// The C source.
    pub text: String,
    /// One of ipcsim's built-in utilities (found only on the path).
    pub utility: bool,
}

/// The utilities `exec` runs without a `--exec` file.
pub fn utility_names() -> Vec<&'static str> {
    utils::names().collect()
}

/// Compiles a C program. `name` is the path shown in diagnostics and in
/// `__FILE__`; `loader` resolves quoted includes. The built-in utilities
/// the program names in a string literal come along, for `exec`.
pub fn compile(name: &str, text: &str, loader: preprocess::Loader) -> Result<Program, CompileError> {
    compile_with(name, text, loader, &[])
}

/// [`compile`], with more programs `exec` may load (`--exec NAME=FILE`).
///
/// The front-end runs on a thread of its own with a known stack
/// ([`limits::COMPILE_STACK`]), so its nesting limits are safe whatever
/// thread calls this (test threads have 2 MiB). The loader stays on the
/// calling thread (it need not be `Sync`): the front-end asks for each
/// include over a channel. Its results hold `Rc`s, so they come back as
/// plain data and the sources are rebuilt here.
pub fn compile_with(name: &str, text: &str, loader: preprocess::Loader, execs: &[ExecUnit]) -> Result<Program, CompileError> {
    compile_warned(name, text, loader, execs).map(|(p, _)| p)
}

/// [`compile_with`], with the warnings about the program's own code
/// (gcc's `-Wformat` kind: it runs all the same).
pub fn compile_warned(
    name: &str,
    text: &str,
    loader: preprocess::Loader,
    execs: &[ExecUnit],
) -> Result<(Program, Vec<Diagnostic>), CompileError> {
    let mut units = vec![ExecUnit { name: name.to_string(), path: name.to_string(), text: text.to_string(), utility: false }];
    units.extend(execs.iter().cloned());
    units.extend(utils::named_in(text).filter(|u| !execs.iter().any(|e| e.name == u.name)));
    let (ask, questions) = mpsc::channel::<(String, String)>();
    let (reply, answers) = mpsc::channel::<Option<(String, String)>>();
    let outcome = std::thread::scope(|s| {
        let units = &units;
        let front =
            std::thread::Builder::new().name("ipcsim front-end".into()).stack_size(limits::COMPILE_STACK).spawn_scoped(s, move || {
                let remote = move |from: &str, file: &str| {
                    ask.send((from.to_string(), file.to_string())).ok()?;
                    answers.recv().ok()?
                };
                compile_here(units, &remote)
            });
        let front = front.ok()?;
        for (from, file) in questions.iter() {
            let _ = reply.send(loader(&from, &file));
        }
        Some(front.join())
    });
    let compiled = match outcome {
        Some(Ok(c)) => c,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread to be had: compile here, on whatever stack there is.
        None => compile_here(&units, loader),
    };
    compiled.finish(&units)
}

/// A compilation's result as plain (`Send`) data.
struct Compiled {
    /// Each source file's name and text, in id order.
    files: Vec<(String, String)>,
    result: Result<lower::Lowered, Vec<Diagnostic>>,
}

impl Compiled {
    fn finish(self, units: &[ExecUnit]) -> Result<(Program, Vec<Diagnostic>), CompileError> {
        let mut sources = SourceMap::default();
        for (n, t) in &self.files {
            sources.add(n, t);
        }
        match self.result {
            Ok(l) => {
                let images: Vec<crate::ir::Image> = l
                    .entries
                    .iter()
                    .zip(units)
                    .map(|(e, u)| crate::ir::Image {
                        name: u.name.clone(),
                        main: e.main,
                        main_params: e.main_params,
                        errno_region: e.errno_region,
                        environ_region: e.environ_region,
                        utility: u.utility,
                    })
                    .collect();
                let first = images[0].clone();
                let ours = |d: &Diagnostic| d.labels.first().is_some_and(|l| !sources.is_library(l.span.file));
                let warnings = l.warnings.into_iter().filter(ours).collect();
                let prog = Program {
                    sources,
                    functions: l.functions,
                    globals: l.globals,
                    main: first.main,
                    main_params: first.main_params,
                    errno_region: first.errno_region,
                    name: units[0].name.clone(),
                    images,
                };
                Ok((prog, warnings))
            }
            Err(diagnostics) => Err(CompileError { sources, diagnostics }),
        }
    }
}

/// The front-end proper, on the current thread: each unit in turn, its
/// functions and globals numbered after the previous ones'. A phase that
/// hits a limit or [`MAX_DIAGNOSTICS`](crate::diag::MAX_DIAGNOSTICS) is
/// the last.
fn compile_here(units: &[ExecUnit], loader: preprocess::Loader) -> Compiled {
    let mut sources = SourceMap::default();
    let mut diags = Diagnostics::default();
    let files = |sources: &SourceMap| sources.files().iter().map(|f| (f.name.clone(), f.text.to_string())).collect();
    let mut lowered = None;
    for u in units {
        match compile_unit(&u.path, &u.text, loader, &mut sources, &mut diags, lowered) {
            Some(l) if !diags.has_errors() => lowered = Some(l),
            _ => return Compiled { files: files(&sources), result: Err(diags.list) },
        }
    }
    let result = lowered.ok_or(Vec::new());
    Compiled { files: files(&sources), result }
}

/// One program through the phases, after the programs lowered `before`.
fn compile_unit(
    name: &str,
    text: &str,
    loader: preprocess::Loader,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
    before: Option<lower::Lowered>,
) -> Option<lower::Lowered> {
    if text.len() as u64 > limits::MAX_INPUT_BYTES {
        // Only the start of the file is kept, to show where it is.
        let end = text.find('\n').unwrap_or(text.len()).min(120);
        let end = (0..=end).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let file = sources.add(name, &text[..end]);
        let d = Diagnostic::error(
            Code::Limit,
            crate::source::Span { file, lo: 0, hi: 0 },
            format!("`{name}` is larger than {} MiB (ipcsim's limit for a source file)", limits::MAX_INPUT_BYTES >> 20),
        );
        diags.push(d);
        return None;
    }
    let (mut toks, halted, file) = {
        let mut pp = preprocess::Preprocessor::new(sources, diags, loader);
        let mut toks = pp.run_file("<built-in>", headers::PRELUDE);
        if text.contains("getopt") {
            toks.extend(pp.run_file("<built-in getopt>", headers::GETOPT));
        }
        if ["getenv", "setenv", "putenv", "clearenv"].iter().any(|f| text.contains(f)) {
            toks.extend(pp.run_file("<built-in env>", headers::ENV));
        }
        if headers::CALENDAR_NAMES.iter().any(|f| text.contains(f)) {
            toks.extend(pp.run_file("<built-in calendar>", headers::CALENDAR));
        }
        if headers::UIO_NAMES.iter().any(|f| text.contains(f)) {
            toks.extend(pp.run_file("<built-in uio>", headers::UIO));
        }
        if headers::SIGEVENT_NAMES.iter().any(|f| text.contains(f)) {
            toks.extend(pp.run_file("<built-in sigevent>", headers::SIGEVENT));
        }
        if text.contains("freopen") {
            toks.extend(pp.run_file("<built-in freopen>", headers::FREOPEN));
        }
        if ["uname", "hostname", "rlimit", "RLIMIT"].iter().any(|f| text.contains(f)) {
            toks.extend(pp.run_file("<built-in system>", headers::SYSTEM));
        }
        let file = pp.next_file_id();
        toks.extend(pp.run_file(name, text));
        (toks, pp.halted, file)
    };
    if halted || diags.is_full() {
        return None;
    }
    let eof = token::Token {
        kind: token::TokKind::Eof,
        span: crate::source::Span { file, lo: text.len() as u32, hi: text.len() as u32 },
        text: "".into(),
        line_start: true,
        space_before: false,
        hide: std::rc::Rc::from(Vec::new()),
    };
    toks.push(eof);
    let builtin: Vec<u32> = sources.files().iter().enumerate().filter(|(_, f)| f.name.starts_with('<')).map(|(i, _)| i as u32).collect();
    let unit = parse::parse(toks, diags);
    if diags.is_full() {
        return None;
    }
    lower::lower(&unit, builtin, diags, before)
}
