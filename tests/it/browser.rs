//! Helpers of the tests that open pages in headless Chromium and read
//! screenshots back with OCR.

/// A tool the browser test needs, or why the test cannot run: `.ci/run`
/// installs them and sets `IPCSIM_REQUIRE_BROWSER`, so in CI a missing
/// one fails the test; elsewhere it is skipped, saying so.
pub fn needs(tool: &str) -> bool {
    let found = std::process::Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(std::env::var_os("IPCSIM_REQUIRE_BROWSER").is_none(), "{tool} is needed (apt-get install chromium tesseract-ocr)");
        eprintln!("skipped: {tool} is not installed (.ci/run installs it)");
    }
    found
}

/// A command that must end within a minute (its output read as it
/// comes: a page's DOM is more than a pipe holds).
pub fn run_bounded(cmd: &mut std::process::Command) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            let _ = r.read_to_end(&mut v);
            v
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    for _ in 0..600 {
        if let Some(status) = child.try_wait().unwrap() {
            return std::process::Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() };
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.kill().unwrap();
    panic!("{cmd:?} took over a minute");
}

/// Chromium, headless and offline, on `page`: `--dump-dom` (the DOM
/// after rendering) when `shot` is `None`, else a screenshot into it.
pub fn chromium(page: &std::path::Path, profile: &std::path::Path, shot: Option<&std::path::Path>, size: &str) -> std::process::Output {
    let mut cmd = std::process::Command::new("chromium");
    cmd.args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"])
        .args(["--disable-component-update", "--disable-sync", "--hide-scrollbars"])
        .arg(format!("--window-size={size}"))
        .arg(format!("--user-data-dir={}", profile.display()));
    match shot {
        Some(s) => cmd.arg(format!("--screenshot={}", s.display())),
        None => cmd.arg("--dump-dom"),
    };
    run_bounded(cmd.arg(format!("file://{}", page.display())))
}

/// The text tesseract reads in a PNG.
pub fn ocr(png: &std::path::Path) -> String {
    let out = run_bounded(std::process::Command::new("tesseract").arg(png).arg("stdout").env("OMP_THREAD_LIMIT", "1"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
