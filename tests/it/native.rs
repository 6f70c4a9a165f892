//! Compiling and running C natively with `cc`, and running it under the
//! simulator, so tests can compare the two.

use sim::explore::{self, random::Random};
use sim::interp::{ProcessOptions, StdoutMode};
use sim::kernel::{Config, Limits, TimeMode};
use sim::outcome::ExitStatus;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: ExitStatus,
}

/// A scratch directory for binaries, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("ipcsim-test-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The program name a test uses for `argv[0]` in both worlds.
pub fn stem(file: &Path) -> String {
    file.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Compiles with `cc -Wall -lrt -pthread` and runs with stdout on a pipe.
pub fn run_native(file: &Path, dir: &Path) -> Result<Observed, String> {
    let bin = dir.join(stem(file));
    let cc = Command::new("cc")
        .args(["-Wall", "-o"])
        .arg(&bin)
        .arg(file)
        .args(["-lrt", "-pthread"])
        .output()
        .map_err(|e| format!("cannot run cc: {e}"))?;
    if !cc.status.success() {
        return Err(format!("cc failed on {}:\n{}", file.display(), String::from_utf8_lossy(&cc.stderr)));
    }
    let out =
        Command::new(&bin).arg0(stem(file)).stdin(Stdio::null()).output().map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let status = match (out.status.code(), out.status.signal()) {
        (Some(c), _) => ExitStatus::Code(c),
        (None, Some(s)) => ExitStatus::Signal(s),
        _ => return Err("no exit status".into()),
    };
    Ok(Observed { stdout: out.stdout, stderr: out.stderr, status })
}

/// Compiles and runs under the simulator with stdout as a pipe.
pub fn run_sim(file: &Path) -> Result<Observed, String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let name = file.display().to_string();
    let prog = sim::lang::compile(&name, &text, &sim::lang::fs_loader)
        .map_err(|e| sim::diag::render::to_text(&e.sources, &e.diagnostics, false))?;
    let r = explore::run(&prog, &config(file, TimeMode::Strict), &mut Random::new(0), false);
    let status = r.outcome.main_status().ok_or("the first process never ended")?;
    Ok(Observed { stdout: r.outcome.stream(1), stderr: r.outcome.stream(2), status })
}

/// The `.c` files of a directory, sorted.
pub fn c_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    v.sort();
    v
}

/// Runs `check` over files on two threads, collecting failure messages.
pub fn par_check(files: &[PathBuf], check: impl Fn(&Path) -> Result<(), String> + Sync) -> Vec<String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let fails = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(f) = files.get(i) else { break };
                if let Err(e) = check(f) {
                    fails.lock().unwrap().push(format!("{}: {e}", f.display()));
                }
            });
        }
    });
    let mut v = fails.into_inner().unwrap();
    v.sort();
    v
}

/// Shows two byte strings side by side for a failure message.
pub fn show(label: &str, native: &[u8], sim: &[u8]) -> String {
    format!("{label} differs:\n--- native\n{}\n--- ipcsim\n{}", String::from_utf8_lossy(native), String::from_utf8_lossy(sim))
}

/// The configuration the tests run programs with.
pub fn config(file: &Path, time: TimeMode) -> Config {
    Config { limits: Limits::default(), time, process: ProcessOptions { stdout: StdoutMode::Pipe, argv: vec![stem(file)] } }
}
