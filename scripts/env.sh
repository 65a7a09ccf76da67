# Sourced by the scripts: one place for the build settings they share.
# A persistent target dir outside the clone keeps rebuilds of fresh clones fast.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/lumen-target}"
# A one-off run gains nothing from incremental state, which doubles the target
# dir's size; set CARGO_INCREMENTAL=1 when iterating on a change.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
