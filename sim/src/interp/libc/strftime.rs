//! `strftime` as glibc's in the C locale: the conversions of C and POSIX
//! with glibc's flags (`_` `-` `0` `^` `#`) and widths; `E` and `O`
//! modifiers change nothing in the C locale. The calendar itself
//! (`gmtime`, `mktime`...) is C of the subset, in `lang/calendar.h`.

use super::{LibResult, Outcome, Stop};
use crate::interp::{Process, Shared};
use crate::ir::MemTy;

const DAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// The fields of a `struct tm` (glibc's layout: nine ints, then
/// `tm_gmtoff` and `tm_zone`).
struct Tm {
    sec: i64,
    min: i64,
    hour: i64,
    mday: i64,
    mon: i64,
    year: i64,
    wday: i64,
    yday: i64,
    gmtoff: i64,
    zone: Vec<u8>,
}

impl Tm {
    fn read(p: &Process, sh: &dyn Shared, at: u64) -> Result<Tm, Stop> {
        let int = |k: u64| p.mem.load(sh, at.wrapping_add(4 * k), MemTy::I32).map(|v| v as i32 as i64).map_err(Stop::Memory);
        let zone_at = p.mem.load(sh, at.wrapping_add(48), MemTy::I64).map_err(Stop::Memory)?;
        let zone = if zone_at == 0 { Vec::new() } else { p.mem.cstr(sh, zone_at).map_err(Stop::Memory)?.to_vec() };
        Ok(Tm {
            sec: int(0)?,
            min: int(1)?,
            hour: int(2)?,
            mday: int(3)?,
            mon: int(4)?,
            year: int(5)? + 1900,
            wday: int(6)?,
            yday: int(7)?,
            gmtoff: p.mem.load(sh, at.wrapping_add(40), MemTy::I64).map_err(Stop::Memory)? as i64,
            zone,
        })
    }

    /// Seconds since the epoch, the fields taken as UTC (`%s`; ipcsim's
    /// local time is UTC), without normalising them.
    fn epoch(&self) -> i64 {
        let (y, m) = if self.mon < 2 { (self.year - 1, self.mon + 10) } else { (self.year, self.mon - 2) };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.mday - 1;
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
        days * 86_400 + self.hour * 3600 + self.min * 60 + self.sec
    }

    /// ISO 8601's week-based year and week number (`%G`, `%V`).
    fn iso_week(&self) -> (i64, i64) {
        let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let wday = (self.wday + 6).rem_euclid(7); // Monday 0
        let week = (self.yday - wday + 10) / 7;
        if week < 1 {
            let prev = self.year - 1;
            let days = if leap(prev) { 366 } else { 365 };
            let t = Tm { yday: self.yday + days, year: prev, zone: Vec::new(), ..*self };
            return (prev, t.iso_week().1);
        }
        let days = if leap(self.year) { 366 } else { 365 };
        if self.yday - wday + 3 >= days {
            return (self.year + 1, 1);
        }
        (self.year, week)
    }
}

/// One conversion's padding: the flag given, and the width.
#[derive(Clone, Copy)]
struct Pad {
    flag: u8,
    width: usize,
    upper: bool,
}

impl Pad {
    fn number(&self, out: &mut Vec<u8>, v: i64, digits: usize, fill: u8) {
        let fill = match self.flag {
            b'_' => b' ',
            b'0' => b'0',
            _ => fill,
        };
        let width = if self.flag == b'-' { 1 } else { self.width.max(digits) };
        let s = v.unsigned_abs().to_string();
        if v < 0 {
            out.push(b'-');
        }
        let pad = width.saturating_sub(s.len() + (v < 0) as usize);
        out.extend(std::iter::repeat_n(fill, pad));
        out.extend_from_slice(s.as_bytes());
    }

    fn text(&self, out: &mut Vec<u8>, s: &[u8]) {
        let fill = if self.flag == b'0' { b'0' } else { b' ' };
        out.extend(std::iter::repeat_n(fill, self.width.saturating_sub(s.len())));
        if self.upper {
            out.extend(s.iter().map(u8::to_ascii_uppercase));
        } else {
            out.extend_from_slice(s);
        }
    }
}

fn name(list: &[&'static str], k: i64, short: bool) -> &'static [u8] {
    match usize::try_from(k).ok().and_then(|k| list.get(k)) {
        Some(n) if short => &n.as_bytes()[..3],
        Some(n) => n.as_bytes(),
        None => b"?",
    }
}

/// Appends the expansion of `fmt` for `tm` to `out`.
fn expand(out: &mut Vec<u8>, fmt: &[u8], tm: &Tm) {
    let mut k = 0;
    while k < fmt.len() {
        if fmt[k] != b'%' {
            out.push(fmt[k]);
            k += 1;
            continue;
        }
        let start = k;
        k += 1;
        let mut pad = Pad { flag: 0, width: 0, upper: false };
        while let Some(&c) = fmt.get(k).filter(|c| b"_-0^#".contains(c)) {
            match c {
                b'^' | b'#' => pad.upper = true,
                _ => pad.flag = c,
            }
            k += 1;
        }
        while let Some(d) = fmt.get(k).filter(|c| c.is_ascii_digit()) {
            pad.width = (pad.width * 10 + (d - b'0') as usize).min(4096);
            k += 1;
        }
        if matches!(fmt.get(k), Some(b'E' | b'O')) {
            k += 1;
        }
        let Some(&c) = fmt.get(k) else {
            out.extend_from_slice(&fmt[start..]);
            break;
        };
        k += 1;
        if !conversion(out, c, tm, pad) {
            out.extend_from_slice(&fmt[start..k]);
        }
    }
}

/// One conversion; false if `c` is none (glibc then copies it as is).
fn conversion(out: &mut Vec<u8>, c: u8, tm: &Tm, pad: Pad) -> bool {
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    let mut sub = |f: &[u8]| {
        let mut s = Vec::new();
        expand(&mut s, f, tm);
        pad.text(out, &s);
    };
    match c {
        b'a' => pad.text(out, name(&DAYS, tm.wday, true)),
        b'A' => pad.text(out, name(&DAYS, tm.wday, false)),
        b'b' | b'h' => pad.text(out, name(&MONTHS, tm.mon, true)),
        b'B' => pad.text(out, name(&MONTHS, tm.mon, false)),
        b'c' => sub(b"%a %b %e %H:%M:%S %Y"),
        b'D' | b'x' => sub(b"%m/%d/%y"),
        b'F' => sub(b"%Y-%m-%d"),
        b'r' => sub(b"%I:%M:%S %p"),
        b'R' => sub(b"%H:%M"),
        b'T' | b'X' => sub(b"%H:%M:%S"),
        b'C' => pad.number(out, tm.year.div_euclid(100), 2, b'0'),
        b'd' => pad.number(out, tm.mday, 2, b'0'),
        b'e' => pad.number(out, tm.mday, 2, b' '),
        b'g' => pad.number(out, tm.iso_week().0.rem_euclid(100), 2, b'0'),
        b'G' => pad.number(out, tm.iso_week().0, 1, b'0'),
        b'H' => pad.number(out, tm.hour, 2, b'0'),
        b'I' => pad.number(out, hour12, 2, b'0'),
        b'j' => pad.number(out, tm.yday + 1, 3, b'0'),
        b'k' => pad.number(out, tm.hour, 2, b' '),
        b'l' => pad.number(out, hour12, 2, b' '),
        b'm' => pad.number(out, tm.mon + 1, 2, b'0'),
        b'M' => pad.number(out, tm.min, 2, b'0'),
        b'n' => out.push(b'\n'),
        b't' => out.push(b'\t'),
        b'p' => pad.text(out, if tm.hour >= 12 { b"PM" } else { b"AM" }),
        b'P' => pad.text(out, if tm.hour >= 12 { b"pm" } else { b"am" }),
        b's' => pad.number(out, tm.epoch() - tm.gmtoff, 1, b'0'),
        b'S' => pad.number(out, tm.sec, 2, b'0'),
        b'u' => pad.number(out, if tm.wday == 0 { 7 } else { tm.wday }, 1, b'0'),
        b'U' => pad.number(out, (tm.yday + 7 - tm.wday) / 7, 2, b'0'),
        b'V' => pad.number(out, tm.iso_week().1, 2, b'0'),
        b'w' => pad.number(out, tm.wday, 1, b'0'),
        b'W' => pad.number(out, (tm.yday + 7 - (tm.wday + 6).rem_euclid(7)) / 7, 2, b'0'),
        b'y' => pad.number(out, tm.year.rem_euclid(100), 2, b'0'),
        b'Y' => pad.number(out, tm.year, 1, b'0'),
        b'z' => {
            let (sign, off) = if tm.gmtoff < 0 { (b'-', -tm.gmtoff) } else { (b'+', tm.gmtoff) };
            out.push(sign);
            pad.number(out, off / 3600 * 100 + off / 60 % 60, 4, b'0');
        }
        b'Z' => pad.text(out, &tm.zone),
        b'%' => out.push(b'%'),
        _ => return false,
    }
    true
}

/// `strftime(s, max, fmt, tm)`: the length written (without its NUL),
/// or 0 if it does not fit in `max` bytes.
pub(super) fn strftime(p: &mut Process, sh: &mut dyn Shared, a: &[u64]) -> LibResult {
    let fmt = p.mem.cstr(sh, a[2]).map_err(Stop::Memory)?.to_vec();
    let tm = Tm::read(p, sh, a[3])?;
    let mut out = Vec::new();
    expand(&mut out, &fmt, &tm);
    let max = a[1] as usize;
    if out.len() >= max {
        return Ok(Outcome::Value(0));
    }
    out.push(0);
    p.mem.slice_mut(sh, a[0], out.len()).map_err(Stop::Memory)?.copy_from_slice(&out);
    Ok(Outcome::Value((out.len() - 1) as u64))
}
