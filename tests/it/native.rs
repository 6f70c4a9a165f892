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
    run_native_timeout(file, dir, 60)?.ok_or_else(|| "hung natively".to_string())
}

/// Like [`run_native`], but a run still going after `secs` seconds is
/// killed with its whole process group and reported as `None` (hung).
pub fn run_native_timeout(file: &Path, dir: &Path, secs: u64) -> Result<Option<Observed>, String> {
    let bin = dir.join(stem(file));
    let cc = Command::new("cc")
        .args(["-Wall", "-o"])
        .arg(&bin)
        .arg(file)
        .args(["-lrt", "-pthread", "-lm"])
        // The native ipcsim.h (mailboxes and links) of programs that use it.
        .arg(concat!("-I", env!("CARGO_MANIFEST_DIR"), "/include"))
        .output()
        .map_err(|e| format!("cannot run cc: {e}"))?;
    if !cc.status.success() {
        return Err(format!("cc failed on {}:\n{}", file.display(), String::from_utf8_lossy(&cc.stderr)));
    }
    let out_path = dir.join(format!("{}.out", stem(file)));
    let err_path = dir.join(format!("{}.err", stem(file)));
    let mut child = Command::new(&bin);
    child
        .arg0(stem(file))
        // Socket paths a program makes land in the scratch directory.
        .current_dir(dir)
        // The simulator's environment, whatever the test's own: the
        // utilities a program execs sort and match as in the C locale, as
        // the simulator's do.
        .env_clear()
        .envs(environment().iter().filter_map(|e| e.split_once('=')))
        .stdin(match stdin_file(file) {
            Some(f) => Stdio::from(std::fs::File::open(f).map_err(|e| e.to_string())?),
            None => Stdio::null(),
        })
        .stdout(std::fs::File::create(&out_path).map_err(|e| e.to_string())?)
        .stderr(std::fs::File::create(&err_path).map_err(|e| e.to_string())?)
        .process_group(0);
    // SAFETY: the hook only makes system calls (no allocation, no locks).
    unsafe {
        // Its own network namespace where the kernel allows it, so that
        // scenario ports never meet the host's or a parallel test's.
        child.pre_exec(|| {
            real::worker::own_network();
            Ok(())
        })
    };
    let mut child = child.spawn().map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let pgid = child.id() as i32;
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed().as_secs() >= secs {
            // The test harness, not the simulation: real time is fine here.
            // SAFETY: kill(2) on our own process group has no memory effects.
            unsafe { libc::kill(-pgid, libc::SIGKILL) };
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    // Children may outlive the parent (a spinning orphan): end the group.
    // SAFETY: as above.
    unsafe { libc::kill(-pgid, libc::SIGKILL) };
    let status = match (status.code(), status.signal()) {
        (Some(c), _) => ExitStatus::Code(c),
        (None, Some(s)) => ExitStatus::Signal(s),
        _ => return Err("no exit status".into()),
    };
    let stdout = std::fs::read(&out_path).unwrap_or_default();
    let stderr = std::fs::read(&err_path).unwrap_or_default();
    Ok(Some(Observed { stdout, stderr, status }))
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
/// A program's standard input: the file beside it named `NAME.stdin`.
pub fn stdin_file(file: &Path) -> Option<PathBuf> {
    Some(file.with_extension("stdin")).filter(|p| p.exists())
}

/// The environment of a differential program, natively and simulated:
/// ipcsim's default and the C locale.
pub fn environment() -> Vec<String> {
    sim::abi::DEFAULT_ENV.iter().map(|s| s.to_string()).chain(["LC_ALL=C".to_string()]).collect()
}

pub fn config(file: &Path, time: TimeMode) -> Config {
    Config {
        limits: Limits::default(),
        time,
        process: ProcessOptions { stdout: StdoutMode::Pipe, argv: vec![stem(file)], env: environment() },
        stdin: stdin_file(file).map(|f| std::fs::read(f).expect("readable stdin file")).unwrap_or_default(),
        files: Vec::new(),
        faults: Default::default(),
        memory: Default::default(),
    }
}
