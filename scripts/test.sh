#!/usr/bin/env bash
# The project's one test command: set-up, formatting, lints, every Rust test,
# the TypeScript client's tests, the explorer's browser tests, and the Move
# unit tests where the Aptos CLI exists. Non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { echo; echo "==> $*"; }

step "setup"
bash scripts/setup.sh

step "shared vectors: move/tests/vectors_tests.move matches tests/vectors/*.json"
python3 scripts/gen_move_vectors.py --check

step "web: the explorer bundle (web/dist, embedded by lumen-indexer's build)"
(cd web && npm ci --no-audit --no-fund --prefer-offline && npm run build)

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked

step "TypeScript client (ts/): generated from lumen-sdk's tables, byte for byte against its vectors"
cargo build -q -p lumen-cli --bin lumen --locked
"$CARGO_TARGET_DIR/debug/lumen" interface | node ts/scripts/generate.mjs --check
(cd ts && npm ci --no-audit --no-fund --prefer-offline && npm test)

step "web: types against the API, explorer and consoles in headless Chromium"
cargo build -q --workspace --bins --locked
(cd web && npm run typecheck && LUMEN_BIN="$CARGO_TARGET_DIR/debug" npm test)

step "benchmark smoke run: every row of scripts/bench.sh at tiny sizes"
bash scripts/bench.sh --smoke

step "deploy.sh --print: the commands it runs name entry functions that exist (signed and multisig)"
for extra in "--campaign-fund 5000" "--multisig 0xcafe --immutable --campaign-fund-units 2000 --decimals 8"; do
  # shellcheck disable=SC2086
  deploy_out=$(bash scripts/deploy.sh --print ci 0xcafe --attester 0xa1 --campaign-operator 0xb0 \
    --campaign-start 100 --campaign-end 200 $extra)
  grep -o -- '--function-id [^ ]*' <<<"$deploy_out" | sed 's/.*0xcafe:://' | while IFS=:: read -r module _ fun; do
    grep -q "public entry fun $fun\b" "move/sources/$module.move" ||
      { echo "deploy.sh calls $module::$fun, which move/sources/$module.move does not define" >&2; exit 1; }
  done
  [[ $(tail -1 <<<"$deploy_out") == 0xcafe ]]
done

step "Move unit tests"
if command -v aptos >/dev/null 2>&1; then
  aptos move test --package-dir move --named-addresses lumen=0xcafe
else
  echo "Move tests skipped: the Aptos CLI (aptos) is not on PATH; install it to run 'aptos move test --package-dir move'"
fi

echo
echo "test.sh: all checks passed"
