//! The soft float against the x87 itself: `cases.c`, compiled with the
//! host's `cc` at test time, prints operands and the bits gcc's code
//! computes from them (arithmetic, comparisons, `sqrtl`, conversions);
//! every line must agree. Without a C compiler the comparison is skipped.

use super::*;
use std::process::Command;

fn parse(t: &str) -> F80 {
    let (se, m) = t.split_once(':').expect("se:m");
    F80 { se: u16::from_str_radix(se, 16).expect("se"), m: u64::from_str_radix(m, 16).expect("m") }
}

fn show(x: F80) -> String {
    format!("{:04x}:{:016x}", x.se, x.m)
}

fn native_cases() -> Option<String> {
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

const FORMATS: [&str; 19] = [
    "%La", "%LA", "%.3La", "%.0La", "%#.0La", "%Lf", "%.0Lf", "%.25Lf", "%Le", "%.30Le", "%LE", "%Lg", "%.21Lg", "%#Lg", "%.0Lg", "%+Lf",
    "% Le", "%LG", "%.40Lg",
];

/// One conversion as printf prints it with no width.
fn format_ld(v: F80, fmt: &str) -> String {
    use crate::interp::libc::floatfmt::{float_text_ld, FloatSpec};
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
            "p" => {
                let (head, rest) = line.split_once('|').expect("p line");
                let f: usize = head.split_whitespace().nth(2).and_then(|f| f.parse().ok()).expect("format index");
                let _ = rest;
                let text = format_ld(parse(w[1]), FORMATS[f]);
                format!("{head}|{text}|")
            }
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
