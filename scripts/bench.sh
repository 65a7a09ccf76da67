#!/usr/bin/env bash
# Runs every benchmark row side by side with its limit or peer and
# regenerates bench/RESULTS.md from the measured rows (never typed in).
#
#   scripts/bench.sh           full sizes (1M events, 1M jobs …); well under 30 minutes
#   scripts/bench.sh --smoke   every row at tiny sizes in seconds with the debug build
#                              (figures meaningless), written to $LUMEN_BENCH_DIR/smoke;
#                              bench/RESULTS.md untouched. scripts/test.sh runs this.
#
# Needs, besides scripts/setup.sh's packages: clpeak and pocl-opencl-icd (the
# OpenCL reference of the FP32 row) and wrk (the explorer API's load
# generator). Installed here when root; otherwise the apt-get line is printed,
# the clpeak row says it could not run and the API rows use lumen-bench's own
# (heavier) load generator.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

smoke=0
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $a (use --smoke or nothing)" >&2; exit 2 ;;
  esac
done

export LUMEN_BENCH_DIR="${LUMEN_BENCH_DIR:-/var/tmp/lumen-bench}"
mkdir -p "$LUMEN_BENCH_DIR"

bash scripts/setup.sh

# The explorer's rows: its bundle is built before cargo embeds it, and a
# Node script measures it in headless Chromium against a stand of the
# binaries in $1 (debug or release), appending to the results file $2.
web_bundle() { (cd web && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --prefer-offline; } && npm run -s build); }
web_rows() {
  (cd web && node build.mjs --tests && LUMEN_BIN="$1" node dist-test/first-load.bench.mjs --results "$2" --runs "$3")
}

if ((smoke)); then
  # The smoke run checks that every row runs, not how fast: the debug build
  # that scripts/test.sh already made is enough, and clpeak is not needed.
  echo "==> cargo build (lumen-bench, lumen-indexer, lumen-relayer, lumen-e2e, lumen-worker)"
  web_bundle
  cargo build --locked -p lumen-bench -p lumen-indexer -p lumen-relayer -p lumen-e2e -p lumen-worker
  bench="$CARGO_TARGET_DIR/debug/lumen-bench"
  out="$LUMEN_BENCH_DIR/smoke"
  mkdir -p "$out"
  rm -f "$out/results.jsonl"
  "$bench" --smoke --work-dir "$out" --results "$out/results.jsonl" all
  web_rows "$CARGO_TARGET_DIR/debug" "$out/results.jsonl" 1
  "$bench" --results "$out/results.jsonl" render --out "$out/RESULTS.md" \
    --preamble "Smoke run: tiny sizes, the figures mean nothing."
  grep -c '^| ' "$out/RESULTS.md" >/dev/null
  echo "bench.sh: smoke run passed ($out/RESULTS.md)"
  exit 0
fi

bench_packages=(clpeak pocl-opencl-icd wrk)
missing=()
for p in "${bench_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "bench.sh: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bench.sh: missing ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  fi
fi

echo "==> cargo build --release (lumen-bench, lumen-indexer, lumen-relayer, lumen-e2e, lumen-worker)"
web_bundle
cargo build --release --locked -p lumen-bench -p lumen-indexer -p lumen-relayer -p lumen-e2e -p lumen-worker
bench="$CARGO_TARGET_DIR/release/lumen-bench"

results="bench/results.jsonl"
rm -f "$results"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s)
"$bench" --results "$results" all
web_rows "$CARGO_TARGET_DIR/release" "$ROOT/$results" 5
t1=$(date +%s)
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
preamble="Run of $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $((t1 - t0)) s in all. \
Load average (1, 5, 15 min) before the run: ${load_before}; after: ${load_after}. \
A load above the core count means other work (builds, tests) shared the CPU with the \
benchmarks, which lowers every throughput figure and lengthens every latency; the \
reference figures measured in the same run (COPY, clpeak) suffered the same contention. \
Raw rows: \`bench/results.jsonl\`; logs of the measured processes: \`$LUMEN_BENCH_DIR/logs\`. \
Profiles of the rows that missed, and the fixes made with before/after figures: [PROFILES.md](PROFILES.md)."
"$bench" --results "$results" render --out bench/RESULTS.md --preamble "$preamble"
echo "bench.sh: wrote bench/RESULTS.md"
