//! The front-end's limits (issue 8: nothing a user types can crash
//! ipcsim). Each bounds a resource that hostile input could otherwise
//! exhaust: the native stack (nesting), memory and time (macro expansion,
//! input size, static storage). Past a limit the program is refused with
//! [`Code::Limit`](crate::diag::Code::Limit) naming it; README.md
//! ("Limits") lists them for users.
//!
//! The stack: every recursive phase (preprocessor, `#if`, parser,
//! lowering, type walks, dropping the tree) recurses at most a few frames
//! per nesting level, and the nesting is bounded here. The compilation
//! runs on its own thread with [`COMPILE_STACK`] bytes of stack, so the
//! bound holds whatever thread calls [`compile`](super::compile): test
//! threads have 2 MiB, `main` 8 MiB, and a debug build spends about
//! 4 KiB of parser stack per parenthesis.

/// Deepest nesting of anything the parser recurses on: parentheses,
/// operators, casts, `?:`, assignments, statements and blocks,
/// declarators, initializer braces, struct bodies. Also the deepest
/// expression tree (so `1+1+...+1` with more terms, which the parser
/// builds without recursion, is refused too), the deepest `#if`
/// expression, the deepest derived type (`int ***...`, `a[1][1]...`,
/// through typedefs too) and the deepest nesting of macro calls in macro
/// arguments. gcc accepts 10,000 parentheses; clang stops at 256
/// brackets; 1,000 is plenty for generated code.
pub const MAX_NESTING: u32 = 1024;

/// Stack of the thread the front-end runs on. Measured before the
/// limits: a debug build overflowed `main`'s 8 MiB at 2,000 nested
/// parentheses (over 4 KiB a level in the parser) and 4,000 unary
/// operators. The deepest walk is now [`MAX_NESTING`] statements around
/// an expression [`MAX_NESTING`] high, well within this. It is address
/// space, not memory: pages are touched only as used.
pub const COMPILE_STACK: usize = 256 << 20;

/// Most tokens macro expansion may handle in one compilation: body
/// tokens produced, argument tokens collected and copied, hide-set
/// entries built. A chain of `#define`s that each double the previous
/// one reaches 2^60 tokens in 60 lines; `I(I(I(...)))` moves what is
/// inside once per level. A real program's expansion is a few times its
/// own size.
pub const MAX_EXPANDED_TOKENS: usize = 1 << 21;

/// Most bytes of one source file (the program or a header it includes):
/// `/dev/zero` and huge files are refused before they are read whole.
pub const MAX_INPUT_BYTES: u64 = 8 << 20;

/// Most bytes of static storage (globals and `static` locals together).
/// gcc accepts any object up to `PTRDIFF_MAX` bytes, but ipcsim keeps
/// every global in memory from the start (and copies it with each
/// machine state), and addresses a region with 32-bit offsets.
pub const MAX_STATIC_BYTES: u64 = 256 << 20;

/// gcc's maximum object size on x86_64: `PTRDIFF_MAX`. A larger array is
/// "size of array exceeds maximum object size", a larger struct "type is
/// too large", exactly as gcc says.
pub const MAX_OBJECT_BYTES: u64 = i64::MAX as u64;

/// The text of a nesting diagnostic, one wording for every phase.
pub fn too_deep(what: &str) -> String {
    format!("{what} nested too deeply: more than {MAX_NESTING} levels (ipcsim's limit)")
}
