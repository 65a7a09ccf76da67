#!/usr/bin/env bash
# The project's one test command: set-up, formatting, lints, every Rust test,
# and the Move unit tests where the Aptos CLI exists. Non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { echo; echo "==> $*"; }

step "setup"
bash scripts/setup.sh

step "shared vectors: move/tests/vectors_tests.move matches tests/vectors/*.json"
python3 scripts/gen_move_vectors.py --check

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked

step "benchmark smoke run: every row of scripts/bench.sh at tiny sizes"
bash scripts/bench.sh --smoke

step "Move unit tests"
if command -v aptos >/dev/null 2>&1; then
  aptos move test --package-dir move --named-addresses lumen=0xcafe
else
  echo "Move tests skipped: the Aptos CLI (aptos) is not on PATH; install it to run 'aptos move test --package-dir move'"
fi

echo
echo "test.sh: all checks passed"
