//! The syntax tree, with a span on every node. It is what the parser
#![allow(dead_code)] // Spans kept on every node for diagnostics to come.
//! saw, not yet what it means: types are resolved by `lower`.

use crate::source::Span;
use std::rc::Rc;

/// A name with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The identifier.
    pub name: Rc<str>,
    /// Where.
    pub span: Span,
}

/// A whole program (prelude and user file).
#[derive(Debug, Default)]
pub struct Unit {
    /// Declarations and function definitions in order.
    pub items: Vec<Item>,
}

/// A top-level item.
#[derive(Debug)]
pub enum Item {
    /// `int x = 1, *p;`, `struct s {...};`, `typedef ...;`, prototypes.
    Decl(Decl),
    /// A function with its body.
    Func(FuncDef),
    /// `_Static_assert(cond, "message");` at file scope.
    StaticAssert(StaticAssert),
}

/// `_Static_assert(cond, "message");` (C11; the message may be left out,
/// as C23 allows): checked when the program is compiled.
#[derive(Debug)]
pub struct StaticAssert {
    /// The integer constant expression that must not be 0.
    pub cond: Expr,
    /// The message, if given.
    pub message: Option<Vec<u8>>,
    /// The whole declaration.
    pub span: Span,
}

/// Storage class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Storage {
    /// None written.
    #[default]
    None,
    /// `typedef`.
    Typedef,
    /// `extern`.
    Extern,
    /// `static`.
    Static,
}

/// Integer sizes as written (`short`, `long long`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntSize {
    /// `char`.
    Char,
    /// `short`.
    Short,
    /// `int`.
    Int,
    /// `long`.
    Long,
    /// `long long`.
    LongLong,
}

/// The base type named by the specifiers.
#[derive(Debug, Clone)]
pub enum TypeSpec {
    /// `void`.
    Void,
    /// `_Bool`.
    Bool,
    /// An integer type; `signed: None` is plain (only `char` differs).
    Int { size: IntSize, signed: Option<bool> },
    /// `float` (4 bytes) or `double` (8).
    Float { size: u8 },
    /// A typedef name.
    Named(Name),
    /// `struct`/`union`.
    Record(Rc<RecordSpec>),
    /// `enum`.
    Enum(Rc<EnumSpec>),
    /// `_Atomic(T)`.
    Atomic(Rc<TypeName>),
}

/// `struct tag { fields }` or a reference `struct tag`.
#[derive(Debug)]
pub struct RecordSpec {
    /// `union` rather than `struct`.
    pub is_union: bool,
    /// The tag, if any.
    pub tag: Option<Name>,
    /// The members, if this is a definition.
    pub fields: Option<Vec<Decl>>,
    /// Where.
    pub span: Span,
}

/// `enum tag { A = 1, B }`.
#[derive(Debug)]
pub struct EnumSpec {
    /// The tag, if any.
    pub tag: Option<Name>,
    /// Constants, if this is a definition.
    pub items: Option<Vec<(Name, Option<Expr>)>>,
    /// Where.
    pub span: Span,
}

/// Declaration specifiers.
#[derive(Debug, Clone)]
pub struct Specs {
    /// Storage class.
    pub storage: Storage,
    /// The type.
    pub ty: TypeSpec,
    /// `const` was written.
    pub is_const: bool,
    /// `_Atomic` was written as a qualifier.
    pub is_atomic: bool,
    /// Where.
    pub span: Span,
}

/// One step of a declarator, read from the name outwards.
#[derive(Debug, Clone)]
pub enum Derived {
    /// `*` (with `const` if written after it).
    Pointer { is_const: bool },
    /// `[n]` or `[]`.
    Array(Option<Rc<Expr>>),
    /// `(params)`.
    Function(Rc<Params>),
}

/// A function's parameter list.
#[derive(Debug)]
pub struct Params {
    /// Each parameter.
    pub list: Vec<Param>,
    /// Ends with `...`.
    pub variadic: bool,
    /// Written `()`: unspecified in C17, treated as `(void)` here.
    pub empty: bool,
    /// An old-style (K&R) identifier list, `f(a, b)`: each parameter is
    /// an `int` until the declarations before the body say otherwise.
    pub old_style: bool,
}

/// One parameter.
#[derive(Debug)]
pub struct Param {
    /// Its specifiers.
    pub specs: Specs,
    /// Its declarator (the name is optional in prototypes).
    pub decl: Declarator,
}

/// A declarator: a name (maybe none) and how the type is derived.
#[derive(Debug, Clone)]
pub struct Declarator {
    /// The declared name.
    pub name: Option<Name>,
    /// Derivations, innermost (next to the name) first.
    pub derived: Vec<Derived>,
    /// Where.
    pub span: Span,
}

/// A declaration: specifiers and declarators with initializers.
#[derive(Debug)]
pub struct Decl {
    /// Shared specifiers.
    pub specs: Specs,
    /// `x = 1`, `*p`, ...
    pub vars: Vec<(Declarator, Option<Init>)>,
    /// Where.
    pub span: Span,
}

/// A function definition.
#[derive(Debug)]
pub struct FuncDef {
    /// Return specifiers.
    pub specs: Specs,
    /// Name and parameters.
    pub decl: Declarator,
    /// The body.
    pub body: Vec<Stmt>,
    /// Where.
    pub span: Span,
}

/// An initializer.
#[derive(Debug, Clone)]
pub enum Init {
    /// `= expr`.
    Expr(Expr),
    /// `= { [designators =] init, ... }`.
    List(Vec<(Vec<Designator>, Init)>, Span),
}

impl Init {
    /// Height of the deepest expression in it, nesting included.
    pub fn height(&self) -> u32 {
        match self {
            Init::Expr(e) => e.height,
            Init::List(items, _) => 1 + items.iter().map(|(_, i)| i.height()).max().unwrap_or(0),
        }
    }
}

/// `.field` or `[index]` in a designated initializer.
#[derive(Debug, Clone)]
pub enum Designator {
    /// `.name`.
    Field(Name),
    /// `[expr]`.
    Index(Expr),
}

/// A type name, as in casts and `sizeof(T)`.
#[derive(Debug, Clone)]
pub struct TypeName {
    /// Specifiers.
    pub specs: Specs,
    /// Abstract declarator.
    pub decl: Declarator,
}

/// Statements.
#[derive(Debug)]
pub enum Stmt {
    /// `expr;` or `;`.
    Expr(Option<Expr>, Span),
    /// A local declaration.
    Decl(Decl),
    /// `{ ... }`.
    Block(Vec<Stmt>, Span),
    /// `if`.
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    /// `while`.
    While(Expr, Box<Stmt>),
    /// `do ... while`.
    DoWhile(Box<Stmt>, Expr),
    /// `for (init; cond; step) body`.
    For(Option<Box<Stmt>>, Option<Expr>, Option<Expr>, Box<Stmt>, Span),
    /// `switch`.
    Switch(Expr, Box<Stmt>, Span),
    /// `case v:`.
    Case(Expr, Box<Stmt>, Span),
    /// `default:`.
    Default(Box<Stmt>, Span),
    /// `break;`.
    Break(Span),
    /// `continue;`.
    Continue(Span),
    /// `return e;`.
    Return(Option<Expr>, Span),
    /// `_Static_assert(cond, "message");` in a block.
    StaticAssert(StaticAssert),
    /// `goto label;`.
    Goto(Rc<str>, Span),
    /// `label: statement`.
    Label(Rc<str>, Box<Stmt>, Span),
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unary {
    /// `-`.
    Neg,
    /// `+`.
    Plus,
    /// `!`.
    Not,
    /// `~`.
    BitNot,
    /// `*`.
    Deref,
    /// `&`.
    Addr,
    /// `++x`.
    PreInc,
    /// `--x`.
    PreDec,
    /// `x++`.
    PostInc,
    /// `x--`.
    PostDec,
}

/// Binary operators (assignment excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Rem,
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `<<`.
    Shl,
    /// `>>`.
    Shr,
    /// `<`.
    Lt,
    /// `>`.
    Gt,
    /// `<=`.
    Le,
    /// `>=`.
    Ge,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `&`.
    BitAnd,
    /// `^`.
    BitXor,
    /// `|`.
    BitOr,
    /// `&&`.
    And,
    /// `||`.
    Or,
    /// `,`.
    Comma,
}

/// An expression with its span.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where.
    pub span: Span,
    /// Height of the tree below (1 for a leaf), type names inside
    /// included: how deep any walk over it recurses, lowering and drop
    /// alike. The parser keeps it within `limits::MAX_NESTING`, also for
    /// chains like `1+1+...` that it builds without recursing.
    pub height: u32,
}

impl Expr {
    /// The height of a node of this kind over its children.
    pub fn height_of(kind: &ExprKind) -> u32 {
        let h = |e: &Expr| e.height;
        1 + match kind {
            ExprKind::Int { .. } | ExprKind::Float { .. } | ExprKind::Char(_) | ExprKind::Str(_) | ExprKind::Ident(_) | ExprKind::Error => {
                0
            }
            ExprKind::Unary(_, e) | ExprKind::Member(e, _, _) | ExprKind::SizeofExpr(e) => h(e),
            ExprKind::Binary(_, a, b) | ExprKind::Assign(_, a, b) | ExprKind::Index(a, b) => h(a).max(h(b)),
            ExprKind::Cond(c, a, b) => h(c).max(h(a)).max(h(b)),
            ExprKind::Call(f, args) => args.iter().map(h).fold(h(f), u32::max),
            ExprKind::Cast(t, e) | ExprKind::VaArg(e, t) => t.height().max(h(e)),
            ExprKind::CompoundLiteral(t, init) => t.height().max(init.height()),
            ExprKind::SizeofType(t) | ExprKind::AlignofType(t) => t.height(),
            ExprKind::Offsetof(t, path) => path.iter().map(Designator::height).fold(t.height(), u32::max),
        }
    }
}

impl Designator {
    /// Height of the index expression (0 for a field).
    pub fn height(&self) -> u32 {
        match self {
            Designator::Field(_) => 0,
            Designator::Index(e) => e.height,
        }
    }
}

impl TypeName {
    /// Height of the expressions and types inside (array sizes, struct
    /// bodies): a cast or `sizeof` walks them too. The structure itself
    /// is nested only as deep as the parser recursed.
    pub fn height(&self) -> u32 {
        self.specs.height().max(self.decl.height())
    }
}

impl Specs {
    /// Height of a struct or enum body written in the specifiers.
    pub fn height(&self) -> u32 {
        match &self.ty {
            TypeSpec::Record(r) => {
                let fields = r.fields.iter().flatten();
                1 + fields.map(|d| d.vars.iter().map(|(v, _)| v.height()).fold(d.specs.height(), u32::max)).max().unwrap_or(0)
            }
            TypeSpec::Enum(e) => 1 + e.items.iter().flatten().filter_map(|(_, v)| v.as_ref()).map(|v| v.height).max().unwrap_or(0),
            TypeSpec::Atomic(tn) => 1 + tn.height(),
            _ => 0,
        }
    }
}

impl Declarator {
    /// Height of the array sizes and parameter types in it.
    pub fn height(&self) -> u32 {
        1 + self
            .derived
            .iter()
            .map(|d| match d {
                Derived::Pointer { .. } | Derived::Array(None) => 0,
                Derived::Array(Some(e)) => e.height,
                Derived::Function(ps) => ps.list.iter().map(|p| p.specs.height().max(p.decl.height())).max().unwrap_or(0),
            })
            .max()
            .unwrap_or(0)
    }
}

/// Expression forms.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// Integer constant.
    Int { value: u64, unsigned: bool, long: bool, decimal: bool },
    /// Floating constant: its bits in its type (`float` when `single`);
    /// `long double` when `ext` holds its sign and exponent (`bits`: its
    /// significand).
    Float { bits: u64, single: bool, ext: Option<u16> },
    /// Character constant (type `int`).
    Char(i64),
    /// String literal (adjacent literals joined).
    Str(Rc<[u8]>),
    /// A name.
    Ident(Rc<str>),
    /// Unary operator.
    Unary(Unary, Box<Expr>),
    /// Binary operator.
    Binary(Binary, Box<Expr>, Box<Expr>),
    /// `a = b` or `a op= b`.
    Assign(Option<Binary>, Box<Expr>, Box<Expr>),
    /// `c ? a : b`.
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `f(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `a[i]`.
    Index(Box<Expr>, Box<Expr>),
    /// `s.m` or `p->m`.
    Member(Box<Expr>, Name, bool),
    /// `(T)e`.
    Cast(Box<TypeName>, Box<Expr>),
    /// `sizeof(T)`.
    SizeofType(Box<TypeName>),
    /// `(type){ initializers }`: an unnamed object of automatic storage
    /// (at file scope: refused).
    CompoundLiteral(Box<TypeName>, Box<Init>),
    /// `va_arg(ap, type)` (`__builtin_va_arg`): the next variable
    /// argument, read as `type`.
    VaArg(Box<Expr>, Box<TypeName>),
    /// `sizeof e`.
    SizeofExpr(Box<Expr>),
    /// `_Alignof(T)`.
    AlignofType(Box<TypeName>),
    /// `offsetof(T, a.b[2])`.
    Offsetof(Box<TypeName>, Vec<Designator>),
    /// Placeholder after a syntax error (already reported).
    Error,
}
