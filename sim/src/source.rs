//! Source files and spans: every diagnostic and every trace line points
//! back into the program text through a [`Span`].

use std::sync::Arc;

/// Index of a file in a [`SourceMap`].
pub type FileId = u32;

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte.
    pub lo: u32,
    /// One past the last byte.
    pub hi: u32,
}

impl Span {
    /// A span covering both `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        if self.file != other.file {
            return self;
        }
        Span { file: self.file, lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
}

/// One file: its name as the user wrote it and its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceFile {
    /// The path as given (shown in diagnostics and `__FILE__`).
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
    line_starts: Vec<u32>,
}

/// A resolved position, 1-based as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in bytes).
    pub col: u32,
}

/// All files of one compilation: the program, its local headers, and the
/// built-in headers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: &str, text: &str) -> FileId {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
        self.files.push(SourceFile { name: name.to_string(), text: text.into(), line_starts });
        (self.files.len() - 1) as FileId
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    /// All files in id order.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Whether file `id` is ipcsim's, not the user's: a built-in header
    /// (`<prelude>`, `<math.h>`) or a built-in utility's source.
    pub fn is_library(&self, id: FileId) -> bool {
        self.files.get(id as usize).is_some_and(|f| f.name.starts_with('<') || f.name.starts_with("ipcsim-utils/"))
    }

    /// Line and column of a byte offset.
    pub fn line_col(&self, file: FileId, offset: u32) -> LineCol {
        let f = self.file(file);
        let line = f.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        LineCol { line: line as u32 + 1, col: offset - f.line_starts[line] + 1 }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, file: FileId, line: u32) -> &str {
        let f = self.file(file);
        let i = (line as usize).saturating_sub(1).min(f.line_starts.len() - 1);
        let start = f.line_starts[i] as usize;
        let end = f.text[start..].find('\n').map_or(f.text.len(), |e| start + e);
        &f.text[start..end]
    }

    /// `file:line:col` of a span's start.
    pub fn describe(&self, span: Span) -> String {
        if self.files.is_empty() {
            return "<unknown>".into();
        }
        let lc = self.line_col(span.file, span.lo);
        format!("{}:{}:{}", self.file(span.file).name, lc.line, lc.col)
    }
}
