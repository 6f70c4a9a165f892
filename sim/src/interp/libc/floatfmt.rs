//! `printf`'s floating conversions (`%f %F %e %E %g %G %a %A`) exactly as
//! glibc 2.36 on x86_64 prints a `double`.
//!
//! glibc prints the exact decimal value of the binary number and rounds it
//! in the current rounding mode (nearest, ties to even): `%.0f` of 0.5 is
//! "0", of 2.5 is "2", of 3.5 is "4"; `%.1f` of 0.35 is "0.3" because the
//! double nearest 0.35 lies below the tie. Rust's own float formatting
//! does not promise that, so the expansion here is exact: a small
//! base-10^9 big integer holds the value (at most 309 integer digits and
//! 1074 fractional ones) and the rounding looks at the digits themselves.
//!
//! The text comes in pieces ([`FloatText`]) so the caller can pad it and so
//! that a huge precision (`%.100000f`) never allocates its trailing zeros:
//! past the exact expansion every digit is a zero, counted in `zeros`.

use crate::ir::bignum::Big;
use crate::ir::f80::F80;

/// Flags of one conversion that matter to a floating one.
#[derive(Debug, Clone, Copy, Default)]
pub struct FloatSpec {
    /// `+`: a sign on non-negative values too.
    pub plus: bool,
    /// ` `: a space where a `+` would go (ignored when `plus` is set).
    pub space: bool,
    /// `#`: always a point; `%g` keeps its trailing zeros.
    pub alt: bool,
    /// The precision; `None` is the default (6, or shortest for `%a`).
    pub prec: Option<usize>,
}

/// The text of one conversion, in pieces so a caller can pad it and so
/// a huge precision (`%.100000f`) never allocates its zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloatText {
    /// "-", "+", " " or "" (then "0x"/"0X" for %a/%A): zero padding goes after it.
    pub prefix: Vec<u8>,
    /// Digits (and point) before the run of zeros.
    pub head: Vec<u8>,
    /// How many '0' bytes follow `head` (trailing precision zeros).
    pub zeros: usize,
    /// What follows the zeros (exponent like "e+05", "p-3", or empty).
    pub tail: Vec<u8>,
    /// False for inf/nan: glibc does not zero-pad them.
    pub finite: bool,
}

/// `v` under conversion `conv` (one of f F e E g G a A).
///
/// Any other `conv` is treated as `f` (the caller only passes these; a
/// fallback beats a panic). Uppercase conversions print "INF", "NAN",
/// 'E', 'P', "0X" and uppercase hex digits.
pub fn float_text(v: f64, conv: u8, s: &FloatSpec) -> FloatText {
    let upper = conv.is_ascii_uppercase();
    let mut prefix = sign(v.is_sign_negative(), s);
    if !v.is_finite() {
        return special(v, upper, prefix);
    }
    let (head, zeros, tail) = match conv.to_ascii_lowercase() {
        b'a' => {
            prefix.extend_from_slice(if upper { b"0X" } else { b"0x" });
            hex(v, s, upper)
        }
        b'e' => scientific(&exact(v), s.prec.unwrap_or(6), s.alt, upper),
        b'g' => general(&exact(v), s, upper),
        _ => {
            let (head, zeros) = fixed(&exact(v), s.prec.unwrap_or(6), s.alt);
            (head, zeros, Vec::new())
        }
    };
    FloatText { prefix, head, zeros, tail, finite: true }
}

/// `v`, a `long double`, under conversion `conv` (`%Lf` and the others),
/// as glibc prints the 80-bit value: exactly, like a `double`; `%La`
/// shows the explicit integer bit with the three bits after it as the
/// leading hex digit (`0xc.ccccccccccccccdp-7` for 0.1L), denormals with
/// the exponent of the smallest normal (`0x0.000000000000001p-16385`).
pub fn float_text_ld(v: F80, conv: u8, s: &FloatSpec) -> FloatText {
    let upper = conv.is_ascii_uppercase();
    let mut prefix = sign(v.is_sign_negative(), s);
    let Some((_, m, e)) = v.decompose() else {
        return special(if v.is_nan() { f64::NAN } else { f64::INFINITY }, upper, prefix);
    };
    let lower = conv.to_ascii_lowercase();
    // glibc's decimal digits of a pseudo-denormal (exponent 0, integer
    // bit set) leave the integer bit out.
    let m = if v.se & 0x7fff == 0 && lower != b'a' { m & !(1 << 63) } else { m };
    let (head, zeros, tail) = match lower {
        b'a' => {
            prefix.extend_from_slice(if upper { b"0X" } else { b"0x" });
            hex_ld(m, e, s, upper)
        }
        b'e' => scientific(&exact_parts(m, e.into()), s.prec.unwrap_or(6), s.alt, upper),
        b'g' => general(&exact_parts(m, e.into()), s, upper),
        _ => {
            let (head, zeros) = fixed(&exact_parts(m, e.into()), s.prec.unwrap_or(6), s.alt);
            (head, zeros, Vec::new())
        }
    };
    FloatText { prefix, head, zeros, tail, finite: true }
}

/// `%La` of `m × 2^e` (the significand as stored: `e` is the exponent
/// of its last bit).
fn hex_ld(m: u64, e: i32, s: &FloatSpec, upper: bool) -> (Vec<u8>, usize, Vec<u8>) {
    let lead = (m >> 60) as u8;
    let x = if m == 0 { 0 } else { i64::from(e) + 63 - 3 };
    let nib: Vec<u8> = (0..15).map(|i| ((m >> (56 - 4 * i)) & 0xf) as u8).collect();
    hex_digits(lead, nib, x, s, upper)
}

/// `%a`'s text from the leading digit, the fraction's nibbles and the
/// binary exponent: trailing zeros dropped without a precision; with
/// one, zeros added or the nibbles rounded, a carry going into the
/// leading digit (a long double's 0xf renormalises to 0x1, four more
/// in the exponent; a double's 1 becomes 2, as glibc prints them).
fn hex_digits(mut lead: u8, mut nib: Vec<u8>, mut x: i64, s: &FloatSpec, upper: bool) -> (Vec<u8>, usize, Vec<u8>) {
    let mut zeros = 0;
    match s.prec {
        None => {
            while nib.last() == Some(&0) {
                nib.pop();
            }
        }
        Some(p) if p >= nib.len() => zeros = p - nib.len(),
        Some(p) => {
            lead += round_hex(&mut nib, p, lead);
            if lead > 15 {
                lead = 1;
                x += 4;
            }
        }
    }
    let digits: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut head = vec![digits[usize::from(lead & 0xf)]];
    if !nib.is_empty() || zeros > 0 || s.alt {
        head.push(b'.');
    }
    head.extend(nib.iter().map(|&n| digits[usize::from(n & 0xf)]));
    (head, zeros, exponent(if upper { b'P' } else { b'p' }, x, 1))
}

/// The sign glibc prints: '-' whenever the sign bit is set (so "-0.000000"
/// and "-nan"), else '+' or ' ' as the flags ask.
fn sign(negative: bool, s: &FloatSpec) -> Vec<u8> {
    match (negative, s.plus, s.space) {
        (true, _, _) => b"-".to_vec(),
        (false, true, _) => b"+".to_vec(),
        (false, false, true) => b" ".to_vec(),
        _ => Vec::new(),
    }
}

/// inf and nan: no digits, no "0x", never zero-padded by glibc.
fn special(v: f64, upper: bool, prefix: Vec<u8>) -> FloatText {
    let word: &[u8] = match (v.is_nan(), upper) {
        (true, false) => b"nan",
        (true, true) => b"NAN",
        (false, false) => b"inf",
        (false, true) => b"INF",
    };
    FloatText { prefix, head: word.to_vec(), zeros: 0, tail: Vec::new(), finite: false }
}

/// A precision as a digit count that never overflows the arithmetic below
/// (precisions reach `INT_MAX`; `usize::MAX` must not wrap either).
fn count(p: usize) -> i64 {
    i64::try_from(p).unwrap_or(i64::MAX).min(i64::MAX / 4)
}

/// The exact decimal value of a finite `|v|`: `0.DIGITS × 10^point`.
/// `digits` are ASCII, without leading or trailing zeros (empty for 0).
struct Decimal {
    digits: Vec<u8>,
    point: i64,
}

/// Expands `|v|` exactly. With `|v| = m × 2^e`: for `e >= 0` the integer
/// `m × 2^e`; for `e < 0` the digits of `m × 5^-e`, which are those of
/// `m / 2^-e` shifted by `-e` places.
fn exact(v: f64) -> Decimal {
    let bits = v.to_bits();
    let field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if field == 0 { (frac, -1074) } else { (frac | 1 << 52, field - 1075) };
    exact_parts(m, e)
}

/// The exact decimal expansion of `m × 2^e`.
fn exact_parts(mut m: u64, mut e: i64) -> Decimal {
    if m == 0 {
        return Decimal { digits: Vec::new(), point: 0 };
    }
    while m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let mut n = Big::from(m);
    if e >= 0 {
        n.mul_pow(2, 29, e as u32);
    } else {
        n.mul_pow(5, 13, (-e) as u32);
    }
    let mut digits = n.to_decimal();
    let point = digits.len() as i64 + e.min(0);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Decimal { digits, point }
}

/// The first `k` of digits `d` (no trailing zeros), rounded to nearest with
/// ties to even, as glibc rounds the exact value in the default mode.
/// Returns the kept digits (fewer than `k` when `d` is shorter: the rest
/// are zeros) and whether a carry put a new digit in front ("99" -> "100").
fn round_to(d: &[u8], k: i64) -> (Vec<u8>, bool) {
    let Ok(k) = usize::try_from(k) else { return (Vec::new(), false) };
    let (Some(head), Some(&next)) = (d.get(..k), d.get(k)) else { return (d.to_vec(), false) };
    let mut kept = head.to_vec();
    let odd = kept.last().is_some_and(|&c| (c - b'0') % 2 == 1);
    let up = next > b'5' || (next == b'5' && (d.len() > k + 1 || odd));
    if !up {
        return (kept, false);
    }
    for c in kept.iter_mut().rev() {
        if *c == b'9' {
            *c = b'0';
        } else {
            *c += 1;
            return (kept, false);
        }
    }
    kept.insert(0, b'1');
    (kept, true)
}

/// `%f`: integer digits, then `p` fraction digits. Returns the head and the
/// count of zeros past the exact digits.
fn fixed(dec: &Decimal, p: usize, alt: bool) -> (Vec<u8>, usize) {
    let (r, grew) = round_to(&dec.digits, dec.point.saturating_add(count(p)));
    let point = dec.point + grew as i64;
    let digit = |i: i64| usize::try_from(i).ok().and_then(|i| r.get(i)).copied().unwrap_or(b'0');
    let mut head: Vec<u8> = if r.is_empty() || point <= 0 { vec![b'0'] } else { (0..point).map(digit).collect() };
    if p > 0 || alt {
        head.push(b'.');
    }
    let last = r.len() as i64;
    let shown = if r.is_empty() { 0 } else { (last - point).clamp(0, count(p)) };
    head.extend((point..point + shown).map(digit));
    (head, p - shown as usize)
}

/// `%e`: one digit, the point, `p` digits, and the exponent ("e+05").
fn scientific(dec: &Decimal, p: usize, alt: bool, upper: bool) -> (Vec<u8>, usize, Vec<u8>) {
    let (mut r, grew) = round_to(&dec.digits, count(p) + 1);
    let x = if r.is_empty() { 0 } else { dec.point - 1 + grew as i64 };
    r.truncate(count(p) as usize + 1);
    let mut head = vec![r.first().copied().unwrap_or(b'0')];
    if p > 0 || alt {
        head.push(b'.');
    }
    head.extend_from_slice(r.get(1..).unwrap_or(&[]));
    let zeros = p - r.len().saturating_sub(1);
    let tail = exponent(if upper { b'E' } else { b'e' }, x, 2);
    (head, zeros, tail)
}

/// An exponent: the letter, its sign, at least `width` decimal digits.
fn exponent(letter: u8, x: i64, width: usize) -> Vec<u8> {
    let sign = if x < 0 { '-' } else { '+' };
    format!("{}{sign}{:0width$}", letter as char, x.unsigned_abs()).into_bytes()
}

/// `%g`: with P significant digits (0 means 1) and X the exponent `%e`
/// would print after rounding to P digits, `%f` when `P > X >= -4`, else
/// `%e`; then, without `#`, no trailing zeros and no bare point.
fn general(dec: &Decimal, s: &FloatSpec, upper: bool) -> (Vec<u8>, usize, Vec<u8>) {
    let p = s.prec.unwrap_or(6).max(1);
    let (r, grew) = round_to(&dec.digits, count(p));
    let x = if r.is_empty() { 0 } else { dec.point - 1 + grew as i64 };
    if s.alt && grew && x == count(p) {
        // glibc picks %f from the unrounded exponent (P - 1); when rounding
        // then carries into a new digit it switches to %e but keeps the
        // %f count of kept zeros (none): "%#g" of 999999.5 is "1.e+06".
        return (b"1.".to_vec(), 0, exponent(if upper { b'E' } else { b'e' }, x, 2));
    }
    let (mut head, mut zeros, tail) = if x < count(p) && x >= -4 {
        let (head, zeros) = fixed(dec, (count(p) - 1 - x) as usize, s.alt);
        (head, zeros, Vec::new())
    } else {
        scientific(dec, p - 1, s.alt, upper)
    };
    if !s.alt && head.contains(&b'.') {
        zeros = 0;
        while head.last() == Some(&b'0') {
            head.pop();
        }
        if head.last() == Some(&b'.') {
            head.pop();
        }
    }
    (head, zeros, tail)
}

/// `%a`: "1.hhhh" (subnormals "0.hhhh", zero "0") with the binary exponent
/// in decimal. Without a precision, the shortest exact digits; with one,
/// the 13 fraction digits rounded to nearest-even, a carry going into the
/// leading digit as glibc does ("%.0a" of 1.5 is "0x2p+0", not "0x1p+1").
fn hex(v: f64, s: &FloatSpec, upper: bool) -> (Vec<u8>, usize, Vec<u8>) {
    let bits = v.to_bits();
    let field = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let lead = u8::from(field != 0);
    let x = if field != 0 {
        field - 1023
    } else if frac != 0 {
        -1022
    } else {
        0
    };
    let nib: Vec<u8> = (0..13).map(|i| ((frac >> (48 - 4 * i)) & 0xf) as u8).collect();
    hex_digits(lead, nib, x, s, upper)
}

/// Cuts the hex digits to `p` (fewer than there are), rounding to nearest with ties to the
/// even last digit (the leading digit when `p` is 0), as glibc's
/// `round_away` does. Returns the carry into the leading digit (0 or 1).
fn round_hex(nib: &mut Vec<u8>, p: usize, lead: u8) -> u8 {
    let next = nib.get(p).copied().unwrap_or(0);
    let more = nib.get(p + 1..).is_some_and(|r| r.iter().any(|&n| n != 0));
    nib.truncate(p);
    let odd = nib.last().map_or(lead, |&n| n) & 1 == 1;
    if next < 8 || (next == 8 && !more && !odd) {
        return 0;
    }
    for n in nib.iter_mut().rev() {
        if *n == 15 {
            *n = 0;
        } else {
            *n += 1;
            return 0;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole conversion as printf would print it with no width.
    fn show(v: f64, fmt: &str) -> String {
        let b = fmt.as_bytes();
        let alt = b.get(1) == Some(&b'#');
        let prec = fmt.split_once('.').map(|(_, p)| p[..p.len() - 1].parse().unwrap_or(0));
        let t = float_text(v, *b.last().unwrap_or(&b'f'), &FloatSpec { alt, prec, ..FloatSpec::default() });
        let mut out = [t.prefix, t.head].concat();
        out.extend(std::iter::repeat_n(b'0', t.zeros));
        out.extend(t.tail);
        String::from_utf8(out).unwrap_or_default()
    }

    /// Samples checked against glibc 2.36 (the full differential test,
    /// over two million pairs, lives outside the tree).
    #[test]
    fn matches_glibc_samples() {
        let cases: &[(f64, &str, &str)] = &[
            (0.5, "%.0f", "0"),
            (2.5, "%.0f", "2"),
            (3.5, "%.0f", "4"),
            (0.25, "%.1f", "0.2"),
            (0.35, "%.1f", "0.3"),
            (-0.0, "%f", "-0.000000"),
            (3.0, "%#.0f", "3."),
            (1.0, "%e", "1.000000e+00"),
            (5e-324, "%e", "4.940656e-324"),
            (1e22, "%f", "10000000000000000000000.000000"),
            (100000.0, "%g", "100000"),
            (999999.5, "%g", "1e+06"),
            (999999.5, "%#g", "1.e+06"),
            (0.0001, "%g", "0.0001"),
            (0.0, "%#g", "0.00000"),
            (1.0, "%a", "0x1p+0"),
            (1.5, "%.0a", "0x2p+0"),
            (1.96875, "%.1a", "0x2.0p+0"),
            (5e-324, "%a", "0x0.0000000000001p-1022"),
            (0.0, "%A", "0X0P+0"),
            (-f64::NAN, "%f", "-nan"),
            (f64::INFINITY, "%E", "INF"),
        ];
        for &(v, fmt, want) in cases {
            assert_eq!(show(v, fmt), want, "{v:e} {fmt}");
        }
    }

    #[test]
    fn huge_precision_counts_zeros() {
        let t = float_text(0.1, b'f', &FloatSpec { prec: Some(1 << 31), ..FloatSpec::default() });
        assert!(t.head.len() < 100);
        assert_eq!(t.head.len() - 2 + t.zeros, 1 << 31);
        for conv in *b"fFeEgGaA" {
            let _ = float_text(1e308, conv, &FloatSpec { prec: Some(usize::MAX), alt: true, ..FloatSpec::default() });
        }
    }

    const LD_FORMATS: [&str; 19] = [
        "%La", "%LA", "%.3La", "%.0La", "%#.0La", "%Lf", "%.0Lf", "%.25Lf", "%Le", "%.30Le", "%LE", "%Lg", "%.21Lg", "%#Lg", "%.0Lg",
        "%+Lf", "% Le", "%LG", "%.40Lg",
    ];

    /// One long double conversion as printf prints it with no width.
    fn show_ld(v: crate::ir::f80::F80, fmt: &str) -> String {
        let b = fmt.as_bytes();
        let flags = &fmt[1..fmt.find(|c: char| c == '.' || c == 'L').unwrap_or(1)];
        let prec = fmt.split_once('.').map(|(_, p)| p[..p.len() - 2].parse().unwrap_or(0));
        let spec = FloatSpec { alt: flags.contains('#'), plus: flags.contains('+'), space: flags.contains(' '), prec };
        let t = float_text_ld(v, b[b.len() - 1], &spec);
        let mut out = [t.prefix, t.head].concat();
        out.extend(std::iter::repeat_n(b'0', t.zeros));
        out.extend(t.tail);
        String::from_utf8(out).expect("ascii")
    }

    /// The long double digits against glibc's: the printf lines of the
    /// x87 cases (`ir/f80/cases.c`), each value in each of 19 formats.
    #[test]
    fn long_double_digits_agree_with_glibc() {
        use crate::ir::f80::tests::{native_cases, parse};
        let Some(text) = native_cases() else {
            eprintln!("no C compiler: comparison skipped");
            return;
        };
        let mut bad = Vec::new();
        let mut seen = 0;
        for line in text.lines().filter(|l| l.starts_with("p ")) {
            seen += 1;
            let (head, _) = line.split_once('|').expect("p line");
            let mut w = head.split_whitespace().skip(1);
            let v = parse(w.next().expect("value"));
            let f: usize = w.next().and_then(|f| f.parse().ok()).expect("format index");
            let got = format!("{head}|{}|", show_ld(v, LD_FORMATS[f]));
            if got != line {
                bad.push(format!(
                    "glibc: {line}
ours:  {got}"
                ));
            }
        }
        assert!(seen > 500, "only {seen} printf cases");
        assert!(bad.is_empty(), "{} of {seen} disagree, first:\n{}", bad.len(), bad[..bad.len().min(8)].join("\n"));
    }
}
