# Sourced by the scripts: one place for the build settings they share.
# A persistent target dir outside the clone keeps rebuilds of fresh clones fast.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/lumen-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
