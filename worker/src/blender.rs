//! Blender in background mode, sandboxed, one process per run of frames.
//!
//! The agent never trusts a scene: Blender runs with `--factory-startup -Y`
//! (scripts embedded in the `.blend` — registered text blocks, driver
//! expressions, app handlers — are not executed), the render settings come
//! from the job spec through `driver.py` (never from the scene), and the
//! process runs under bubblewrap: a read-only view of `/usr` and `/etc`, the
//! scene and the driver read-only, the frame directory the only writable
//! place, a private `/tmp`, no network, its own PID/IPC/UTS namespaces, a
//! cleared environment, and killed with the agent (`--die-with-parent`). When
//! the agent runs as root, the sandbox is entered as an unprivileged user
//! (`setpriv`, default `nobody`), since root inside a user namespace still
//! owns root's files.
//!
//! `driver.py` prints `LUMEN-FRAME-START n` and `LUMEN-FRAME-DONE n path`
//! around each frame; [`Blender::run`] turns them into [`Progress`] events and
//! reports which frame was in flight when Blender died.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use lumen_sdk::render::JobSpec;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::Command;

/// The driver script Blender runs.
pub const DRIVER: &str = include_str!("driver.py");

/// Where frames are mounted inside the sandbox.
const OUT: &str = "/job/out";
const SCENE: &str = "/job/scene.blend";
const DRIVER_PATH: &str = "/job/driver.py";

/// How Blender is isolated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sandbox {
    /// bubblewrap (`bwrap`); `run_as` is the uid/gid to drop to first (when
    /// the agent is root).
    Bubblewrap {
        /// The `bwrap` binary.
        bwrap: PathBuf,
        /// `(uid, gid)` to become before entering the sandbox.
        run_as: Option<(u32, u32)>,
    },
    /// No isolation (only for machines without bubblewrap; the agent warns).
    None,
}

impl Sandbox {
    /// bubblewrap from `PATH`, dropping to `user` (a name or uid) when this
    /// process is root.
    pub fn bubblewrap(user: &str) -> Result<Self, BlenderError> {
        let bwrap = which("bwrap").ok_or(BlenderError::Missing {
            program: "bwrap",
            hint: "install bubblewrap (scripts/setup.sh; Debian package `bubblewrap`)",
        })?;
        let run_as = if is_root() {
            Some(lookup_user(user)?)
        } else {
            None
        };
        Ok(Sandbox::Bubblewrap { bwrap, run_as })
    }

    /// The user the sandbox runs as, when it drops privileges.
    pub fn run_as(&self) -> Option<(u32, u32)> {
        match self {
            Sandbox::Bubblewrap { run_as, .. } => *run_as,
            Sandbox::None => None,
        }
    }

    /// The command that runs `program args…` in the sandbox, with `scene`,
    /// `driver` and `out` mounted at `/job/…` (`None` leaves them out).
    pub fn command(
        &self,
        program: &Path,
        args: &[String],
        scene: Option<&Path>,
        driver: Option<&Path>,
        out: &Path,
    ) -> Command {
        match self {
            Sandbox::None => {
                // Killed with the agent all the same.
                let mut c = Command::new("setpriv");
                c.arg("--pdeathsig")
                    .arg("KILL")
                    .arg("--")
                    .arg(program)
                    .args(args);
                c.current_dir(out);
                c
            }
            Sandbox::Bubblewrap { bwrap, run_as } => {
                let mut c = match run_as {
                    Some((uid, gid)) => {
                        let mut c = Command::new("setpriv");
                        c.arg(format!("--reuid={uid}"))
                            .arg(format!("--regid={gid}"))
                            .arg("--clear-groups")
                            .arg("--inh-caps=-all")
                            .arg("--")
                            .arg(bwrap);
                        c
                    }
                    None => Command::new(bwrap),
                };
                c.args([
                    "--unshare-all",
                    "--die-with-parent",
                    "--new-session",
                    "--clearenv",
                ]);
                c.args(["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]);
                for (link, target) in [
                    ("/bin", "usr/bin"),
                    ("/sbin", "usr/sbin"),
                    ("/lib", "usr/lib"),
                    ("/lib64", "usr/lib64"),
                ] {
                    if Path::new(link).is_symlink() {
                        c.args(["--symlink", target, link]);
                    } else if Path::new(link).exists() {
                        c.args(["--ro-bind", link, link]);
                    }
                }
                c.args(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
                // A GPU, when there is one, is reachable; nothing else in /dev.
                for dev in gpu_devices() {
                    c.arg("--dev-bind").arg(&dev).arg(&dev);
                }
                if !program.starts_with("/usr") {
                    c.arg("--ro-bind").arg(program).arg(program);
                }
                if let Some(s) = scene {
                    c.arg("--ro-bind").arg(s).arg(SCENE);
                }
                if let Some(d) = driver {
                    c.arg("--ro-bind").arg(d).arg(DRIVER_PATH);
                }
                c.arg("--bind").arg(out).arg(OUT);
                c.args([
                    "--setenv",
                    "HOME",
                    "/tmp",
                    "--setenv",
                    "PATH",
                    "/usr/bin:/bin",
                ]);
                c.args(["--chdir", "/tmp", "--"]).arg(program).args(args);
                c
            }
        }
    }
}

fn gpu_devices() -> Vec<PathBuf> {
    let mut out = vec![];
    for dir in ["/dev/dri"] {
        if Path::new(dir).exists() {
            out.push(PathBuf::from(dir));
        }
    }
    if let Ok(rd) = std::fs::read_dir("/dev") {
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with("nvidia") || name == "kfd" {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|e| e == "0"))
        })
        .unwrap_or(false)
}

/// `(uid, gid)` of a user name or numeric uid, from `/etc/passwd`.
fn lookup_user(user: &str) -> Result<(u32, u32), BlenderError> {
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    for line in passwd.lines() {
        let f: Vec<&str> = line.split(':').collect();
        if f.len() > 3 && (f[0] == user || f[2] == user) {
            if let (Ok(u), Ok(g)) = (f[2].parse(), f[3].parse()) {
                return Ok((u, g));
            }
        }
    }
    match user.parse::<u32>() {
        Ok(uid) if uid != 0 => Ok((uid, uid)),
        _ => Err(BlenderError::User(user.to_string())),
    }
}

/// Blender could not be run.
#[derive(Debug, thiserror::Error)]
pub enum BlenderError {
    /// A program is not installed.
    #[error("{program} not found: {hint}")]
    Missing {
        /// The program.
        program: &'static str,
        /// How to get it.
        hint: &'static str,
    },
    /// The sandbox user does not exist.
    #[error("sandbox user {0:?} not found (and not a non-zero uid); pass --sandbox-user")]
    User(String),
    /// The sandbox user cannot reach the agent's files.
    #[error("the sandbox user (uid {uid}) cannot reach {path}: {dir} is not searchable by it; chmod o+x {dir} or use a --state-dir it can reach")]
    Unreachable {
        /// The file.
        path: PathBuf,
        /// The directory in the way.
        dir: PathBuf,
        /// The sandbox user.
        uid: u32,
    },
    /// Spawning or reading the process failed.
    #[error("running blender: {0}")]
    Io(#[from] std::io::Error),
}

/// Render on the GPU when Blender finds one, or always on the CPU.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Device {
    /// The GPU when present (OptiX, CUDA, HIP, oneAPI, Metal), else the CPU.
    Auto,
    /// The CPU.
    Cpu,
}

/// How to run Blender.
#[derive(Clone, Debug)]
pub struct Blender {
    /// The `blender` binary.
    pub program: PathBuf,
    /// The isolation.
    pub sandbox: Sandbox,
    /// GPU or CPU.
    pub device: Device,
    /// A frame taking longer than this is treated as a crash.
    pub frame_timeout: Duration,
}

/// What a run reports as it goes.
#[derive(Clone, Debug, PartialEq)]
pub enum Progress {
    /// The device Blender renders on (`CPU` or `GPU <backend> <names>`).
    Device(String),
    /// A frame started.
    Started(u64),
    /// A frame's file is written.
    Done {
        /// The frame.
        frame: u64,
        /// The file (outside the sandbox).
        path: PathBuf,
        /// Seconds it took.
        secs: f64,
    },
}

/// Whether to go on after a progress event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// Go on.
    Continue,
    /// Kill Blender now (e.g. the deadline cannot be met).
    Stop,
}

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    /// Frames finished in this run, in order.
    pub done: Vec<u64>,
    /// The frame in flight when Blender died or was stopped.
    pub in_flight: Option<u64>,
    /// Whether Blender exited cleanly after every frame.
    pub completed: bool,
    /// Whether the caller stopped it.
    pub stopped: bool,
    /// How it exited, in words.
    pub exit: String,
    /// The last lines of Blender's output, for the log.
    pub tail: String,
}

impl Blender {
    /// Checks that `program` exists.
    pub fn new(program: &Path, sandbox: Sandbox, device: Device) -> Result<Self, BlenderError> {
        let program = if program.components().count() == 1 {
            which(&program.to_string_lossy()).ok_or(BlenderError::Missing {
                program: "blender",
                hint: "install blender (scripts/setup.sh; Debian package `blender`) or pass --blender",
            })?
        } else {
            program.to_path_buf()
        };
        Ok(Self {
            program,
            sandbox,
            device,
            frame_timeout: Duration::from_secs(3600),
        })
    }

    /// Blender's arguments for rendering `frames` of `spec`, with the scene,
    /// driver and frame directory as Blender sees them.
    fn args(
        &self,
        spec: &JobSpec,
        frames: &[u64],
        scene: String,
        driver: String,
        out: String,
    ) -> Vec<String> {
        let frames = frames
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let device = match self.device {
            Device::Auto => "auto",
            Device::Cpu => "cpu",
        };
        vec![
            "-b".into(),
            "--factory-startup".into(),
            "-noaudio".into(),
            // Never run scripts a .blend carries.
            "-Y".into(),
            "--python-exit-code".into(),
            "3".into(),
            scene,
            "--python".into(),
            driver,
            "--".into(),
            out,
            frames,
            spec.resolution_x.to_string(),
            spec.resolution_y.to_string(),
            spec.samples.to_string(),
            device.into(),
        ]
    }

    /// Renders `frames` of `scene` into `out` (which must exist and, with a
    /// privilege drop, be writable by the sandbox user), calling `on` for
    /// every event; `Control::Stop` kills Blender.
    pub async fn run(
        &self,
        spec: &JobSpec,
        scene: &Path,
        driver: &Path,
        out: &Path,
        frames: &[u64],
        mut on: impl FnMut(Progress) -> Control,
    ) -> Result<Outcome, BlenderError> {
        let sandboxed = matches!(self.sandbox, Sandbox::Bubblewrap { .. });
        let place = |p: &Path, inside: &str| {
            if sandboxed {
                inside.to_string()
            } else {
                p.display().to_string()
            }
        };
        let args = self.args(
            spec,
            frames,
            place(scene, SCENE),
            place(driver, DRIVER_PATH),
            place(out, OUT),
        );
        let mut cmd = self
            .sandbox
            .command(&self.program, &args, Some(scene), Some(driver), out);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        let mut child = cmd.spawn()?;
        let stdout = child.stdout.take().expect("piped");
        let mut stderr = child.stderr.take().expect("piped");
        let err_task = tokio::spawn(async move {
            let mut buf = Vec::new();
            let _ = stderr.read_to_end(&mut buf).await;
            buf
        });
        let mut lines = BufReader::new(stdout).lines();
        let mut tail: Vec<String> = Vec::new();
        let mut done = Vec::new();
        let mut in_flight: Option<(u64, Instant)> = None;
        let mut stopped = false;
        loop {
            let line = match tokio::time::timeout(self.frame_timeout, lines.next_line()).await {
                Ok(Ok(Some(l))) => l,
                Ok(Ok(None)) => break,
                Ok(Err(e)) => return Err(e.into()),
                Err(_) => {
                    tail.push(format!(
                        "(no output for {:?}: the frame timed out)",
                        self.frame_timeout
                    ));
                    let _ = child.start_kill();
                    break;
                }
            };
            let event = parse_line(&line, out, &in_flight);
            if event.is_none() {
                if !line.starts_with("Fra:") {
                    tail.push(line);
                    if tail.len() > 40 {
                        tail.remove(0);
                    }
                }
                continue;
            }
            let event = event.expect("checked");
            match &event {
                Progress::Started(f) => in_flight = Some((*f, Instant::now())),
                Progress::Done { frame, .. } => {
                    done.push(*frame);
                    in_flight = None;
                }
                Progress::Device(_) => {}
            }
            if on(event) == Control::Stop {
                stopped = true;
                let _ = child.start_kill();
                break;
            }
        }
        let status = child.wait().await?;
        let err = err_task.await.unwrap_or_default();
        let err_text = String::from_utf8_lossy(&err);
        for l in err_text
            .lines()
            .rev()
            .take(20)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            tail.push(l.to_string());
        }
        let all = done.len() == frames.len();
        Ok(Outcome {
            completed: all && status.success() && !stopped,
            in_flight: if all {
                None
            } else {
                in_flight
                    .map(|(f, _)| f)
                    .or_else(|| frames.get(done.len()).copied())
            },
            done,
            stopped,
            exit: describe(&status),
            tail: tail.join("\n"),
        })
    }
}

fn parse_line(line: &str, out: &Path, in_flight: &Option<(u64, Instant)>) -> Option<Progress> {
    if let Some(rest) = line.strip_prefix("LUMEN-DEVICE ") {
        return Some(Progress::Device(rest.trim().to_string()));
    }
    if let Some(rest) = line.strip_prefix("LUMEN-FRAME-START ") {
        return rest.trim().parse().ok().map(Progress::Started);
    }
    let rest = line.strip_prefix("LUMEN-FRAME-DONE ")?;
    let frame: u64 = rest.split_whitespace().next()?.parse().ok()?;
    let secs = in_flight
        .filter(|(f, _)| *f == frame)
        .map_or(0.0, |(_, at)| at.elapsed().as_secs_f64());
    Some(Progress::Done {
        frame,
        path: out.join(frame_file(frame)),
        secs,
    })
}

/// The file name of a frame.
pub fn frame_file(frame: u64) -> String {
    format!("frame_{frame:07}.png")
}

fn describe(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(0), _) => "exited normally".into(),
        (Some(3), _) => "the render script failed (exit 3)".into(),
        (Some(c), _) => format!("exited with status {c}"),
        (None, Some(s)) => format!("killed by signal {s}"),
        _ => "ended".into(),
    }
}

/// Checks that user `uid`/`gid` can reach `path` (every directory above it
/// searchable by that user), so a sandbox entered as that user can mount it.
pub fn check_reachable(path: &Path, uid: u32, gid: u32) -> Result<(), BlenderError> {
    use std::os::unix::fs::MetadataExt;
    let abs = std::fs::canonicalize(path)?;
    for dir in abs.ancestors().skip(1) {
        let m = std::fs::metadata(dir)?;
        let mode = m.mode();
        let ok = (m.uid() == uid && mode & 0o100 != 0)
            || (m.gid() == gid && mode & 0o010 != 0)
            || mode & 0o001 != 0;
        if !ok {
            return Err(BlenderError::Unreachable {
                path: abs.clone(),
                dir: dir.to_path_buf(),
                uid,
            });
        }
    }
    Ok(())
}
