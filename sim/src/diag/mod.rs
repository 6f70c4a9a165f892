//! Diagnostics as data (STYLE.md): a [`Diagnostic`] is severity, a stable
//! code, a message, labelled spans and notes. Rendering lives in
//! [`render`], so the front-end and run reports share one type.

pub mod codes;
pub mod render;

use crate::source::Span;
pub use codes::Code;

/// How bad it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The program cannot run.
    Error,
    /// Suspicious but runnable.
    Warning,
    /// Extra information.
    Note,
}

/// A span with a message; the primary label is where the caret goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What to say there (may be empty).
    pub message: String,
    /// Primary (the culprit) or secondary (context).
    pub primary: bool,
}

/// One finding about the program.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// Stable code a rubric or the docs can refer to.
    pub code: Code,
    /// One sentence.
    pub message: String,
    /// Primary label first.
    pub labels: Vec<Label>,
    /// Extra sentences: what to use instead, why.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error with its primary span.
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            labels: vec![Label { span, message: String::new(), primary: true }],
            notes: Vec::new(),
        }
    }

    /// A warning with its primary span.
    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, span, message) }
    }

    /// Adds a note.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Adds a secondary label.
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label { span, message: message.into(), primary: false });
        self
    }

    /// The primary span.
    pub fn span(&self) -> Span {
        self.labels.iter().find(|l| l.primary).map(|l| l.span).unwrap_or_default()
    }
}

/// Most diagnostics one compilation reports (gcc's `-fmax-errors`): past
/// them, one [`Code::TooManyErrors`] closes the list and the front-end
/// stops at the end of the phase it is in. A binary file would otherwise
/// give one diagnostic per byte, and nobody reads the hundred-and-first.
pub const MAX_DIAGNOSTICS: usize = 100;

/// Diagnostics collected across a phase that never gives up.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    /// In the order found.
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records one; past [`MAX_DIAGNOSTICS`], records "too many errors"
    /// where the next one was found, then nothing more.
    pub fn push(&mut self, d: Diagnostic) {
        if self.is_full() {
            return;
        }
        if self.list.len() >= MAX_DIAGNOSTICS {
            let stop = Diagnostic::error(
                Code::TooManyErrors,
                d.span(),
                format!("too many errors: ipcsim stops after {MAX_DIAGNOSTICS} diagnostics (more were found here)"),
            )
            .note("fix these first; if the file is not C source (a binary?), check the file name");
            self.list.push(stop);
            return;
        }
        self.list.push(d);
    }

    /// True once the list is closed by "too many errors": every phase
    /// stops early, since nothing it finds can be reported. Derived from
    /// the list, so truncating it (a quiet trial) cannot leave it stale.
    pub fn is_full(&self) -> bool {
        self.list.last().is_some_and(|d| d.code == Code::TooManyErrors)
    }

    /// Records an error.
    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.push(Diagnostic::error(code, span, message));
    }

    /// True if any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }
}
