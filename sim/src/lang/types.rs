//! C types and their x86_64 LP64 layout (sizes, alignment, padding as gcc
//! lays them out). Types are interned: a [`TypeId`] compares by value.

use super::limits::MAX_OBJECT_BYTES;
use std::collections::HashMap;
use std::rc::Rc;

/// An interned type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// Index of a struct or union definition.
pub type RecordId = u32;

/// The shape of a type.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeKind {
    /// `void`.
    Void,
    /// `_Bool`.
    Bool,
    /// Integer of `size` bytes (1, 2, 4, 8).
    Int { size: u8, signed: bool },
    /// `float` (4 bytes) or `double` (8), IEEE binary32/binary64;
    /// `long double` (16: the x87 80-bit format and 6 bytes of padding).
    Float { size: u8 },
    /// Pointer; `is_const` qualifies the pointee.
    Ptr { to: TypeId, is_const: bool },
    /// Array, maybe of unknown length.
    Array { of: TypeId, len: Option<u64> },
    /// Function type.
    Func { ret: TypeId, params: Vec<TypeId>, variadic: bool },
    /// Struct or union.
    Record(RecordId),
    /// The type of an expression already reported as wrong: it converts
    /// to anything silently, so one mistake gives one diagnostic.
    Error,
}

/// A member of a struct or union.
#[derive(Debug, Clone)]
pub struct Field {
    /// Its name (anonymous members are flattened into their parent).
    pub name: Rc<str>,
    /// Its type.
    pub ty: TypeId,
    /// Byte offset.
    pub offset: u64,
    /// Declared `const`.
    pub is_const: bool,
}

/// A struct or union definition.
#[derive(Debug, Clone)]
pub struct Record {
    /// Tag, for messages.
    pub tag: Option<Rc<str>>,
    /// `union` rather than `struct`.
    pub is_union: bool,
    /// Members in order; `None` while incomplete.
    pub fields: Option<Vec<Field>>,
    /// Size in bytes (valid when complete).
    pub size: u64,
    /// Alignment (valid when complete).
    pub align: u64,
}

/// The type table of one program.
#[derive(Debug, Default)]
pub struct Types {
    kinds: Vec<TypeKind>,
    /// Per type: how many types deep it is built (see [`Types::depth`]).
    depths: Vec<u32>,
    index: HashMap<TypeKind, TypeId>,
    /// Per type: the type of its value, itself unless it is `_Atomic T`,
    /// whose entry is T (see [`Types::atomic`]).
    plain: Vec<TypeId>,
    /// `_Atomic T` by T.
    atomics: HashMap<TypeId, TypeId>,
    /// Struct and union definitions.
    pub records: Vec<Record>,
    /// Depth of each completed record (1 if absent).
    record_depths: HashMap<RecordId, u32>,
}

/// A struct or union larger than [`MAX_OBJECT_BYTES`] (gcc: "type is too
/// large"); it is left without members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

/// Frequently used types, interned up front.
#[derive(Debug, Clone, Copy)]
pub struct Common {
    /// `void`.
    pub void: TypeId,
    /// `_Bool`.
    pub bool_: TypeId,
    /// `char` (signed on x86_64).
    pub char_: TypeId,
    /// `int`.
    pub int: TypeId,
    /// `unsigned int`.
    pub uint: TypeId,
    /// `long`.
    pub long: TypeId,
    /// `unsigned long` (also `size_t`).
    pub ulong: TypeId,
    /// `float`.
    pub float: TypeId,
    /// `double`.
    pub double: TypeId,
    /// `long double`.
    pub ldouble: TypeId,
    /// `void *`.
    pub void_ptr: TypeId,
    /// `char *`.
    pub char_ptr: TypeId,
    /// The type of an erroneous expression.
    pub error: TypeId,
}

impl Types {
    /// A table with the common types.
    pub fn new() -> (Types, Common) {
        let mut t = Types::default();
        let void = t.intern(TypeKind::Void);
        let char_ = t.int(1, true);
        let c = Common {
            void,
            bool_: t.intern(TypeKind::Bool),
            char_,
            int: t.int(4, true),
            uint: t.int(4, false),
            long: t.int(8, true),
            ulong: t.int(8, false),
            float: t.intern(TypeKind::Float { size: 4 }),
            double: t.intern(TypeKind::Float { size: 8 }),
            ldouble: t.intern(TypeKind::Float { size: 16 }),
            void_ptr: t.ptr(void, false),
            char_ptr: t.ptr(char_, false),
            error: t.intern(TypeKind::Error),
        };
        (t, c)
    }

    /// Interns a kind.
    pub fn intern(&mut self, k: TypeKind) -> TypeId {
        if let Some(&id) = self.index.get(&k) {
            return id;
        }
        let id = TypeId(self.kinds.len() as u32);
        let depth = 1 + match &k {
            TypeKind::Ptr { to, .. } => self.depth(*to),
            TypeKind::Array { of, .. } => self.depth(*of),
            TypeKind::Func { ret, params, .. } => params.iter().map(|&p| self.depth(p)).fold(self.depth(*ret), u32::max),
            _ => 0,
        };
        self.depths.push(depth);
        self.kinds.push(k.clone());
        self.plain.push(id);
        self.index.insert(k, id);
        id
    }

    /// `_Atomic t`: a type of its own with t's kind, so it is laid out,
    /// converted and checked as t; only its accesses differ (each one
    /// `seq_cst` atomic operation, as gcc makes them), which is what the
    /// lowering asks [`Types::is_atomic`] for.
    pub fn atomic(&mut self, t: TypeId) -> TypeId {
        let t = self.unqual(t);
        if let Some(&a) = self.atomics.get(&t) {
            return a;
        }
        let id = TypeId(self.kinds.len() as u32);
        self.depths.push(self.depths[t.0 as usize]);
        self.kinds.push(self.kinds[t.0 as usize].clone());
        self.plain.push(t);
        self.atomics.insert(t, id);
        id
    }

    /// Whether `t` is `_Atomic`-qualified.
    pub fn is_atomic(&self, t: TypeId) -> bool {
        self.plain[t.0 as usize] != t
    }

    /// `t` without `_Atomic`: the type of its value (C11 6.3.2.1: an
    /// lvalue's conversion drops its qualifiers).
    pub fn unqual(&self, t: TypeId) -> TypeId {
        self.plain[t.0 as usize]
    }

    /// The kind of a type.
    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    /// How deep the type is built: 1 for a base type, one more per
    /// pointer, array or function level, and per struct nesting. Every
    /// recursive walk over types (`size`, `name`, initializers) goes at
    /// most this deep; the lowering keeps it within
    /// [`MAX_NESTING`](super::limits::MAX_NESTING), typedef chains included.
    pub fn depth(&self, t: TypeId) -> u32 {
        match self.kind(t) {
            TypeKind::Record(r) => self.record_depths.get(r).copied().unwrap_or(1),
            _ => self.depths[t.0 as usize],
        }
    }

    /// An integer type.
    pub fn int(&mut self, size: u8, signed: bool) -> TypeId {
        self.intern(TypeKind::Int { size, signed })
    }

    /// A pointer type.
    pub fn ptr(&mut self, to: TypeId, is_const: bool) -> TypeId {
        self.intern(TypeKind::Ptr { to, is_const })
    }

    /// An array type.
    pub fn array(&mut self, of: TypeId, len: Option<u64>) -> TypeId {
        self.intern(TypeKind::Array { of, len })
    }

    /// Size in bytes; `None` for incomplete types, `void` and functions.
    pub fn size(&self, t: TypeId) -> Option<u64> {
        match self.kind(t) {
            TypeKind::Void | TypeKind::Func { .. } => None,
            TypeKind::Error => Some(8),
            TypeKind::Bool => Some(1),
            TypeKind::Int { size, .. } | TypeKind::Float { size } => Some(*size as u64),
            TypeKind::Ptr { .. } => Some(8),
            // Saturating: the lowering refuses arrays past MAX_OBJECT_BYTES,
            // but asks for the size to find out.
            TypeKind::Array { of, len } => Some(self.size(*of)?.saturating_mul((*len)?)),
            TypeKind::Record(r) => {
                let r = &self.records[*r as usize];
                r.fields.as_ref().map(|_| r.size)
            }
        }
    }

    /// Alignment in bytes (1 for incomplete types).
    pub fn align(&self, t: TypeId) -> u64 {
        match self.kind(t) {
            TypeKind::Void | TypeKind::Func { .. } | TypeKind::Bool => 1,
            TypeKind::Error => 8,
            TypeKind::Int { size, .. } | TypeKind::Float { size } => *size as u64,
            TypeKind::Ptr { .. } => 8,
            TypeKind::Array { of, .. } => self.align(*of),
            TypeKind::Record(r) => self.records[*r as usize].align.max(1),
        }
    }

    /// True for integers, `_Bool` (enums are integers here).
    pub fn is_integer(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Int { .. } | TypeKind::Bool | TypeKind::Error)
    }

    /// True for pointers.
    pub fn is_ptr(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Ptr { .. })
    }

    /// True for `float`, `double` and `long double`.
    pub fn is_float(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Float { .. })
    }

    /// True for arithmetic types (integers and floating).
    pub fn is_arith(&self, t: TypeId) -> bool {
        self.is_integer(t) || self.is_float(t)
    }

    /// True for scalar types (arithmetic types and pointers).
    pub fn is_scalar(&self, t: TypeId) -> bool {
        self.is_arith(t) || self.is_ptr(t)
    }

    /// The pointee of a pointer.
    pub fn pointee(&self, t: TypeId) -> Option<(TypeId, bool)> {
        match self.kind(t) {
            TypeKind::Ptr { to, is_const } => Some((*to, *is_const)),
            _ => None,
        }
    }

    /// Looks a member up by name.
    pub fn field(&self, rec: RecordId, name: &str) -> Option<&Field> {
        self.records[rec as usize].fields.as_ref()?.iter().find(|f| &*f.name == name)
    }

    /// Lays out a struct or union from its members (gcc's rules: each
    /// member at the next multiple of its alignment, the whole padded to
    /// the largest alignment). Past [`MAX_OBJECT_BYTES`] the record is
    /// completed without members and [`TooLarge`] returned.
    pub fn complete_record(&mut self, rec: RecordId, members: Vec<(Rc<str>, TypeId, bool)>) -> Result<(), TooLarge> {
        let is_union = self.records[rec as usize].is_union;
        let mut fields = Vec::new();
        let (mut size, mut align, mut depth) = (0u64, 1u64, 1u32);
        for (name, ty, is_const) in members {
            let a = self.align(ty);
            let s = self.size(ty).unwrap_or(0);
            let offset = if is_union { 0 } else { size.div_ceil(a).saturating_mul(a) };
            size = if is_union { size.max(s) } else { offset.saturating_add(s) };
            align = align.max(a);
            depth = depth.max(self.depth(ty) + 1);
            if name.is_empty() {
                // Anonymous struct/union member: its fields join ours.
                if let TypeKind::Record(inner) = *self.kind(ty) {
                    for f in self.records[inner as usize].fields.clone().unwrap_or_default() {
                        fields.push(Field { offset: offset + f.offset, ..f });
                    }
                }
                continue;
            }
            fields.push(Field { name, ty, offset, is_const });
        }
        let size = size.div_ceil(align).saturating_mul(align);
        self.record_depths.insert(rec, depth);
        let r = &mut self.records[rec as usize];
        r.align = align;
        if size > MAX_OBJECT_BYTES {
            r.size = 0;
            r.fields = Some(Vec::new());
            return Err(TooLarge);
        }
        r.size = size;
        r.fields = Some(fields);
        Ok(())
    }

    /// The type as C writes it, for messages.
    pub fn name(&self, t: TypeId) -> String {
        if self.is_atomic(t) {
            return format!("_Atomic {}", self.name(self.unqual(t)));
        }
        match self.kind(t) {
            TypeKind::Void => "void".into(),
            TypeKind::Error => "<error>".into(),
            TypeKind::Bool => "_Bool".into(),
            TypeKind::Int { size, signed } => {
                let base = match size {
                    1 => "char",
                    2 => "short",
                    4 => "int",
                    _ => "long",
                };
                match (signed, size) {
                    (true, _) => base.into(),
                    (false, 4) => "unsigned int".into(),
                    (false, _) => format!("unsigned {base}"),
                }
            }
            TypeKind::Float { size: 4 } => "float".into(),
            TypeKind::Float { size: 16 } => "long double".into(),
            TypeKind::Float { .. } => "double".into(),
            TypeKind::Ptr { to, is_const } => {
                let c = if *is_const { "const " } else { "" };
                match self.kind(*to) {
                    TypeKind::Array { .. } | TypeKind::Func { .. } => {
                        format!("{}(*)", self.name(*to))
                    }
                    _ => format!("{c}{} *", self.name(*to)),
                }
            }
            TypeKind::Array { of, len } => match len {
                Some(n) => format!("{}[{n}]", self.name(*of)),
                None => format!("{}[]", self.name(*of)),
            },
            TypeKind::Func { ret, .. } => format!("{} (function)", self.name(*ret)),
            TypeKind::Record(r) => {
                let r = &self.records[*r as usize];
                let kw = if r.is_union { "union" } else { "struct" };
                match &r.tag {
                    Some(tag) => format!("{kw} {tag}"),
                    None => format!("{kw} (anonymous)"),
                }
            }
        }
    }
}
