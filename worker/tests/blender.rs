//! Real Blender, really sandboxed (bubblewrap; as root, entered as `nobody`),
//! on scenes generated at run time by `scenes/make_scene.py`: frames come
//! out, an auto-run script inside a scene never runs, the sandbox holds, and
//! a frame Blender dies on is reported as the one in flight.

mod scenes;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use lumen_sdk::render::{content_hash, Engine, JobSpec, OutputFormat};
use lumen_worker::blender::{frame_file, Blender, Control, Device, Progress, Sandbox, DRIVER};
use scenes::{autorun_scene, crashing_blender, make_scene, open_dir};

fn spec(scene: &Path, frames: u64) -> JobSpec {
    let bytes = std::fs::read(scene).unwrap();
    JobSpec {
        version: JobSpec::VERSION,
        scene_hash: content_hash(&bytes),
        scene_size: bytes.len() as u64,
        frame_start: 1,
        frame_end: frames,
        engine: Engine::Cycles,
        resolution_x: 32,
        resolution_y: 32,
        samples: 2,
        output_format: OutputFormat::Png,
    }
}

struct Setup {
    dir: tempfile::TempDir,
    blender: Blender,
    driver: PathBuf,
    out: PathBuf,
}

fn setup(program: Option<&Path>) -> Setup {
    let dir = open_dir();
    let sandbox = Sandbox::bubblewrap("nobody").expect("bubblewrap (scripts/setup.sh installs it)");
    let blender = Blender::new(
        program.unwrap_or(Path::new("blender")),
        sandbox,
        Device::Cpu,
    )
    .unwrap();
    let driver = dir.path().join("driver.py");
    std::fs::write(&driver, DRIVER).unwrap();
    std::fs::set_permissions(&driver, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = dir.path().join("frames");
    std::fs::create_dir(&out).unwrap();
    if let Some((uid, gid)) = blender.sandbox.run_as() {
        std::os::unix::fs::chown(&out, Some(uid), Some(gid)).unwrap();
    }
    Setup {
        dir,
        blender,
        driver,
        out,
    }
}

/// Mean red, green and blue of an 8-bit RGBA PNG.
fn mean_rgb(path: &Path) -> [f64; 3] {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "the driver writes RGBA"
    );
    let px = &buf[..info.buffer_size()];
    let n = (px.len() / 4) as f64;
    let mut sum = [0f64; 3];
    for p in px.chunks(4) {
        for c in 0..3 {
            sum[c] += f64::from(p[c]);
        }
    }
    sum.map(|s| s / n)
}

#[tokio::test]
async fn renders_every_frame_in_the_sandbox() {
    let s = setup(None);
    let scene = make_scene(s.dir.path(), "scene.blend", &["--frames", "3"]);
    let spec = spec(&scene, 3);
    let mut events = vec![];
    let outcome = s
        .blender
        .run(&spec, &scene, &s.driver, &s.out, &[1, 2, 3], |p| {
            events.push(p);
            Control::Continue
        })
        .await
        .unwrap();
    assert!(outcome.completed, "{}: {}", outcome.exit, outcome.tail);
    assert_eq!(outcome.done, vec![1, 2, 3]);
    assert!(
        matches!(&events[0], Progress::Device(d) if d == "CPU"),
        "{events:?}"
    );
    let hashes: Vec<_> = (1..=3)
        .map(|f| content_hash(&std::fs::read(s.out.join(frame_file(f))).unwrap()))
        .collect();
    // The ball moves: every frame differs.
    assert_ne!(hashes[0], hashes[1]);
    assert_ne!(hashes[1], hashes[2]);
    // The job's resolution, not the scene's 64×64.
    let d = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(s.out.join(frame_file(2))).unwrap(),
    ));
    let r = d.read_info().unwrap();
    assert_eq!((r.info().width, r.info().height), (32, 32));
    // Written by the sandbox user, not by root.
    if let Some((uid, _)) = s.blender.sandbox.run_as() {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            std::fs::metadata(s.out.join(frame_file(1))).unwrap().uid(),
            uid
        );
    }
}

#[tokio::test]
async fn a_scene_with_an_auto_run_script_does_not_run_it() {
    let s = setup(None);
    let marker = s.dir.path().join("MARKER");
    let scene = autorun_scene(s.dir.path(), "evil.blend", 1, &marker);
    let clean = make_scene(s.dir.path(), "clean.blend", &["--frames", "1"]);

    // The script is live: Blender with auto-execution on (and no sandbox) runs it.
    let control = Command::new("blender")
        .args(["-b", "-y"])
        .arg(&scene)
        .args(["--python-expr", "import bpy"])
        .output()
        .unwrap();
    assert!(control.status.success());
    assert!(
        marker.exists(),
        "the control run should have executed the embedded script"
    );
    std::fs::remove_file(&marker).unwrap();

    let out = s
        .blender
        .run(&spec(&scene, 1), &scene, &s.driver, &s.out, &[1], |_| {
            Control::Continue
        })
        .await
        .unwrap();
    assert!(out.completed, "{}: {}", out.exit, out.tail);
    assert!(
        !marker.exists(),
        "the agent's render ran the scene's script"
    );
    assert!(
        !s.out.join("AUTORUN").exists(),
        "the script ran inside the sandbox"
    );
    let evil = mean_rgb(&s.out.join(frame_file(1)));
    // The script would have made the sky a blinding red.
    assert!(evil[0] < 2.0 * evil[2], "frame looks red: {evil:?}");
    std::fs::rename(s.out.join(frame_file(1)), s.dir.path().join("evil.png")).unwrap();
    let out = s
        .blender
        .run(&spec(&clean, 1), &clean, &s.driver, &s.out, &[1], |_| {
            Control::Continue
        })
        .await
        .unwrap();
    assert!(out.completed);
    let clean_rgb = mean_rgb(&s.out.join(frame_file(1)));
    for c in 0..3 {
        assert!(
            (evil[c] - clean_rgb[c]).abs() < 40.0,
            "{evil:?} vs {clean_rgb:?}"
        );
    }
}

#[tokio::test]
async fn the_sandbox_holds() {
    let s = setup(None);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::fs::write(s.dir.path().join("secret"), "host file").unwrap();
    let probe = format!(
        "import os, socket\n\
         print('uid', os.getuid())\n\
         for p in ('/usr/lumen-probe', '/etc/lumen-probe', '{home}/lumen-probe'):\n\
         \x20   try:\n\
         \x20       open(p, 'w').write('x'); print('wrote', p)\n\
         \x20   except OSError:\n\
         \x20       print('readonly', p)\n\
         try:\n\
         \x20   socket.create_connection(('127.0.0.1', {port}), timeout=2); print('net open')\n\
         except OSError:\n\
         \x20   print('net closed')\n\
         print('secret', os.path.exists('{secret}'))\n\
         open('/job/out/ok', 'w').write('ok')\n",
        home = s.dir.path().display(),
        secret = s.dir.path().join("secret").display(),
    );
    let script = s.dir.path().join("probe.py");
    std::fs::write(&script, probe).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = s
        .blender
        .sandbox
        .command(
            Path::new("/usr/bin/python3"),
            &["/job/driver.py".into()],
            None,
            Some(&script),
            &s.out,
        )
        .output()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!text.contains("uid 0"), "{text}");
    assert!(!text.contains("wrote"), "{text}");
    assert!(text.contains("net closed"), "{text}");
    assert!(text.contains("secret False"), "{text}");
    assert!(s.out.join("ok").exists(), "the frame directory is writable");
}

#[tokio::test]
async fn a_crash_names_the_frame_in_flight() {
    // Real Blender, killed with SIGSEGV when it starts frame 2.
    let dir = open_dir();
    let wrapper = crashing_blender(&dir.path().join("crashing-blender"), "", "");
    let mut s = setup(Some(&wrapper));
    s.blender.frame_timeout = Duration::from_secs(120);
    let scene = make_scene(dir.path(), "scene.blend", &["--frames", "3"]);
    let out = s
        .blender
        .run(
            &spec(&scene, 3),
            &scene,
            &s.driver,
            &s.out,
            &[1, 2, 3],
            |_| Control::Continue,
        )
        .await
        .unwrap();
    assert!(!out.completed);
    assert_eq!(out.done, vec![1]);
    assert_eq!(out.in_flight, Some(2));
    assert!(
        out.exit.contains("signal") || out.exit.contains("139"),
        "{}",
        out.exit
    );
}
