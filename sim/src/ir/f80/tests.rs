//! The soft float against the x87 itself: `cases.c`, compiled with the
//! host's `cc` at test time, prints operands and the bits gcc's code
//! computes from them (arithmetic, comparisons, `sqrtl`, conversions);
//! every line must agree (its printf lines are the C library's, checked in
//! `interp::libc::floatfmt`). Without a C compiler the comparison is skipped.

use super::*;
use std::process::Command;

pub(crate) fn parse(t: &str) -> F80 {
    let (se, m) = t.split_once(':').expect("se:m");
    F80 { se: u16::from_str_radix(se, 16).expect("se"), m: u64::from_str_radix(m, 16).expect("m") }
}

fn show(x: F80) -> String {
    format!("{:04x}:{:016x}", x.se, x.m)
}

/// The lines `cases.c` prints, if a C compiler is at hand.
pub(crate) fn native_cases() -> Option<String> {
    let dir = std::env::temp_dir().join(format!("ipcsim-f80-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let exe = dir.join("cases");
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ir/f80/cases.c");
    let ok = Command::new("cc").args(["-O0", "-o"]).arg(&exe).arg(src).arg("-lm").status().ok()?.success();
    if !ok {
        return None;
    }
    let out = Command::new(&exe).output().ok()?;
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8(out.stdout).ok()
}

#[test]
fn agrees_with_the_x87() {
    let Some(text) = native_cases() else {
        eprintln!("no C compiler: x87 comparison skipped");
        return;
    };
    let mut bad = Vec::new();
    let mut lines = 0;
    for line in text.lines() {
        lines += 1;
        let w: Vec<&str> = line.split_whitespace().collect();
        let got = match w[0] {
            "s" => {
                let (v, len, range) = crate::ir::strtod::strtold(w[1].as_bytes());
                format!("s {} {} {} {}", w[1], len, range as u8, show(v))
            }
            // printf's text: the C library's, checked by its own test
            // (interp::libc::floatfmt) on these same lines.
            "p" => continue,
            "u" => {
                let x = parse(w[1]);
                format!(
                    "u {} {} {:016x} {:08x} {} {} {} {} {} {}",
                    w[1],
                    show(x.sqrt()),
                    x.to_f64().to_bits(),
                    x.to_f32().to_bits(),
                    x.to_int(ArithTy::I32) as i32,
                    x.to_int(ArithTy::U32) as u32,
                    x.to_int(ArithTy::I64) as i64,
                    x.to_int(ArithTy::U64),
                    show(F80::from_f64(x.to_f64())),
                    show(F80::from_f32(x.to_f32())),
                )
            }
            "i" => {
                let v: i64 = w[1].parse().expect("int");
                format!("i {} {} {}", v, show(F80::from_i64(v)), show(F80::from_u64(v as u64)))
            }
            _ => {
                let (a, b) = (parse(w[1]), parse(w[2]));
                let c = a.compare(b);
                let flags = [
                    c == Some(Ordering::Less),
                    c == Some(Ordering::Equal),
                    c == Some(Ordering::Greater),
                    matches!(c, Some(Ordering::Less | Ordering::Equal)),
                ];
                let flags: String = flags.iter().map(|&f| if f { '1' } else { '0' }).collect();
                format!("b {} {} {} {} {} {} {}", w[1], w[2], show(a + b), show(a - b), show(a * b), show(a / b), flags)
            }
        };
        if got != line {
            bad.push(format!("x87: {line}\nsoft: {got}"));
        }
    }
    assert!(lines > 5000, "only {lines} cases");
    assert!(bad.is_empty(), "{} of {lines} disagree, first:\n{}", bad.len(), bad[..bad.len().min(8)].join("\n"));
}
