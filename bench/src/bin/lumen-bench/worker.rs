//! The worker agent's overhead over bare `blender -b` on the same frames.

#[allow(unused_imports)]
use super::*;

/// The scene generator the tests and the demo use.
const MAKE_SCENE: &str = include_str!("../../../../worker/scenes/make_scene.py");

/// Render settings both sides apply: the ones `lumen-worker`'s driver sets
/// from a job spec (Cycles on the CPU, no denoising, PNG RGBA 8-bit).
fn settings_expr(width: u32, height: u32, samples: u32) -> String {
    format!(
        "import bpy\n\
         s = bpy.context.scene\n\
         s.render.engine = 'CYCLES'\n\
         s.cycles.device = 'CPU'\n\
         s.cycles.samples = {samples}\n\
         s.cycles.use_denoising = False\n\
         s.render.resolution_x = {width}\n\
         s.render.resolution_y = {height}\n\
         s.render.resolution_percentage = 100\n\
         i = s.render.image_settings\n\
         i.file_format = 'PNG'\n\
         i.color_mode = 'RGBA'\n\
         i.color_depth = '8'\n\
         i.compression = 15\n"
    )
}

fn run_timed(cmd: &mut Command, what: &str, log: std::fs::File) -> Result<f64> {
    let t0 = Instant::now();
    let status = cmd
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .status()
        .with_context(|| format!("starting {what}"))?;
    let secs = t0.elapsed().as_secs_f64();
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(secs)
}

/// The PNG frames in `dir` (recursively one level: the agent writes into
/// `dir` itself), each checked to be `width`×`height`.
fn check_frames(dir: &std::path::Path, width: u32, height: u32) -> Result<usize> {
    let mut n = 0;
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "png") {
            let b = std::fs::read(&p)?;
            // IHDR: width and height, big-endian, at bytes 16..24.
            let size = (b.len() >= 24).then(|| {
                (
                    u32::from_be_bytes(b[16..20].try_into().unwrap()),
                    u32::from_be_bytes(b[20..24].try_into().unwrap()),
                )
            });
            if size != Some((width, height)) {
                bail!("{} is not a {width}×{height} PNG", p.display());
            }
            n += 1;
        }
    }
    Ok(n)
}

/// Runs bare Blender and `lumen-worker render` on the same frames, alternating.
pub(super) fn worker(c: &Common, a: &WorkerArgs) -> Result<()> {
    let (frames, (w, h), samples, rounds) = if c.smoke {
        (2, (16, 16), 1, 1)
    } else {
        (a.frames, (a.width, a.height), a.samples, a.rounds)
    };
    let dir = c.work_dir.join("worker");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    // The sandbox user must reach the scene.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755))?;
    let script = dir.join("make_scene.py");
    std::fs::write(&script, MAKE_SCENE)?;
    let scene = dir.join("scene.blend");
    run_timed(
        Command::new("blender")
            .args(["-b", "--factory-startup", "-noaudio", "--python"])
            .arg(&script)
            .arg("--")
            .arg(&scene)
            .args(["--frames", &frames.to_string()]),
        "blender (make_scene.py; Debian package blender)",
        log_file(c, "worker-scene.log")?,
    )?;
    std::fs::set_permissions(&scene, std::fs::Permissions::from_mode(0o644))?;
    let agent_bin = sibling_binary("lumen-worker")?;
    let expr = settings_expr(w, h, samples);

    let (mut bare, mut agent) = (vec![], vec![]);
    for round in 0..rounds {
        // Alternate which side goes first, so a drift in the machine's load
        // does not always favour one.
        for side in [round % 2, 1 - round % 2] {
            let out = dir.join(format!("out-{round}-{side}"));
            let secs = if side == 0 {
                std::fs::create_dir_all(&out)?;
                run_timed(
                    Command::new("blender")
                        .args(["-b", "--factory-startup", "-noaudio", "-Y"])
                        .arg(&scene)
                        .arg("--python-expr")
                        .arg(&expr)
                        .arg("-o")
                        .arg(out.join("frame_#######"))
                        .args(["-s", "1", "-e", &frames.to_string(), "-a"]),
                    "bare blender -b",
                    log_file(c, &format!("worker-bare-{round}.log"))?,
                )?
            } else {
                run_timed(
                    Command::new(&agent_bin)
                        .arg("render")
                        .arg(&scene)
                        .args(["--frames", &format!("1-{frames}")])
                        .args(["--resolution", &format!("{w}x{h}")])
                        .args(["--samples", &samples.to_string(), "--device", "cpu"])
                        .arg("--out")
                        .arg(&out),
                    "lumen-worker render",
                    log_file(c, &format!("worker-agent-{round}.log"))?,
                )?
            };
            let n = check_frames(&out, w, h)?;
            if n != frames as usize {
                bail!("{} holds {n} frames, not {frames}", out.display());
            }
            std::fs::remove_dir_all(&out)?;
            eprintln!(
                "round {round}: {} {secs:.2} s",
                if side == 0 { "bare blender" } else { "agent" }
            );
            if side == 0 {
                bare.push(secs);
            } else {
                agent.push(secs);
            }
        }
    }
    // A round's two runs are back to back, so their ratio cancels the host's
    // drift, which within one row has moved single runs from 2.4 s to 4.4 s
    // (bench/PROFILES.md): the sides' medians alone let it through.
    let mut ratios: Vec<f64> = agent.iter().zip(&bare).map(|(g, b)| g / b).collect();
    let median = |v: &mut [f64]| lumen_bench::quantile(v, 0.5).unwrap_or(f64::NAN);
    let overhead = (median(&mut ratios) - 1.0) * 100.0;
    let (b, g) = (median(&mut bare.clone()), median(&mut agent.clone()));
    let workload = format!(
        "{frames} frames of a generated scene (make_scene.py), Cycles on the CPU, {w}×{h}, {samples} samples, PNG; median over {rounds} rounds of the agent's time over bare Blender's, the two run back to back in alternating order"
    );
    report::append(
        &c.results,
        &Row::new(
            "Worker agent overhead over bare blender -b",
            &workload,
            overhead,
            "%",
        )
        .reference(3.0, "target")
        .target("≤ 3 %", overhead <= 3.0)
        .note(format!(
            "{}Agent: lumen-worker render (bubblewrap sandbox, as an unprivileged user when root; the driver script sets the spec's settings; one Blender process for the frames; every frame hashed as it lands), median {} s; bare: blender -b -Y scene --python-expr (the same settings) -a, median {} s. Runs (s), round by round: agent {:?}, bare {:?}.",
            smoke_note(c),
            fmt_num(g),
            fmt_num(b),
            agent.iter().map(|x| (x * 100.0).round() / 100.0).collect::<Vec<_>>(),
            bare.iter().map(|x| (x * 100.0).round() / 100.0).collect::<Vec<_>>(),
        )),
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
