#!/usr/bin/env bash
# The main job, from a fresh clone: set-up, build, then run what Lumen has.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh
echo "==> building (release)"
cargo build --release --locked --workspace --bins
BIN="$CARGO_TARGET_DIR/release"

echo "==> Vulkan devices the relayer's benchmark can use"
"$BIN/lumen-relayer" devices

echo "demo: ran setup, the release build and 'lumen-relayer devices'"
