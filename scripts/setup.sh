#!/usr/bin/env bash
# Installs what Lumen needs on a Debian machine. Idempotent: packages already
# present are left alone and nothing is downloaded when all are there.
#   - postgresql    server binaries (initdb, pg_ctl) for the private test/demo clusters
#   - libpq-dev     the PostgreSQL client library diesel links against
#   - libvulkan1, mesa-vulkan-drivers   the Vulkan loader and lavapipe (CPU driver)
#   - glslang-tools glslangValidator, compiles the relayer's GLSL shaders to SPIR-V
#   - pkg-config    lets -sys crates find the libraries above
#   - nodejs, npm   build and test the TypeScript client (ts/) and the explorer
#                   (web/); any Node >= 20 already on PATH (e.g. from NodeSource)
#                   is used instead
#   - chromium      the headless browser of the explorer's tests (web/test/)
#   - blender       renders the jobs (lumen-worker, the demo, the tests)
#   - bubblewrap    the sandbox lumen-worker runs Blender in
set -euo pipefail

packages=(postgresql libpq-dev pkg-config libvulkan1 mesa-vulkan-drivers glslang-tools chromium blender bubblewrap)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all packages present (${packages[*]})"
else
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: installed ${missing[*]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "setup: Node.js >= 20 is required for ts/ and web/ (found: $(node --version 2>/dev/null || echo none));" \
    "install it from NodeSource or your distribution's backports" >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install the Rust toolchain (https://rustup.rs) and re-run" >&2
  exit 1
fi
echo "setup: done"
