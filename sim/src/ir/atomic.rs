//! The atomic operations of C: gcc's `__atomic_*` and `__sync_*`
//! builtins and `<stdatomic.h>`, which the prelude maps onto them. One
//! [`Op::Atomic`](super::Op::Atomic) per operation, with its width and
//! memory order; each memory model gives it its meaning (under x86-TSO a
//! load is a plain load, a store other than `seq_cst` a buffered store,
//! everything else a locked instruction that drains the store buffer).

use super::MemTy;

/// A C11 memory order (`__ATOMIC_RELAXED` = 0 ... `__ATOMIC_SEQ_CST` = 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Order {
    /// `memory_order_relaxed`.
    Relaxed,
    /// `memory_order_consume` (treated as acquire, as gcc does).
    Consume,
    /// `memory_order_acquire`.
    Acquire,
    /// `memory_order_release`.
    Release,
    /// `memory_order_acq_rel`.
    AcqRel,
    /// `memory_order_seq_cst`.
    SeqCst,
}

impl Order {
    /// The order of gcc's constant `__ATOMIC_*` value; an unknown one is
    /// `seq_cst`, as gcc takes it.
    pub fn from_value(v: i64) -> Order {
        match v {
            0 => Order::Relaxed,
            1 => Order::Consume,
            2 => Order::Acquire,
            3 => Order::Release,
            4 => Order::AcqRel,
            _ => Order::SeqCst,
        }
    }

    /// Its C name.
    pub fn name(self) -> &'static str {
        match self {
            Order::Relaxed => "relaxed",
            Order::Consume => "consume",
            Order::Acquire => "acquire",
            Order::Release => "release",
            Order::AcqRel => "acq_rel",
            Order::SeqCst => "seq_cst",
        }
    }
}

/// What an atomic operation does. Operands on the stack, address first:
/// `Load` takes the address; `Store`, `Swap` and the arithmetic ones a
/// value; the compare-exchanges an expected and a desired value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AtomicOp {
    /// Reads the value.
    Load,
    /// Writes the value (no result).
    Store,
    /// Writes the value; the result is the old one.
    Swap,
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `&`.
    And,
    /// `|`.
    Or,
    /// `^`.
    Xor,
    /// `~(old & v)`.
    Nand,
    /// Writes the desired value if the old one is the expected; the
    /// result is the old value (`__sync_val_compare_and_swap`).
    CasValue,
    /// The same; the result is whether it wrote
    /// (`__sync_bool_compare_and_swap`).
    CasBool,
    /// The same with the expected value behind a pointer, which gets the
    /// old value when the exchange fails; the result is whether it wrote
    /// (`__atomic_compare_exchange_n`, `atomic_compare_exchange_strong`).
    CasPtr,
}

impl AtomicOp {
    /// Operands on the stack, the address included.
    pub fn operands(self) -> usize {
        match self {
            AtomicOp::Load => 1,
            AtomicOp::CasValue | AtomicOp::CasBool | AtomicOp::CasPtr => 3,
            _ => 2,
        }
    }

    /// Whether it writes (a read-modify-write or a store).
    pub fn writes(self) -> bool {
        self != AtomicOp::Load
    }

    /// The new value a read-modify-write computes from the old one
    /// (`None` for the compare-exchanges, which decide elsewhere).
    pub fn apply(self, old: u64, v: u64) -> Option<u64> {
        Some(match self {
            AtomicOp::Store | AtomicOp::Swap => v,
            AtomicOp::Add => old.wrapping_add(v),
            AtomicOp::Sub => old.wrapping_sub(v),
            AtomicOp::And => old & v,
            AtomicOp::Or => old | v,
            AtomicOp::Xor => old ^ v,
            AtomicOp::Nand => !(old & v),
            AtomicOp::Load | AtomicOp::CasValue | AtomicOp::CasBool | AtomicOp::CasPtr => return None,
        })
    }

    /// Its name in traces.
    pub fn name(self) -> &'static str {
        match self {
            AtomicOp::Load => "load",
            AtomicOp::Store => "store",
            AtomicOp::Swap => "exchange",
            AtomicOp::Add => "fetch_add",
            AtomicOp::Sub => "fetch_sub",
            AtomicOp::And => "fetch_and",
            AtomicOp::Or => "fetch_or",
            AtomicOp::Xor => "fetch_xor",
            AtomicOp::Nand => "fetch_nand",
            AtomicOp::CasValue | AtomicOp::CasBool | AtomicOp::CasPtr => "compare_exchange",
        }
    }
}

/// One atomic operation on a scalar of type `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Atomic {
    /// What it does.
    pub op: AtomicOp,
    /// Width and signedness of the object.
    pub ty: MemTy,
    /// Its memory order (of success, for a compare-exchange).
    pub order: Order,
    /// The result is the new value, not the old (`__atomic_add_fetch`,
    /// `__sync_add_and_fetch`).
    pub new: bool,
}

impl Atomic {
    /// Whether the memory models must perform it as a locked
    /// instruction (x86: `lock`-prefixed or `xchg`), which drains the
    /// store buffer: everything but a load and a store weaker than
    /// `seq_cst`.
    pub fn locked(&self) -> bool {
        match self.op {
            AtomicOp::Load => false,
            AtomicOp::Store => self.order == Order::SeqCst,
            _ => true,
        }
    }
}
