//! The compiled program: immutable, shared by every run (and every
//! process of a run). A stack machine over 64-bit values: every value is
//! kept normalised for its C type (sign- or zero-extended from its width),
//! so conversions are a single [`Op::Norm`].

pub mod arith;
pub mod atomic;
pub mod bignum;
pub mod f80;
pub mod fingerprint;
pub mod float;
pub mod fuse;
mod libfn;
pub mod strtod;

use crate::source::{SourceMap, Span};
pub use libfn::{is_syscall, LibFn};

/// Index of a function in [`Program::functions`].
pub type FuncId = u32;

/// Width and signedness of a memory access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemTy {
    /// `signed char`, `char`.
    I8,
    /// `unsigned char`, `_Bool`.
    U8,
    /// `short`.
    I16,
    /// `unsigned short`.
    U16,
    /// `int`.
    I32,
    /// `unsigned int`.
    U32,
    /// 64-bit integers and pointers.
    I64,
    /// `float`: its bits, zero-extended (traces show the value).
    F32,
    /// `double`: its bits.
    F64,
}

impl MemTy {
    /// Width in bytes.
    pub fn width(self) -> u32 {
        match self {
            MemTy::I8 | MemTy::U8 => 1,
            MemTy::I16 | MemTy::U16 => 2,
            MemTy::I32 | MemTy::U32 | MemTy::F32 => 4,
            MemTy::I64 | MemTy::F64 => 8,
        }
    }

    /// Normalises a raw value to this type (sign- or zero-extension).
    #[inline]
    pub fn norm(self, v: u64) -> u64 {
        match self {
            MemTy::I8 => v as i8 as i64 as u64,
            MemTy::U8 => v as u8 as u64,
            MemTy::I16 => v as i16 as i64 as u64,
            MemTy::U16 => v as u16 as u64,
            MemTy::I32 => v as i32 as i64 as u64,
            MemTy::U32 | MemTy::F32 => v as u32 as u64,
            MemTy::I64 | MemTy::F64 => v,
        }
    }
}

/// The type arithmetic is done in after C's usual conversions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArithTy {
    /// `int`.
    I32,
    /// `unsigned int`.
    U32,
    /// `long`.
    I64,
    /// `unsigned long` and pointers.
    U64,
}

impl ArithTy {
    /// The memory type a local of this type is loaded as.
    pub fn mem(self) -> MemTy {
        match self {
            ArithTy::I32 => MemTy::I32,
            ArithTy::U32 => MemTy::U32,
            ArithTy::I64 | ArithTy::U64 => MemTy::I64,
        }
    }

    /// True for the signed ones.
    pub fn signed(self) -> bool {
        matches!(self, ArithTy::I32 | ArithTy::I64)
    }

    /// Normalises a 64-bit result to this type.
    #[inline]
    pub fn norm(self, v: u64) -> u64 {
        match self {
            ArithTy::I32 => v as i32 as i64 as u64,
            ArithTy::U32 => v as u32 as u64,
            _ => v,
        }
    }
}

/// A floating type. A value of one is held on the stack as its IEEE
/// bits (a `float`'s zero-extended), so memory, frames and copies treat
/// it as an integer of its width; only these types' operations differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FloatTy {
    /// `float` (binary32).
    F32,
    /// `double` (binary64).
    F64,
}

impl FloatTy {
    /// The other floating type (the source of a conversion to this one).
    pub fn other(self) -> FloatTy {
        match self {
            FloatTy::F32 => FloatTy::F64,
            FloatTy::F64 => FloatTy::F32,
        }
    }
}

/// Unary `long double` operations ([`Op::LdUn`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LdUnOp {
    /// `-x`.
    Neg,
    /// `fabsl(x)`.
    Abs,
    /// `sqrtl(x)`.
    Sqrt,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/` (division by zero is a SIGFPE fault).
    Div,
    /// `%`.
    Rem,
    /// `<<` (count masked as x86 does).
    Shl,
    /// `>>` (arithmetic for signed).
    Shr,
    /// `&`.
    And,
    /// `|`.
    Or,
    /// `^`.
    Xor,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

impl BinOp {
    /// True for the comparisons, whose result is an `int` 0 or 1.
    pub fn compares(self) -> bool {
        matches!(self, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
    }
}

/// One instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// Push a constant.
    Const(u64),
    /// Push the address of a frame slot.
    Frame(u32),
    /// Push a frame slot's value (locals: always private memory).
    LoadFrame(u32, MemTy),
    /// Pop a value into a frame slot.
    StoreFrame(u32, MemTy),
    /// Pop an address, push the value there (a visible operation when
    /// the address is in shared memory).
    Load(MemTy),
    /// Pop a value and an address, store.
    Store(MemTy),
    /// Like `Store`, then push the stored (normalised) value.
    StoreKeep(MemTy),
    /// Pop source and destination addresses, copy n bytes, push the
    /// destination (struct assignment and by-value copies).
    Copy(u32),
    /// Zero n bytes of the frame at an offset.
    ZeroFrame(u32, u32),
    /// Drop the top value.
    Pop,
    /// Duplicate the top value.
    Dup,
    /// `a b -> b a b`.
    DupX1,
    /// Pop b, pop a, push `a op b`.
    Bin(BinOp, ArithTy),
    /// Arithmetic negation.
    Neg(ArithTy),
    /// Bitwise complement.
    BitNot(ArithTy),
    /// Pop b, pop a, push `a op b` in a floating type (arithmetic, or a
    /// comparison giving an `int`).
    FBin(BinOp, FloatTy),
    /// Floating negation (flips the sign, also of zero and NaN).
    FNeg(FloatTy),
    /// An integer of the arithmetic type to the floating type.
    IntToFloat(ArithTy, FloatTy),
    /// A floating value to the integer type, truncating, as x86's
    /// `cvttsd2si` does (out of range: the "integer indefinite").
    FloatToInt(FloatTy, ArithTy),
    /// A floating value to the other floating type (rounding to nearest).
    FloatToFloat(FloatTy),
    /// `long double` ([`f80`]): a value of it is the address of its 16
    /// bytes (a frame temporary, a variable, a constant in read-only
    /// memory), as a struct's is. Pops b, pops a (addresses); arithmetic
    /// writes `a op b` into the frame slot and pushes its address, a
    /// comparison pushes an `int`.
    LdBin(BinOp, u32),
    /// A unary `long double` operation: pops an address, writes the
    /// result into the frame slot, pushes its address.
    LdUn(LdUnOp, u32),
    /// An integer of the arithmetic type to `long double` (exact), into
    /// the frame slot; pushes its address.
    IntToLd(ArithTy, u32),
    /// A `float` or `double` to `long double` (exact), into the frame
    /// slot; pushes its address.
    FloatToLd(FloatTy, u32),
    /// Pops a `long double`'s address, pushes it converted to the
    /// integer type (truncating, as gcc's `fistp` code does).
    LdToInt(ArithTy),
    /// Pops a `long double`'s address, pushes it rounded to the floating
    /// type.
    LdToFloat(FloatTy),
    /// Logical not (`!`): 1 if zero.
    Not,
    /// Convert to a narrower or differently signed type.
    Norm(MemTy),
    /// `_Bool` conversion: 1 if non-zero.
    ToBool,
    /// Unconditional jump.
    Jump(u32),
    /// Pop; jump if zero.
    JumpIfZero(u32),
    /// Pop; jump if non-zero.
    JumpIfNonZero(u32),
    /// Pop the value and jump through a switch table.
    Switch(u32),
    /// Call a user function (arguments on the stack, last on top).
    Call(FuncId),
    /// Call through a function pointer (on top, above n arguments).
    CallPtr(u8),
    /// A variable-length array: pops its size in bytes, pushes the
    /// address of that many bytes taken on the stack above the frame.
    Alloca,
    /// Saves the stack's top in a frame slot (before a block's first
    /// variable-length array).
    SaveSp(u32),
    /// Gives the stack back to the top saved in a frame slot (at the
    /// block's end, or a `break` or `continue` out of it).
    RestoreSp(u32),
    /// Call a library routine with n arguments.
    Lib(LibFn, u8),
    /// An atomic operation on the object at the address under its
    /// operands ([`atomic::AtomicOp::operands`]); pushes its result
    /// (none for a store).
    Atomic(atomic::Atomic),
    /// A fence of this order (`__atomic_thread_fence`,
    /// `__sync_synchronize`).
    Fence(atomic::Order),
    /// Return the top value.
    Ret,
    /// Reached the end of a non-void function other than `main`.
    FellOffEnd,
    // Superinstructions ([`fuse`]): each does what the ops it replaces
    // did, in one dispatch.
    /// `Const(k) Bin(op, ty)`.
    BinK(BinOp, ArithTy, u64),
    /// `LoadFrame(slot, I64) Const(off) Bin(Add, U64)`: the address of a
    /// field through a pointer held in a local.
    FieldAddr {
        /// Frame slot of the pointer.
        slot: u32,
        /// Offset added.
        off: u32,
    },
    /// [`Op::FieldAddr`] then `Load(ty)`.
    LoadField {
        /// Frame slot of the pointer.
        slot: u32,
        /// Offset added.
        off: u32,
        /// What is loaded.
        ty: MemTy,
    },
    /// `Bin(op, ty)` (a comparison) then `JumpIfNonZero(target)` if
    /// `when`, else `JumpIfZero(target)`.
    CmpJump {
        /// The comparison.
        op: BinOp,
        /// Its type.
        ty: ArithTy,
        /// Where to jump.
        target: u32,
        /// Jump when the comparison holds (else when it fails).
        when: bool,
    },
    /// `LoadFrame(slot, m) BinK(op, ty, k) StoreFrame(slot, m)`: a local
    /// updated in place (`i++`, `n -= 2`); never a division.
    FrameOpK {
        /// Frame slot.
        slot: u32,
        /// The operation.
        op: BinOp,
        /// Its type.
        ty: ArithTy,
        /// The local's type.
        m: MemTy,
        /// The constant.
        k: u64,
    },
    /// `LoadFrame(slot, m) CmpJumpK`, where `m` is `ty`'s own width and
    /// the constant fits 32 bits (a loop's `i < 10`).
    LocalCmpJumpK {
        /// Frame slot.
        slot: u32,
        /// The comparison.
        op: BinOp,
        /// Its type (and the local's).
        ty: ArithTy,
        /// The constant, sign-extended and then taken in `ty`.
        k: i32,
        /// Where to jump.
        target: u32,
        /// Jump when the comparison holds (else when it fails).
        when: bool,
    },
    /// `LoadFrame(a, m) LoadFrame(b, m) CmpJump`, where `m` is `ty`'s
    /// own width (a loop's `i < n`).
    LocalsCmpJump {
        /// First slot.
        a: u32,
        /// Second slot.
        b: u32,
        /// The comparison.
        op: BinOp,
        /// Its type (and the locals').
        ty: ArithTy,
        /// Where to jump.
        target: u32,
        /// Jump when the comparison holds (else when it fails).
        when: bool,
    },
    /// `LoadFrame(slot, m) BinK(op, ty, k)`: a local with a constant
    /// (`n % 2`, `i * 4`).
    LocalOpK {
        /// Frame slot.
        slot: u32,
        /// The local's type.
        m: MemTy,
        /// The operation.
        op: BinOp,
        /// Its type.
        ty: ArithTy,
        /// The constant.
        k: u64,
    },
    /// `LoadFrame(a, ma) LoadFrame(b, mb) Bin(op, ty)`: two locals
    /// (`a + b`, `n * m`).
    LocalsOp {
        /// First slot.
        a: u32,
        /// Its type.
        ma: MemTy,
        /// Second slot.
        b: u32,
        /// Its type.
        mb: MemTy,
        /// The operation.
        op: BinOp,
        /// Its type.
        ty: ArithTy,
    },
    /// The address of an element of an array whose address is a constant
    /// (a global), indexed by a local: `Const(base) LoadFrame(slot, m)
    /// [BinK(Mul, U64, scale)] Bin(Add, U64)`, then `Load(ty)` if `load`.
    ElemK {
        /// The array's address.
        base: u64,
        /// Frame slot of the index.
        slot: u32,
        /// The index's type.
        m: MemTy,
        /// Bytes per element (1 when the lowering did not multiply).
        scale: u8,
        /// What is loaded, if the element is read.
        load: Option<MemTy>,
    },
    /// [`Op::ElemK`] for an array in the frame: `Frame(base) LoadFrame
    /// ...`.
    ElemF {
        /// The array's offset in the frame.
        base: u64,
        /// Frame slot of the index.
        slot: u32,
        /// The index's type.
        m: MemTy,
        /// Bytes per element (1 when the lowering did not multiply).
        scale: u8,
        /// What is loaded, if the element is read.
        load: Option<MemTy>,
    },
    /// `LoadFrame(a, ma) LoadFrame(b, mb)`.
    LoadFrame2 {
        /// First slot.
        a: u32,
        /// Its type.
        ma: MemTy,
        /// Second slot (pushed last).
        b: u32,
        /// Its type.
        mb: MemTy,
    },
    /// `Const(k)` then [`Op::CmpJump`].
    CmpJumpK {
        /// The comparison.
        op: BinOp,
        /// Its type.
        ty: ArithTy,
        /// The constant compared with.
        k: u64,
        /// Where to jump.
        target: u32,
        /// Jump when the comparison holds (else when it fails).
        when: bool,
    },
}

// Dispatch reads ops from a dense array: two words each.
const _: () = assert!(std::mem::size_of::<Op>() == 16);

/// How a parameter is passed into its frame slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamSlot {
    /// A scalar stored at the offset.
    Scalar(u32, MemTy),
    /// A struct copied from the address passed (a caller's temporary).
    Struct(u32, u32),
}

/// A `switch` dispatch table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SwitchTable {
    /// Case values (normalised) and their targets, sorted by value.
    pub cases: Vec<(u64, u32)>,
    /// Target of `default` (or the end of the switch).
    pub default: u32,
}

/// A local object whose bounds the interpreter checks (an array, struct or
/// union): the frame has a redzone on each side of it, poisoned while the
/// frame lives, so an access that strays past either end is a fault that
/// names the object, as AddressSanitizer reports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LocalObject {
    /// Its name in the source.
    pub name: String,
    /// What it is, for messages: "array", "struct" or "union".
    pub what: &'static str,
    /// Offset in the frame.
    pub off: u32,
    /// Size in bytes.
    pub size: u32,
}

/// A compiled function.
#[derive(Debug, Clone, Default)]
pub struct Function {
    /// Its name.
    pub name: String,
    /// Code.
    pub ops: Vec<Op>,
    /// Source span of each op (for traces and faults).
    pub spans: Vec<Span>,
    /// Bytes of locals and temporaries (16-byte multiple).
    pub frame_size: u32,
    /// Parameter slots in order.
    pub params: Vec<ParamSlot>,
    /// Switch tables referenced by `Op::Switch`.
    pub switches: Vec<SwitchTable>,
    /// Bounds-checked locals, by increasing offset.
    pub objects: Vec<LocalObject>,
    /// The redzones around `objects`: frame ranges (offset, length),
    /// disjoint and increasing, poisoned from entry to return.
    pub redzones: Vec<(u32, u32)>,
    /// Where it was defined.
    pub span: Span,
}

/// A global object's initial image: one memory region.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GlobalImage {
    /// Name for messages (`counter`, `main.calls` for a static local,
    /// `string literals`).
    pub name: String,
    /// Initial bytes.
    pub bytes: Vec<u8>,
    /// Writable (string literals are not).
    pub writable: bool,
}

/// Region numbers fixed by the compiler (an address is `region << 32 |
/// offset`; region 0 is the null page).
pub mod region {
    /// Every process's stack.
    pub const STACK: u32 = 1;
    /// The `FILE` objects `stdin`, `stdout`, `stderr` point into.
    pub const STDIO: u32 = 2;
    /// First global image ([`super::Program::globals`] index 0).
    pub const FIRST_GLOBAL: u32 = 3;
    /// Function addresses: function `id` is at `CODE << 32 | id * 16`.
    /// No region is ever allocated there, so any load or store through
    /// a function pointer faults, and no object pointer equals one; the
    /// top bit is clear, so an address is a positive 64-bit value (a
    /// system call returning the old handler is not taken for `-errno`).
    pub const CODE: u32 = 0x0C0D_E000;

    /// The address of function `id` (a function pointer's value).
    pub fn code_addr(id: super::FuncId) -> u64 {
        ((CODE as u64) << 32) | (id as u64 * 16)
    }

    /// The function at `addr`, if it is one's address.
    pub fn code_func(addr: u64) -> Option<super::FuncId> {
        let off = addr as u32;
        ((addr >> 32) as u32 == CODE && off.is_multiple_of(16)).then_some(off / 16)
    }
}

/// A whole compiled program.
#[derive(Debug)]
pub struct Program {
    /// All sources (for diagnostics and traces).
    pub sources: SourceMap,
    /// Functions; library functions are not here.
    pub functions: Vec<Function>,
    /// Global images, region `FIRST_GLOBAL + index`.
    pub globals: Vec<GlobalImage>,
    /// `main`.
    pub main: FuncId,
    /// Number of parameters `main` takes (0 to 3).
    pub main_params: u8,
    /// Region of `errno`.
    pub errno_region: u32,
    /// Name of the program file, for `argv[0]`.
    pub name: String,
    /// The programs a process may run: this one (index 0), then those
    /// `exec` may load (built-in utilities, `--exec` files), compiled
    /// together so that one address-space layout serves them all.
    pub images: Vec<Image>,
}

/// A program `exec` can load.
#[derive(Debug, Clone)]
pub struct Image {
    /// The name `exec` finds it by (`sort`, or the `NAME` of `--exec`).
    pub name: String,
    /// Its `main`.
    pub main: FuncId,
    /// Number of parameters its `main` takes.
    pub main_params: u8,
    /// Region of its `errno`.
    pub errno_region: u32,
    /// Region of its `environ`.
    pub environ_region: u32,
    /// One of ipcsim's built-in utilities (found only on the path).
    pub utility: bool,
}

impl Program {
    /// The function a pointer calls, if it is one of the program's with
    /// code (not null, not a library routine, not a wild address).
    pub fn callable(&self, addr: u64) -> Option<FuncId> {
        region::code_func(addr).filter(|&f| self.functions.get(f as usize).is_some_and(|f| !f.ops.is_empty()))
    }

    /// The image `exec` runs for `path` (`execlp`/`execvp` look a name
    /// without a slash up on the path: `search`): a `--exec` name or a
    /// built-in utility by its name, or under `/bin/` or `/usr/bin/`; the
    /// program itself by its own name.
    /// `argv0` is how the first process was started.
    pub fn image_for(&self, path: &str, search: bool, argv0: &str) -> Option<usize> {
        let base = path.rsplit('/').next().unwrap_or(path);
        let system = path.strip_suffix(base).is_some_and(|dir| dir == "/bin/" || dir == "/usr/bin/");
        // A path, or a bare name `execl` and `execv` take as relative to
        // the current directory (where the program is): `execlp("ls")`
        // searches the path even when the program is called ls.
        let relative = path.contains('/') || !search;
        let own = |n: &str| relative && (path == n || path.strip_prefix("./").unwrap_or(path) == n.strip_prefix("./").unwrap_or(n));
        if own(argv0) || own(&self.name) {
            return Some(0);
        }
        let found = |im: &Image| {
            let name = im.name.strip_prefix("./").unwrap_or(&im.name);
            let on_path = ((search && !path.contains('/')) || system) && base == name;
            // A utility lives on the path; a `--exec` file also where named.
            on_path || (!im.utility && own(name))
        };
        self.images.iter().skip(1).position(found).map(|k| k + 1)
    }

    /// The image `exec` runs for the path bytes it was given, or the
    /// errno it fails with (`ENOENT`: an empty path, or no such program).
    pub fn exec_image(&self, path: &[u8], search: bool, argv0: &str) -> Result<usize, i32> {
        if path.is_empty() {
            return Err(crate::abi::errno::ENOENT);
        }
        self.image_for(&String::from_utf8_lossy(path), search, argv0).ok_or(crate::abi::errno::ENOENT)
    }

    /// The span of an instruction.
    pub fn span_of(&self, func: FuncId, pc: u32) -> Span {
        let f = &self.functions[func as usize];
        f.spans.get(pc as usize).copied().unwrap_or(f.span)
    }
}
