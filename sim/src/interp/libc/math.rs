//! `<math.h>`. Each routine is glibc's own, called in the host's libm,
//! so a simulated run computes the very bits a native run computes
//! (a port such as musl's would differ in the last place now and then,
//! and the program prints those digits). They are pure functions of
//! their arguments; `errno` (EDOM, ERANGE) is not set.

use super::{LibResult, Outcome};
use crate::interp::{Process, Shared};
use crate::ir::{LibFn, MemTy};

#[allow(unsafe_code)]
mod ffi {
    #[link(name = "m")]
    extern "C" {
        pub fn sqrt(x: f64) -> f64;
        pub fn sqrtf(x: f32) -> f32;
        pub fn cbrt(x: f64) -> f64;
        pub fn cbrtf(x: f32) -> f32;
        pub fn fabs(x: f64) -> f64;
        pub fn fabsf(x: f32) -> f32;
        pub fn floor(x: f64) -> f64;
        pub fn floorf(x: f32) -> f32;
        pub fn ceil(x: f64) -> f64;
        pub fn ceilf(x: f32) -> f32;
        pub fn round(x: f64) -> f64;
        pub fn roundf(x: f32) -> f32;
        pub fn trunc(x: f64) -> f64;
        pub fn truncf(x: f32) -> f32;
        pub fn rint(x: f64) -> f64;
        pub fn rintf(x: f32) -> f32;
        pub fn nearbyint(x: f64) -> f64;
        pub fn nearbyintf(x: f32) -> f32;
        pub fn exp(x: f64) -> f64;
        pub fn expf(x: f32) -> f32;
        pub fn exp2(x: f64) -> f64;
        pub fn exp2f(x: f32) -> f32;
        pub fn expm1(x: f64) -> f64;
        pub fn expm1f(x: f32) -> f32;
        pub fn log(x: f64) -> f64;
        pub fn logf(x: f32) -> f32;
        pub fn log10(x: f64) -> f64;
        pub fn log10f(x: f32) -> f32;
        pub fn log2(x: f64) -> f64;
        pub fn log2f(x: f32) -> f32;
        pub fn log1p(x: f64) -> f64;
        pub fn log1pf(x: f32) -> f32;
        pub fn sin(x: f64) -> f64;
        pub fn sinf(x: f32) -> f32;
        pub fn cos(x: f64) -> f64;
        pub fn cosf(x: f32) -> f32;
        pub fn tan(x: f64) -> f64;
        pub fn tanf(x: f32) -> f32;
        pub fn asin(x: f64) -> f64;
        pub fn asinf(x: f32) -> f32;
        pub fn acos(x: f64) -> f64;
        pub fn acosf(x: f32) -> f32;
        pub fn atan(x: f64) -> f64;
        pub fn atanf(x: f32) -> f32;
        pub fn sinh(x: f64) -> f64;
        pub fn sinhf(x: f32) -> f32;
        pub fn cosh(x: f64) -> f64;
        pub fn coshf(x: f32) -> f32;
        pub fn tanh(x: f64) -> f64;
        pub fn tanhf(x: f32) -> f32;
        pub fn asinh(x: f64) -> f64;
        pub fn asinhf(x: f32) -> f32;
        pub fn acosh(x: f64) -> f64;
        pub fn acoshf(x: f32) -> f32;
        pub fn atanh(x: f64) -> f64;
        pub fn atanhf(x: f32) -> f32;
        pub fn erf(x: f64) -> f64;
        pub fn erff(x: f32) -> f32;
        pub fn erfc(x: f64) -> f64;
        pub fn erfcf(x: f32) -> f32;
        pub fn tgamma(x: f64) -> f64;
        pub fn tgammaf(x: f32) -> f32;
        pub fn lgamma(x: f64) -> f64;
        pub fn lgammaf(x: f32) -> f32;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn powf(x: f32, y: f32) -> f32;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn fmodf(x: f32, y: f32) -> f32;
        pub fn atan2(x: f64, y: f64) -> f64;
        pub fn atan2f(x: f32, y: f32) -> f32;
        pub fn hypot(x: f64, y: f64) -> f64;
        pub fn hypotf(x: f32, y: f32) -> f32;
        pub fn fmin(x: f64, y: f64) -> f64;
        pub fn fminf(x: f32, y: f32) -> f32;
        pub fn fmax(x: f64, y: f64) -> f64;
        pub fn fmaxf(x: f32, y: f32) -> f32;
        pub fn fdim(x: f64, y: f64) -> f64;
        pub fn fdimf(x: f32, y: f32) -> f32;
        pub fn copysign(x: f64, y: f64) -> f64;
        pub fn copysignf(x: f32, y: f32) -> f32;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn remainderf(x: f32, y: f32) -> f32;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn nextafterf(x: f32, y: f32) -> f32;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn ldexpf(x: f32, e: i32) -> f32;
        pub fn scalbn(x: f64, e: i32) -> f64;
        pub fn scalbnf(x: f32, e: i32) -> f32;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn frexpf(x: f32, e: *mut i32) -> f32;
        pub fn modf(x: f64, i: *mut f64) -> f64;
        pub fn modff(x: f32, i: *mut f32) -> f32;
        pub fn lround(x: f64) -> i64;
        pub fn lroundf(x: f32) -> i64;
        pub fn lrint(x: f64) -> i64;
        pub fn lrintf(x: f32) -> i64;
        pub fn ilogb(x: f64) -> i32;
    }
}

type Unary64 = unsafe extern "C" fn(f64) -> f64;
type Unary32 = unsafe extern "C" fn(f32) -> f32;
type Binary64 = unsafe extern "C" fn(f64, f64) -> f64;
type Binary32 = unsafe extern "C" fn(f32, f32) -> f32;

fn unary64(f: LibFn) -> Option<Unary64> {
    Some(match f {
        LibFn::Sqrt => ffi::sqrt,
        LibFn::Cbrt => ffi::cbrt,
        LibFn::Fabs => ffi::fabs,
        LibFn::Floor => ffi::floor,
        LibFn::Ceil => ffi::ceil,
        LibFn::Round => ffi::round,
        LibFn::Trunc => ffi::trunc,
        LibFn::Rint => ffi::rint,
        LibFn::Nearbyint => ffi::nearbyint,
        LibFn::Exp => ffi::exp,
        LibFn::Exp2 => ffi::exp2,
        LibFn::Expm1 => ffi::expm1,
        LibFn::Log => ffi::log,
        LibFn::Log10 => ffi::log10,
        LibFn::Log2 => ffi::log2,
        LibFn::Log1p => ffi::log1p,
        LibFn::Sin => ffi::sin,
        LibFn::Cos => ffi::cos,
        LibFn::Tan => ffi::tan,
        LibFn::Asin => ffi::asin,
        LibFn::Acos => ffi::acos,
        LibFn::Atan => ffi::atan,
        LibFn::Sinh => ffi::sinh,
        LibFn::Cosh => ffi::cosh,
        LibFn::Tanh => ffi::tanh,
        LibFn::Asinh => ffi::asinh,
        LibFn::Acosh => ffi::acosh,
        LibFn::Atanh => ffi::atanh,
        LibFn::Erf => ffi::erf,
        LibFn::Erfc => ffi::erfc,
        LibFn::Tgamma => ffi::tgamma,
        LibFn::Lgamma => ffi::lgamma,
        _ => return None,
    })
}

fn unary32(f: LibFn) -> Option<Unary32> {
    Some(match f {
        LibFn::Sqrtf => ffi::sqrtf,
        LibFn::Cbrtf => ffi::cbrtf,
        LibFn::Fabsf => ffi::fabsf,
        LibFn::Floorf => ffi::floorf,
        LibFn::Ceilf => ffi::ceilf,
        LibFn::Roundf => ffi::roundf,
        LibFn::Truncf => ffi::truncf,
        LibFn::Rintf => ffi::rintf,
        LibFn::Nearbyintf => ffi::nearbyintf,
        LibFn::Expf => ffi::expf,
        LibFn::Exp2f => ffi::exp2f,
        LibFn::Expm1f => ffi::expm1f,
        LibFn::Logf => ffi::logf,
        LibFn::Log10f => ffi::log10f,
        LibFn::Log2f => ffi::log2f,
        LibFn::Log1pf => ffi::log1pf,
        LibFn::Sinf => ffi::sinf,
        LibFn::Cosf => ffi::cosf,
        LibFn::Tanf => ffi::tanf,
        LibFn::Asinf => ffi::asinf,
        LibFn::Acosf => ffi::acosf,
        LibFn::Atanf => ffi::atanf,
        LibFn::Sinhf => ffi::sinhf,
        LibFn::Coshf => ffi::coshf,
        LibFn::Tanhf => ffi::tanhf,
        LibFn::Asinhf => ffi::asinhf,
        LibFn::Acoshf => ffi::acoshf,
        LibFn::Atanhf => ffi::atanhf,
        LibFn::Erff => ffi::erff,
        LibFn::Erfcf => ffi::erfcf,
        LibFn::Tgammaf => ffi::tgammaf,
        LibFn::Lgammaf => ffi::lgammaf,
        _ => return None,
    })
}

fn binary64(f: LibFn) -> Option<Binary64> {
    Some(match f {
        LibFn::Pow => ffi::pow,
        LibFn::Fmod => ffi::fmod,
        LibFn::Atan2 => ffi::atan2,
        LibFn::Hypot => ffi::hypot,
        LibFn::Fmin => ffi::fmin,
        LibFn::Fmax => ffi::fmax,
        LibFn::Fdim => ffi::fdim,
        LibFn::Copysign => ffi::copysign,
        LibFn::Remainder => ffi::remainder,
        LibFn::Nextafter => ffi::nextafter,
        _ => return None,
    })
}

fn binary32(f: LibFn) -> Option<Binary32> {
    Some(match f {
        LibFn::Powf => ffi::powf,
        LibFn::Fmodf => ffi::fmodf,
        LibFn::Atan2f => ffi::atan2f,
        LibFn::Hypotf => ffi::hypotf,
        LibFn::Fminf => ffi::fminf,
        LibFn::Fmaxf => ffi::fmaxf,
        LibFn::Fdimf => ffi::fdimf,
        LibFn::Copysignf => ffi::copysignf,
        LibFn::Remainderf => ffi::remainderf,
        LibFn::Nextafterf => ffi::nextafterf,
        _ => return None,
    })
}

/// A `double` argument (its bits) and a `float` one (the low 32 bits).
fn d(v: u64) -> f64 {
    f64::from_bits(v)
}

fn s(v: u64) -> f32 {
    f32::from_bits(v as u32)
}

fn ret64(v: f64) -> Option<LibResult> {
    Some(Ok(Outcome::Value(v.to_bits())))
}

fn ret32(v: f32) -> Option<LibResult> {
    Some(Ok(Outcome::Value(v.to_bits() as u64)))
}

fn int(v: i64) -> Option<LibResult> {
    Some(Ok(Outcome::Value(v as u64)))
}

/// Performs `f` if it is a `<math.h>` routine.
#[allow(unsafe_code)]
pub(super) fn call(p: &mut Process, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> Option<LibResult> {
    let arg = |i: usize| a.get(i).copied().unwrap_or(0);
    // SAFETY: every routine called here is a pure function of its
    // arguments (any bits are valid doubles and floats); the two that
    // write through a pointer write into a local of ours.
    unsafe {
        if let Some(g) = unary64(f) {
            return ret64(g(d(arg(0))));
        }
        if let Some(g) = unary32(f) {
            return ret32(g(s(arg(0))));
        }
        if let Some(g) = binary64(f) {
            return ret64(g(d(arg(0)), d(arg(1))));
        }
        if let Some(g) = binary32(f) {
            return ret32(g(s(arg(0)), s(arg(1))));
        }
        let e = arg(1) as i32;
        match f {
            LibFn::Ldexp => ret64(ffi::ldexp(d(arg(0)), e)),
            LibFn::Ldexpf => ret32(ffi::ldexpf(s(arg(0)), e)),
            LibFn::Scalbn => ret64(ffi::scalbn(d(arg(0)), e)),
            LibFn::Scalbnf => ret32(ffi::scalbnf(s(arg(0)), e)),
            LibFn::Lround | LibFn::Llround => int(ffi::lround(d(arg(0)))),
            LibFn::Lroundf => int(ffi::lroundf(s(arg(0)))),
            LibFn::Lrint | LibFn::Llrint => int(ffi::lrint(d(arg(0)))),
            LibFn::Lrintf => int(ffi::lrintf(s(arg(0)))),
            LibFn::Ilogb => int(ffi::ilogb(d(arg(0))) as i64),
            LibFn::Frexp | LibFn::Frexpf | LibFn::Modf | LibFn::Modff => Some(split(p, sh, f, arg(0), arg(1))),
            LibFn::Fpclassify => int(classify(d(arg(0)), arg(1) != 0)),
            LibFn::Isinf => int(if d(arg(0)).is_infinite() { if d(arg(0)) < 0.0 { -1 } else { 1 } } else { 0 }),
            LibFn::Signbit => int(signbit(d(arg(0)), arg(1) != 0)),
            _ => None,
        }
    }
}

/// `frexp` and `modf`: a value returned, a part stored through the
/// pointer (a bad pointer is the program's fault, as natively).
#[allow(unsafe_code)]
fn split(p: &mut Process, sh: &mut dyn Shared, f: LibFn, x: u64, out: u64) -> LibResult {
    let (r, part, m) = unsafe {
        match f {
            LibFn::Frexp => {
                let mut e = 0;
                (ffi::frexp(d(x), &mut e).to_bits(), e as u32 as u64, MemTy::I32)
            }
            LibFn::Frexpf => {
                let mut e = 0;
                (ffi::frexpf(s(x), &mut e).to_bits() as u64, e as u32 as u64, MemTy::I32)
            }
            LibFn::Modf => {
                let mut i = 0.0;
                (ffi::modf(d(x), &mut i).to_bits(), i.to_bits(), MemTy::I64)
            }
            _ => {
                let mut i = 0.0;
                (ffi::modff(s(x), &mut i).to_bits() as u64, i.to_bits() as u64, MemTy::U32)
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

/// gcc's `signbit`: 1 for a negative double, the sign bit in place
/// (`INT_MIN`) for a float.
fn signbit(x: f64, single: bool) -> i64 {
    match (x.is_sign_negative(), single) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => i32::MIN as i64,
    }
}
