//! Exact decimal expansion of a double's binary value (`m × 2^e` as
//! digits), shared by printf's floating conversions and strtod's exact
//! comparisons: one big natural number in base 10^9.

/// A natural number in base 10^9, least significant limb first: enough
/// for `m × 2^971` and `m × 5^1074`, the extremes of a double.
pub struct Big(Vec<u64>);

const LIMB: u64 = 1_000_000_000;

impl Big {
    /// `m` itself.
    pub fn from(mut m: u64) -> Big {
        let mut limbs = Vec::new();
        while m > 0 {
            limbs.push(m % LIMB);
            m /= LIMB;
        }
        Big(limbs)
    }

    /// Multiplies by `base^n`, `step` powers at a time (`base^step` must
    /// stay below 2^32 so a limb product fits in 64 bits).
    pub fn mul_pow(&mut self, base: u64, step: u32, mut n: u32) {
        while n > 0 {
            let k = n.min(step);
            self.mul_small(base.pow(k));
            n -= k;
        }
    }

    fn mul_small(&mut self, k: u64) {
        let mut carry = 0;
        for limb in &mut self.0 {
            let t = *limb * k + carry;
            *limb = t % LIMB;
            carry = t / LIMB;
        }
        while carry > 0 {
            self.0.push(carry % LIMB);
            carry /= LIMB;
        }
    }

    /// ASCII digits, most significant first, no leading zeros.
    pub fn to_decimal(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.0.len() * 9);
        for (i, limb) in self.0.iter().rev().enumerate() {
            let text = if i == 0 { limb.to_string() } else { format!("{limb:09}") };
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}
