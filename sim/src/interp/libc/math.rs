//! `<math.h>`. Each routine is glibc's own, looked up by name in the
//! host's libm.so.6, so a simulated run computes the very bits a native
//! run computes. Declaring them `extern "C"` is not enough: Rust's
//! runtime carries its own `cbrt`, `fmin`, `fmax`, ... that the linker
//! prefers, and those differ from glibc's in the last place or in the
//! sign of a zero or a NaN. The routines are pure functions of their
//! arguments but for `errno` (EDOM, ERANGE), which the host's glibc
//! sets and the simulated process then gets.

use super::{LibResult, Outcome, Stop};
use crate::interp::fault::{Cause, Signal};
use crate::interp::{Process, Shared};
use crate::ir::{LibFn, MemTy, Program};
use std::collections::HashMap;
use std::ffi::{c_void, CString};
use std::sync::OnceLock;

#[allow(unsafe_code)]
mod dl {
    use std::ffi::{c_char, c_int, c_void};
    extern "C" {
        pub fn dlopen(file: *const c_char, mode: c_int) -> *mut c_void;
        pub fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void;
        pub fn __errno_location() -> *mut c_int;
    }
    /// `RTLD_NOW`.
    pub const NOW: c_int = 2;
}

/// The routines' addresses, by C name, loaded once per process.
struct Libm(HashMap<&'static str, usize>);

fn libm() -> Option<&'static Libm> {
    static LIBM: OnceLock<Option<Libm>> = OnceLock::new();
    LIBM.get_or_init(load).as_ref()
}

#[allow(unsafe_code)]
fn load() -> Option<Libm> {
    // SAFETY: dlopen and dlsym with valid NUL-terminated names; the
    // handle is never closed, so the addresses stay valid.
    unsafe {
        let handle = dl::dlopen(c"libm.so.6".as_ptr(), dl::NOW);
        if handle.is_null() {
            return None;
        }
        let mut table = HashMap::new();
        for name in NAMES {
            let c = CString::new(*name).ok()?;
            let f: *mut c_void = dl::dlsym(handle, c.as_ptr());
            if f.is_null() {
                return None;
            }
            table.insert(*name, f as usize);
        }
        Some(Libm(table))
    }
}

/// Every routine resolved (a `LibFn`'s name is its C name).
const NAMES: &[&str] = &[
    "sqrt",
    "sqrtf",
    "cbrt",
    "cbrtf",
    "fabs",
    "fabsf",
    "floor",
    "floorf",
    "ceil",
    "ceilf",
    "round",
    "roundf",
    "trunc",
    "truncf",
    "rint",
    "rintf",
    "nearbyint",
    "nearbyintf",
    "exp",
    "expf",
    "exp2",
    "exp2f",
    "expm1",
    "expm1f",
    "log",
    "logf",
    "log10",
    "log10f",
    "log2",
    "log2f",
    "log1p",
    "log1pf",
    "sin",
    "sinf",
    "cos",
    "cosf",
    "tan",
    "tanf",
    "asin",
    "asinf",
    "acos",
    "acosf",
    "atan",
    "atanf",
    "sinh",
    "sinhf",
    "cosh",
    "coshf",
    "tanh",
    "tanhf",
    "asinh",
    "asinhf",
    "acosh",
    "acoshf",
    "atanh",
    "atanhf",
    "erf",
    "erff",
    "erfc",
    "erfcf",
    "tgamma",
    "tgammaf",
    "lgamma",
    "lgammaf",
    "pow",
    "powf",
    "fmod",
    "fmodf",
    "atan2",
    "atan2f",
    "hypot",
    "hypotf",
    "fmin",
    "fminf",
    "fmax",
    "fmaxf",
    "fdim",
    "fdimf",
    "copysign",
    "copysignf",
    "remainder",
    "remainderf",
    "nextafter",
    "nextafterf",
    "ldexp",
    "ldexpf",
    "scalbn",
    "scalbnf",
    "frexp",
    "frexpf",
    "modf",
    "modff",
    "lround",
    "lroundf",
    "llround",
    "lrint",
    "lrintf",
    "llrint",
    "ilogb",
];

/// A `double` argument (its bits) and a `float` one (the low 32 bits).
fn d(v: u64) -> f64 {
    f64::from_bits(v)
}

fn s(v: u64) -> f32 {
    f32::from_bits(v as u32)
}

/// Performs `f` if it is a `<math.h>` routine.
pub(super) fn call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> Option<LibResult> {
    let arg = |i: usize| a.get(i).copied().unwrap_or(0);
    match f {
        LibFn::Fpclassify => return Some(Ok(Outcome::Value(classify(d(arg(0)), arg(1) != 0) as u64))),
        LibFn::Isinf => return Some(Ok(Outcome::Value(isinf(d(arg(0))) as u64))),
        LibFn::Signbit => return Some(Ok(Outcome::Value(signbit(d(arg(0)), arg(1) != 0) as u64))),
        _ => {}
    }
    let name = f.name();
    if !NAMES.contains(&name) {
        return None;
    }
    let Some(addr) = libm().and_then(|m| m.0.get(name).copied()) else {
        return Some(Err(Stop::Fault(Signal::Abrt, Cause::NoLibm(name))));
    };
    set_host_errno(0);
    let r = apply(p, sh, f, addr, arg(0), arg(1));
    match host_errno() {
        0 => {}
        e => p.set_errno(prog, e),
    }
    Some(r)
}

#[allow(unsafe_code)]
fn set_host_errno(e: i32) {
    // SAFETY: this thread's errno, a valid pointer for its life.
    unsafe { *dl::__errno_location() = e }
}

#[allow(unsafe_code)]
fn host_errno() -> i32 {
    // SAFETY: as above.
    unsafe { *dl::__errno_location() }
}

/// Calls the routine at `addr` with its C signature.
#[allow(unsafe_code)]
fn apply(p: &mut Process, sh: &mut dyn Shared, f: LibFn, addr: usize, x: u64, y: u64) -> LibResult {
    type D1 = unsafe extern "C" fn(f64) -> f64;
    type F1 = unsafe extern "C" fn(f32) -> f32;
    type D2 = unsafe extern "C" fn(f64, f64) -> f64;
    type F2 = unsafe extern "C" fn(f32, f32) -> f32;
    type DI = unsafe extern "C" fn(f64, i32) -> f64;
    type FI = unsafe extern "C" fn(f32, i32) -> f32;
    type DL = unsafe extern "C" fn(f64) -> i64;
    type FL = unsafe extern "C" fn(f32) -> i64;
    type DInt = unsafe extern "C" fn(f64) -> i32;
    let ptr = addr as *const c_void;
    // SAFETY: `addr` is glibc's routine of that name (dlsym), called
    // with the signature <math.h> declares for it; they are pure, and
    // the two that write through a pointer write into locals of ours.
    let v = unsafe {
        match f {
            LibFn::Sqrt
            | LibFn::Cbrt
            | LibFn::Fabs
            | LibFn::Floor
            | LibFn::Ceil
            | LibFn::Round
            | LibFn::Trunc
            | LibFn::Rint
            | LibFn::Nearbyint
            | LibFn::Exp
            | LibFn::Exp2
            | LibFn::Expm1
            | LibFn::Log
            | LibFn::Log10
            | LibFn::Log2
            | LibFn::Log1p
            | LibFn::Sin
            | LibFn::Cos
            | LibFn::Tan
            | LibFn::Asin
            | LibFn::Acos
            | LibFn::Atan
            | LibFn::Sinh
            | LibFn::Cosh
            | LibFn::Tanh
            | LibFn::Asinh
            | LibFn::Acosh
            | LibFn::Atanh
            | LibFn::Erf
            | LibFn::Erfc
            | LibFn::Tgamma
            | LibFn::Lgamma => std::mem::transmute::<*const c_void, D1>(ptr)(d(x)).to_bits(),
            LibFn::Sqrtf
            | LibFn::Cbrtf
            | LibFn::Fabsf
            | LibFn::Floorf
            | LibFn::Ceilf
            | LibFn::Roundf
            | LibFn::Truncf
            | LibFn::Rintf
            | LibFn::Nearbyintf
            | LibFn::Expf
            | LibFn::Exp2f
            | LibFn::Expm1f
            | LibFn::Logf
            | LibFn::Log10f
            | LibFn::Log2f
            | LibFn::Log1pf
            | LibFn::Sinf
            | LibFn::Cosf
            | LibFn::Tanf
            | LibFn::Asinf
            | LibFn::Acosf
            | LibFn::Atanf
            | LibFn::Sinhf
            | LibFn::Coshf
            | LibFn::Tanhf
            | LibFn::Asinhf
            | LibFn::Acoshf
            | LibFn::Atanhf
            | LibFn::Erff
            | LibFn::Erfcf
            | LibFn::Tgammaf
            | LibFn::Lgammaf => std::mem::transmute::<*const c_void, F1>(ptr)(s(x)).to_bits() as u64,
            LibFn::Pow
            | LibFn::Fmod
            | LibFn::Atan2
            | LibFn::Hypot
            | LibFn::Fmin
            | LibFn::Fmax
            | LibFn::Fdim
            | LibFn::Copysign
            | LibFn::Remainder
            | LibFn::Nextafter => std::mem::transmute::<*const c_void, D2>(ptr)(d(x), d(y)).to_bits(),
            LibFn::Powf
            | LibFn::Fmodf
            | LibFn::Atan2f
            | LibFn::Hypotf
            | LibFn::Fminf
            | LibFn::Fmaxf
            | LibFn::Fdimf
            | LibFn::Copysignf
            | LibFn::Remainderf
            | LibFn::Nextafterf => std::mem::transmute::<*const c_void, F2>(ptr)(s(x), s(y)).to_bits() as u64,
            LibFn::Ldexp | LibFn::Scalbn => std::mem::transmute::<*const c_void, DI>(ptr)(d(x), y as i32).to_bits(),
            LibFn::Ldexpf | LibFn::Scalbnf => std::mem::transmute::<*const c_void, FI>(ptr)(s(x), y as i32).to_bits() as u64,
            LibFn::Lroundf | LibFn::Lrintf => std::mem::transmute::<*const c_void, FL>(ptr)(s(x)) as u64,
            LibFn::Ilogb => std::mem::transmute::<*const c_void, DInt>(ptr)(d(x)) as i64 as u64,
            LibFn::Frexp | LibFn::Frexpf | LibFn::Modf | LibFn::Modff => return split(p, sh, f, ptr, x, y),
            _ => std::mem::transmute::<*const c_void, DL>(ptr)(d(x)) as u64,
        }
    };
    Ok(Outcome::Value(v))
}

/// `frexp` and `modf`: a value returned, a part stored through the
/// pointer (a bad pointer is the program's fault, as natively).
#[allow(unsafe_code)]
fn split(p: &mut Process, sh: &mut dyn Shared, f: LibFn, ptr: *const c_void, x: u64, out: u64) -> LibResult {
    type Frexp = unsafe extern "C" fn(f64, *mut i32) -> f64;
    type Frexpf = unsafe extern "C" fn(f32, *mut i32) -> f32;
    type Modf = unsafe extern "C" fn(f64, *mut f64) -> f64;
    type Modff = unsafe extern "C" fn(f32, *mut f32) -> f32;
    // SAFETY: as in `apply`; the out-pointers are locals.
    let (r, part, m) = unsafe {
        match f {
            LibFn::Frexp => {
                let mut e = 0;
                (std::mem::transmute::<*const c_void, Frexp>(ptr)(d(x), &mut e).to_bits(), e as u32 as u64, MemTy::I32)
            }
            LibFn::Frexpf => {
                let mut e = 0;
                (std::mem::transmute::<*const c_void, Frexpf>(ptr)(s(x), &mut e).to_bits() as u64, e as u32 as u64, MemTy::I32)
            }
            LibFn::Modf => {
                let mut i = 0.0;
                (std::mem::transmute::<*const c_void, Modf>(ptr)(d(x), &mut i).to_bits(), i.to_bits(), MemTy::F64)
            }
            _ => {
                let mut i = 0.0;
                (std::mem::transmute::<*const c_void, Modff>(ptr)(s(x), &mut i).to_bits() as u64, i.to_bits() as u64, MemTy::F32)
            }
        }
    };
    p.mem.store(sh, out, m, part)?;
    Ok(Outcome::Value(r))
}

/// `fpclassify`, of the float the argument was when `single`.
fn classify(x: f64, single: bool) -> i64 {
    use std::num::FpCategory as C;
    let c = if single { (x as f32).classify() } else { x.classify() };
    match c {
        C::Nan => 0,
        C::Infinite => 1,
        C::Zero => 2,
        C::Subnormal => 3,
        C::Normal => 4,
    }
}

/// glibc's `isinf`: the sign of an infinity, else 0.
fn isinf(x: f64) -> i64 {
    match x {
        f64::INFINITY => 1,
        f64::NEG_INFINITY => -1,
        _ => 0,
    }
}

/// gcc's `signbit`: 1 for a negative double, the sign bit in place
/// (`INT_MIN`) for a float.
fn signbit(x: f64, single: bool) -> i64 {
    match (x.is_sign_negative(), single) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => i32::MIN as i64,
    }
}
