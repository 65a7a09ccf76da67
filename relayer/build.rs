//! Compiles the GLSL compute shaders in `shaders/` to SPIR-V with
//! `glslangValidator` (Debian package `glslang-tools`, installed by
//! `scripts/setup.sh`). The SPIR-V lands in `OUT_DIR` and is embedded with
//! `include_bytes!`.

use std::path::PathBuf;
use std::process::Command;

const SHADERS: &[&str] = &["fma", "copy", "hashchain", "pathtrace", "memwalk"];

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let tool = std::env::var("GLSLANG_VALIDATOR").unwrap_or_else(|_| "glslangValidator".into());
    println!("cargo:rerun-if-env-changed=GLSLANG_VALIDATOR");
    for name in SHADERS {
        let src = format!("shaders/{name}.comp");
        println!("cargo:rerun-if-changed={src}");
        let dst = out.join(format!("{name}.spv"));
        let output = Command::new(&tool)
            .args(["-V", "--target-env", "vulkan1.0", "-o"])
            .arg(&dst)
            .arg(&src)
            .output();
        match output {
            Err(e) => panic!(
                "cannot run `{tool}` to compile {src} to SPIR-V ({e}). Install it with \
                 scripts/setup.sh or `apt-get install glslang-tools`, or point \
                 GLSLANG_VALIDATOR at the binary."
            ),
            Ok(o) if !o.status.success() => panic!(
                "`{tool}` failed to compile {src}:\n{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Ok(_) => {}
        }
    }
}
