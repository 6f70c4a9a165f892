//! Lowering: the checked tree becomes IR. Type checking happens here,
//! as the code is generated, so each rule lives in one place: the
//! expression that needs it. Submodules split it by syntactic area.

mod atomic;
mod consteval;
mod decl;
mod expr;
mod init;
mod stmt;

use super::ast::{self, Unit};
use super::limits;
use super::types::{Common, TypeId, TypeKind, Types};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::ir::{region, Function, GlobalImage, LibFn, LocalObject, Op, SwitchTable};
use crate::source::{FileId, Span};
use std::collections::HashMap;
use std::rc::Rc;

/// What a name means in a scope.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sym {
    /// A local at a frame offset.
    Local { off: u32, ty: TypeId, is_const: bool },
    /// A global (or static local) region.
    Global { region: u32, ty: TypeId, is_const: bool },
    /// A function (index into `funcs`).
    Func(u32),
    /// An enumeration constant.
    Enum(i64),
    /// A typedef name.
    Typedef(TypeId, bool),
    /// A variable-length array: frame slots holding its address and its
    /// size in bytes, and its element type.
    Vla { ptr: u32, size: u32, elem: TypeId },
    /// An array whose rows vary in length (`T a[n][m]`, `m` not
    /// constant): slots holding its address, a row's size in bytes and
    /// (for a local, not a parameter) its whole size; its element type.
    /// `a[i]` is `a + i * row` as a `T *`.
    Rows { ptr: u32, row: u32, size: Option<u32>, elem: TypeId },
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Tag {
    Record(u32),
    Enum(TypeId),
}

/// A declared function.
#[derive(Debug)]
pub(crate) struct FuncInfo {
    pub name: Rc<str>,
    pub ty: TypeId,
    pub span: Span,
    /// Declared by a built-in header.
    pub builtin: bool,
    /// Implemented library routine, for builtins.
    pub lib: Option<LibFn>,
    /// The compiled body, once defined.
    pub code: Option<Function>,
    /// Whether any call refers to it (for undefined-function errors).
    pub called_at: Option<Span>,
}

/// A `break`/`continue` target being built.
pub(crate) enum Ctx {
    Loop { breaks: Vec<usize>, continues: Vec<usize> },
    Switch { breaks: Vec<usize>, table: usize, values: HashMap<u64, Span>, default: Option<Span>, ty: TypeId },
}

/// State of the function being lowered.
#[derive(Default)]
pub(crate) struct FnState {
    pub name: Rc<str>,
    pub code: Vec<Op>,
    pub spans: Vec<Span>,
    pub frame: u32,
    pub ret: Option<TypeId>,
    pub ctx: Vec<Ctx>,
    pub switches: Vec<SwitchTable>,
    pub span: Span,
    /// Frame slot of the hidden pointer a struct is returned through.
    pub struct_ret: Option<u32>,
    /// Bounds-checked locals ([`Function::objects`]).
    pub objects: Vec<LocalObject>,
    /// Their redzones ([`Function::redzones`]).
    pub redzones: Vec<(u32, u32)>,
    /// Open blocks, innermost last: how many `break`/`continue` targets
    /// were open when it began, and the slot holding the stack top saved
    /// before its first variable-length array.
    pub vla_blocks: Vec<(usize, Option<u32>)>,
    /// Labels defined so far: name, instruction, where.
    pub labels: Vec<(Rc<str>, u32, Span)>,
    /// `goto`s to patch once every label is known: label, jump, where.
    pub gotos: Vec<(Rc<str>, usize, Span)>,
}

/// Least bytes of redzone on each side of a bounds-checked local
/// (AddressSanitizer's): an index up to 32 bytes out is caught.
const REDZONE: u64 = 32;

/// The lowering pass.
pub(crate) struct Lower<'a> {
    pub t: Types,
    pub c: Common,
    pub diags: &'a mut Diagnostics,
    pub builtin_files: Vec<FileId>,
    pub scopes: Vec<HashMap<Rc<str>, Sym>>,
    pub tags: Vec<HashMap<Rc<str>, Tag>>,
    pub funcs: Vec<FuncInfo>,
    pub globals: Vec<GlobalImage>,
    pub global_types: Vec<TypeId>,
    pub strings: HashMap<Vec<u8>, u64>,
    pub rodata: u32,
    /// The read-only region of `long double` constants (0 until the
    /// first), apart from the string literals so that their bounds stay
    /// those of strings.
    pub ld_pool: u32,
    /// Each `long double` constant's address there, by its bytes.
    pub ld_consts: HashMap<[u8; 16], u64>,
    pub f: FnState,
    pub errno_region: u32,
    pub environ_region: u32,
    pub statics: u32,
    /// Bytes of static storage so far (see [`limits::MAX_STATIC_BYTES`]).
    pub static_bytes: u64,
    /// Warnings so far (see [`Lowered::warnings`]).
    pub warnings: Vec<Diagnostic>,
}

/// Where one program of a compilation starts, and the library globals
/// its start sets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// `main`.
    pub main: u32,
    /// How many parameters `main` takes (0 to 3: `envp` last).
    pub main_params: u8,
    /// The region of its `errno`.
    pub errno_region: u32,
    /// The region of its `environ`.
    pub environ_region: u32,
}

/// The result of lowering: everything `Program` needs but the sources.
/// Several programs (the one run, and those it may `exec`) lower into
/// one table of functions and one of globals, each with its entry.
pub(crate) struct Lowered {
    pub functions: Vec<Function>,
    pub globals: Vec<GlobalImage>,
    /// Per program, where it starts.
    pub entries: Vec<Entry>,
    /// Warnings about the program's own code (not the prelude's or a
    /// built-in utility's): it runs all the same.
    pub warnings: Vec<Diagnostic>,
}

/// Lowers a parsed unit; `builtin_files` are the prelude's files. The
/// functions and globals of `before` (programs lowered earlier) keep
/// their numbers and stay invisible to this one.
pub(crate) fn lower(unit: &Unit, builtin_files: Vec<FileId>, diags: &mut Diagnostics, before: Option<Lowered>) -> Option<Lowered> {
    let (t, c) = Types::new();
    let before = before.unwrap_or(Lowered { functions: Vec::new(), globals: Vec::new(), entries: Vec::new(), warnings: Vec::new() });
    let hidden =
        |f: Function| FuncInfo { name: "".into(), ty: c.void, span: f.span, builtin: false, lib: None, code: Some(f), called_at: None };
    let global_types = vec![c.void; before.globals.len()];
    let mut l = Lower {
        t,
        c,
        diags,
        builtin_files,
        scopes: vec![HashMap::new()],
        tags: vec![HashMap::new()],
        funcs: before.functions.into_iter().map(hidden).collect(),
        globals: before.globals,
        global_types,
        strings: HashMap::new(),
        rodata: 0,
        ld_pool: 0,
        ld_consts: HashMap::new(),
        f: FnState::default(),
        errno_region: 0,
        environ_region: 0,
        statics: 0,
        static_bytes: 0,
        warnings: before.warnings,
    };
    // Region FIRST_GLOBAL holds every string literal.
    l.rodata = l.new_global("string literals", Vec::new(), false, c.char_);
    for item in &unit.items {
        if l.diags.is_full() {
            break;
        }
        match item {
            ast::Item::Decl(d) => l.global_decl(d),
            ast::Item::Func(f) => l.func_def(f),
            ast::Item::StaticAssert(a) => l.static_assert(a),
        }
    }
    l.finish(before.entries)
}

impl Lower<'_> {
    pub fn error(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        self.diags.error(code, span, msg);
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// A warning (those about ipcsim's own sources are dropped when the
    /// sources are known, in `lang::compile_with`).
    pub fn warn(&mut self, d: Diagnostic) {
        if self.warnings.len() < 100 && !self.warnings.contains(&d) {
            self.warnings.push(d);
        }
    }

    pub fn is_builtin(&self, span: Span) -> bool {
        self.builtin_files.contains(&span.file)
    }

    pub fn lookup(&self, name: &str) -> Option<Sym> {
        self.scopes.iter().rev().find_map(|s| s.get(name).copied())
    }

    pub fn bind(&mut self, name: &Rc<str>, sym: Sym, span: Span) {
        let scope = self.scopes.last_mut().expect("global scope always open");
        if let Some(old) = scope.get(name) {
            let clash = match (old, &sym) {
                (Sym::Local { .. }, _) | (_, Sym::Local { .. }) | (Sym::Enum(_), _) => true,
                (Sym::Typedef(a, _), Sym::Typedef(b, _)) => a != b,
                _ => false,
            };
            if clash {
                self.error(Code::Redefinition, span, format!("`{name}` is already defined in this scope"));
                return;
            }
        }
        scope.insert(name.clone(), sym);
    }

    /// Creates a global region with its initial bytes; returns its number.
    pub fn new_global(&mut self, name: &str, bytes: Vec<u8>, writable: bool, ty: TypeId) -> u32 {
        self.globals.push(GlobalImage { name: name.to_string(), bytes, writable });
        self.global_types.push(ty);
        region::FIRST_GLOBAL + self.globals.len() as u32 - 1
    }

    pub fn global_mut(&mut self, region: u32) -> &mut GlobalImage {
        &mut self.globals[(region - region::FIRST_GLOBAL) as usize]
    }

    /// The zeroed image of a static object of `size` bytes, counted
    /// against [`limits::MAX_STATIC_BYTES`]. Past it the object is
    /// reported and gets no bytes (initializers check their bounds).
    pub fn static_image(&mut self, name: &str, size: u64, span: Span) -> Vec<u8> {
        let total = self.static_bytes.saturating_add(size);
        if total > limits::MAX_STATIC_BYTES {
            let d = Diagnostic::error(
                Code::Limit,
                span,
                format!("`{name}` needs {size} bytes: past ipcsim's static storage limit of {} MiB", limits::MAX_STATIC_BYTES >> 20),
            )
            .note("the limit is for all globals and `static` locals together; gcc would accept it, but ipcsim keeps them in memory")
            .note("allocate it with malloc, or make it smaller");
            self.push(d);
            return Vec::new();
        }
        self.static_bytes = total;
        vec![0; size as usize]
    }

    /// Address of a string literal (interned, NUL-terminated, read-only).
    pub fn string_addr(&mut self, bytes: &[u8]) -> u64 {
        if let Some(&a) = self.strings.get(bytes) {
            return a;
        }
        let rodata = self.rodata;
        let img = self.global_mut(rodata);
        let off = img.bytes.len() as u64;
        img.bytes.extend_from_slice(bytes);
        img.bytes.push(0);
        let addr = ((rodata as u64) << 32) | off;
        self.strings.insert(bytes.to_vec(), addr);
        addr
    }

    pub fn emit(&mut self, op: Op) -> usize {
        self.f.code.push(op);
        self.f.spans.push(self.f.span);
        self.f.code.len() - 1
    }

    pub fn here(&self) -> u32 {
        self.f.code.len() as u32
    }

    /// Points the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: u32) {
        self.f.code[at] = match self.f.code[at] {
            Op::Jump(_) => Op::Jump(target),
            Op::JumpIfZero(_) => Op::JumpIfZero(target),
            Op::JumpIfNonZero(_) => Op::JumpIfNonZero(target),
            other => other,
        };
    }

    /// Reserves frame space for an object of this type.
    pub fn alloc_slot(&mut self, ty: TypeId) -> u32 {
        let size = self.t.size(ty).unwrap_or(8).max(1);
        let align = self.t.align(ty).max(1);
        self.alloc_bytes(size, align)
    }

    /// Reserves frame space for a named local. An array, struct or union
    /// gets a redzone on each side (shared with a neighbour's) and an
    /// entry in the function's object table, so the interpreter can catch
    /// and name an access past either end; a scalar is a plain slot.
    pub fn alloc_local(&mut self, name: &str, ty: TypeId) -> u32 {
        let what = match self.t.kind(ty) {
            TypeKind::Array { .. } => "array",
            TypeKind::Record(r) if self.t.records[*r as usize].is_union => "union",
            TypeKind::Record(_) => "struct",
            _ => return self.alloc_slot(ty),
        };
        let size = self.t.size(ty).unwrap_or(0);
        let align = self.t.align(ty).max(1);
        let lo = self.f.frame as u64;
        let lead = match self.f.redzones.last() {
            Some(&(o, n)) if (o + n) as u64 == lo => 0,
            _ => REDZONE,
        };
        let off = (lo + lead).div_ceil(align) * align;
        let end = off + size;
        let hi = (end + REDZONE).div_ceil(16) * 16;
        if hi > u32::MAX as u64 / 2 {
            // Absurdly large: the frame cannot be entered anyway.
            return self.alloc_slot(ty);
        }
        self.poison_slot(lo as u32, off as u32);
        self.poison_slot(end as u32, hi as u32);
        self.f.objects.push(LocalObject { name: name.to_string(), what, off: off as u32, size: size as u32 });
        self.f.frame = hi as u32;
        off as u32
    }

    /// Adds frame bytes `[lo, hi)` to the redzones, merged with the last.
    fn poison_slot(&mut self, lo: u32, hi: u32) {
        match self.f.redzones.last_mut() {
            Some((o, n)) if *o + *n == lo => *n += hi - lo,
            _ if hi > lo => self.f.redzones.push((lo, hi - lo)),
            _ => {}
        }
    }

    pub fn alloc_bytes(&mut self, size: u64, align: u64) -> u32 {
        let off = (self.f.frame as u64).div_ceil(align) * align;
        self.f.frame = off.saturating_add(size).min(u32::MAX as u64 / 2) as u32;
        off as u32
    }

    fn finish(mut self, mut entries: Vec<Entry>) -> Option<Lowered> {
        let mut main = None;
        let mut main_params = 0;
        let mut undefined = Vec::new();
        for (i, f) in self.funcs.iter().enumerate() {
            if &*f.name == "main" && f.code.is_some() && main.is_none() {
                main = Some(i as u32);
                if let super::types::TypeKind::Func { params, .. } = self.t.kind(f.ty) {
                    main_params = params.len().min(3) as u8;
                }
            }
            if f.code.is_none() && !f.builtin {
                if let Some(at) = f.called_at {
                    undefined.push((f.name.clone(), at, f.span));
                }
            }
        }
        for (name, at, decl) in undefined {
            let d = Diagnostic::error(Code::Undeclared, at, format!("`{name}` is declared but never defined"))
                .secondary(decl, "declared here")
                .note("every function a program calls must have a body in the file (ipcsim links nothing else)");
            self.push(d);
        }
        if main.is_none() && !self.diags.has_errors() {
            let d = Diagnostic::error(Code::NoMain, Span::default(), "the program has no `main` function");
            self.push(d);
        }
        if self.diags.has_errors() {
            return None;
        }
        let functions = self.funcs.into_iter().map(|f| f.code.unwrap_or_default()).collect();
        entries.push(Entry { main: main?, main_params, errno_region: self.errno_region, environ_region: self.environ_region });
        Some(Lowered { functions, globals: self.globals, entries, warnings: self.warnings })
    }
}
