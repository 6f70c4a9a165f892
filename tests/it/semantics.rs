//! SEMANTICS.md maps every row of the measured-semantics tables, and
//! every call of LANGUAGE.md, to the test that pins it or to the reason it
//! is out of scope. This test reads every table with a `pinned by` column
//! and fails on a row whose cell is empty, cites a test that does not
//! exist, or says `out of scope:` without a reason.

use std::path::Path;

/// The cells of a table line, split at the `|` that are not escaped as `\|`.
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        if escaped {
            cur.push(c);
            escaped = false;
        } else if c == '\\' {
            cur.push(c);
            escaped = true;
        } else if c == '|' {
            out.push(cur.trim().to_string());
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    out.push(cur.trim().to_string());
    out
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Whether `file` (relative to the crate) declares `fn name(`.
fn declares(root: &Path, file: &str, name: &str) -> bool {
    std::fs::read_to_string(root.join(file))
        .is_ok_and(|text| text.contains(&format!("fn {name}(")) || text.contains(&format!("fn {name}<")))
}

fn is_ident(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Checks one reference; `Err` says what is wrong with it.
fn check_reference(root: &Path, r: &str) -> Result<(), String> {
    if let Some(rest) = r.strip_prefix("tests/diff/") {
        if !rest.ends_with(".c") || rest.contains('/') {
            return Err(format!("`{r}` is not a differential program's path"));
        }
        if !root.join(r).is_file() {
            return Err(format!("`{r}` does not exist"));
        }
        return Ok(());
    }
    let parts: Vec<&str> = r.split("::").collect();
    if parts.iter().any(|p| !is_ident(p)) {
        return Err(format!("`{r}` is neither a tests/diff path, an it:: or sim:: test, nor `out of scope: <reason>`"));
    }
    match parts.as_slice() {
        ["it", module, test] => {
            let file = format!("tests/it/{module}.rs");
            if declares(root, &file, test) {
                Ok(())
            } else {
                Err(format!("`{r}`: no `fn {test}` in {file}"))
            }
        }
        ["sim", path @ .., test] if !path.is_empty() => {
            let file = format!("sim/src/{}.rs", path.join("/"));
            if declares(root, &file, test) {
                Ok(())
            } else {
                Err(format!("`{r}`: no `fn {test}` in {file}"))
            }
        }
        _ => Err(format!("`{r}` is neither a tests/diff path, an it::MODULE::TEST or sim::PATH::TEST test, nor `out of scope: <reason>`")),
    }
}

/// Checks one `pinned by` cell.
fn check_cell(root: &Path, cell: &str) -> Vec<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return vec!["nothing pins it (empty `pinned by`)".to_string()];
    }
    let mut problems = Vec::new();
    let mut rest = cell;
    loop {
        if let Some(reason) = rest.strip_prefix("out of scope:") {
            // The reason is the rest of the cell (it may contain commas).
            if reason.trim().is_empty() {
                problems.push("`out of scope:` without a reason".to_string());
            }
            break;
        }
        let (item, next) = match rest.find(", ") {
            Some(i) => (&rest[..i], Some(&rest[i + 2..])),
            None => (rest, None),
        };
        let item = item.trim().trim_matches('`');
        if item.is_empty() {
            problems.push("an empty reference".to_string());
        } else if let Err(e) = check_reference(root, item) {
            problems.push(e);
        }
        match next {
            Some(n) => rest = n.trim_start(),
            None => break,
        }
    }
    problems
}

#[test]
fn every_measured_row_and_call_is_pinned_or_out_of_scope() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("SEMANTICS.md")).expect("SEMANTICS.md at the repository's root");
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut tables = 0;
    // The index of the `pinned by` column of the table being read, if any.
    let mut pinned: Option<usize> = None;
    let mut in_table = false;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if !t.starts_with('|') {
            in_table = false;
            pinned = None;
            continue;
        }
        if !in_table {
            // A table's first line is its header.
            in_table = true;
            let head = cells(t);
            pinned = head.iter().position(|h| h.eq_ignore_ascii_case("pinned by"));
            if pinned.is_some() {
                tables += 1;
            }
            continue;
        }
        if is_separator(t) {
            continue;
        }
        let Some(col) = pinned else { continue };
        rows += 1;
        let c = cells(t);
        let what = c.first().cloned().unwrap_or_default();
        // A row with fewer cells than the header has an empty `pinned by`.
        let cell = if c.len() > col { c[c.len() - 1].clone() } else { String::new() };
        for p in check_cell(root, &cell) {
            failures.push(format!("SEMANTICS.md:{}: {}: {}", n + 1, what, p));
        }
    }
    assert!(tables >= 10, "SEMANTICS.md has only {tables} tables with a `pinned by` column");
    assert!(rows >= 200, "SEMANTICS.md has only {rows} rows with a `pinned by` column");
    assert!(failures.is_empty(), "{} of {rows} rows are neither pinned nor out of scope:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_cell_is_checked_reference_by_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(check_cell(root, "tests/diff/148_semaphores.c").is_empty());
    assert!(check_cell(root, "out of scope: needs poll, select, or setsockopt").is_empty());
    assert!(check_cell(root, "it::semantics::every_measured_row_and_call_is_pinned_or_out_of_scope").is_empty());
    assert_eq!(check_cell(root, "").len(), 1);
    assert_eq!(check_cell(root, "out of scope:  ").len(), 1);
    assert_eq!(check_cell(root, "tests/diff/999_missing.c").len(), 1);
    assert_eq!(check_cell(root, "it::semantics::no_such_test, tests/diff/148_semaphores.c").len(), 1);
    assert_eq!(check_cell(root, "sim::ipc::socket::no_such_test").len(), 1);
    assert_eq!(check_cell(root, "a test somewhere").len(), 1);
    assert_eq!(cells("| a `x\\|y` | b |"), vec!["a `x\\|y`".to_string(), "b".to_string()]);
}
