//! Text made safe for the HTML pages and SVG pictures ipcsim writes
//! (grade reports, timelines): one escaping for both.

/// Text escaped for HTML and XML (control characters other than tab and
/// newline, which XML forbids, become U+FFFD).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
