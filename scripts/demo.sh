#!/usr/bin/env bash
# The main job, from a fresh clone: Lumen end to end on this machine.
#
#   scripts/demo.sh                      simulated network (default)
#   LUMEN_NODE_URL=URL LUMEN_PACKAGE=0x… scripts/demo.sh   index a real network
#
# 1. set-up and release build;
# 2. a private PostgreSQL under ./.lumen/pg (no system service touched);
# 3. the relayer's Vulkan benchmark on the local device (lavapipe without a GPU);
# 4. a simulated network (lumen-scenario: workers attested and staked, jobs
#    through every path of the escrow state machine, closed epochs with
#    claims, VIP passes) served by a local fullnode stand-in, or LUMEN_NODE_URL;
# 5. the attester service (lumen-relayer serve) and a signed attestation of
#    this machine's device (lumen-relayer attest), submitted to the stand-in;
# 6. the indexer ingesting over REST and serving the explorer (web app and
#    API; its URL is printed);
# 7. a short report read from the API, checked against the scenario's books;
# 8. (simulated network) real render jobs: scenes built by Blender's Python,
#    the job board, this machine's worker agent rendering them with Blender,
#    the creator fetching PNG frames and a contact sheet proven against the
#    on-chain output_root, confirming, and the payouts checked
#    (scripts/demo-render.sh).
# Everything started here is stopped on exit.
#
# Settings (environment): LUMEN_SCENARIO_SEED (7), LUMEN_DEMO_WORKERS (40),
# LUMEN_DEMO_JOBS (400), LUMEN_DEMO_EPOCHS (20), LUMEN_NODE_URL, LUMEN_PACKAGE,
# LUMEN_START_VERSION (0, with LUMEN_NODE_URL), LUMEN_DEMO_WAIT (120 s, how
# long to wait for a real node to be indexed before reporting),
# LUMEN_DEMO_SERVE (keep the explorer up after the report, until Ctrl-C);
# the render jobs' settings are in scripts/demo-render.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { echo; echo "==> $*"; }
die() { echo "demo: $*" >&2; exit 1; }

step "setup"
bash scripts/setup.sh
command -v python3 >/dev/null || die "python3 is needed for the report (apt-get install python3)"
command -v curl >/dev/null || die "curl is needed for the report (apt-get install curl)"
command -v blender >/dev/null || die "blender is needed for the render jobs (scripts/setup.sh installs it)"

step "building (release): the explorer bundle, then the binaries that embed it"
(cd web && npm ci --no-audit --no-fund --prefer-offline && npm run build)
cargo build --release --locked --workspace --bins
BIN="$CARGO_TARGET_DIR/release"
started=$(date +%s)

STATE="$ROOT/.lumen"
mkdir -p "$STATE/logs"
pids=()
cleanup() {
  local rc=$?
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
  done
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    wait "${pids[i]}" 2>/dev/null || true
  done
  ((${#pids[@]})) && echo "demo: stopped ${#pids[@]} background processes (logs in .lumen/logs)"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts "$@" in the background with stdout to .lumen/logs/NAME.out and waits
# for its first stdout line (the URL it serves), which it stores in $REPLY.
start_bg() {
  local name=$1; shift
  local out="$STATE/logs/$name.out" err="$STATE/logs/$name.log"
  : >"$out"
  "$@" >"$out" 2>"$err" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 600); do
    if [[ -s $out ]]; then REPLY=$(head -1 "$out"); return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$err" >&2; die "$name exited early (log: .lumen/logs/$name.log)"; }
    sleep 0.1
  done
  tail -20 "$err" >&2
  die "$name did not start within 60 s (log: .lumen/logs/$name.log)"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

step "private PostgreSQL in .lumen/pg"
if [[ -n ${LUMEN_NODE_URL:-} ]]; then
  start_bg postgres "$BIN/lumen-pg" --dir "$STATE/pg" --database lumen_node
else
  start_bg postgres "$BIN/lumen-pg" --dir "$STATE/pg" --database lumen_demo --fresh
fi
DATABASE_URL=$REPLY
echo "database: $DATABASE_URL"

step "GPU benchmark on the local Vulkan device (lumen-relayer bench)"
"$BIN/lumen-relayer" devices || die "no Vulkan device: install a GPU driver or Mesa's lavapipe (mesa-vulkan-drivers)"
"$BIN/lumen-relayer" bench --runs 2 --no-progress

rm -rf "$STATE/attester"
if [[ -z ${LUMEN_NODE_URL:-} ]]; then
  PACKAGE=0xcafe
  step "simulated network (lumen-scenario)"
  "$BIN/lumen-scenario" --seed "${LUMEN_SCENARIO_SEED:-7}" --workers "${LUMEN_DEMO_WORKERS:-40}" \
    --jobs "${LUMEN_DEMO_JOBS:-400}" --epochs "${LUMEN_DEMO_EPOCHS:-20}" --package "$PACKAGE" \
    --out "$STATE/scenario.jsonl" --summary-out "$STATE/summary.json" --keys-out "$STATE/keys.json" \
    >/dev/null 2>"$STATE/logs/scenario.log"
  python3 - "$STATE/summary.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
c, j = s["chain"], s["jobs"]
print(f"{c['transactions']} transactions ({c['lumen_transactions']} Lumen calls, {c['failed_transactions']} aborted, "
      f"{c['lumen_events']} Lumen events), {len(s['workers'])} workers, {len(s['creators'])} creators, "
      f"{j['total']} jobs, {len(s['epochs'])} epochs")
EOF
  key() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$STATE/keys.json" "$1"; }

  DEMO_WORKER=$(key new_worker)

  step "fullnode stand-in serving the scenario (lumen-standin)"
  # Like a testnet faucet, the stand-in gives this machine's worker the
  # funds it stakes for its render jobs.
  start_bg standin "$BIN/lumen-standin" --chain-id 4 --package "$PACKAGE" \
    --transactions "$STATE/scenario.jsonl" --fund "$DEMO_WORKER=50000000000"
  NODE=$REPLY
  echo "node: $NODE"

  step "attester service (lumen-relayer serve) and this machine's attestation (lumen-relayer attest)"
  start_bg attester env LUMEN_ATTESTER_KEY="$(key attester_key)" RUST_LOG=info \
    "$BIN/lumen-relayer" serve --listen 127.0.0.1:0 --node "$NODE" --package "$PACKAGE" \
    --state-dir "$STATE/attester" --chain-id 4 --allow-cpu --poll-ms 100
  SERVICE=${REPLY#listening on }
  echo "attester service: $SERVICE"
  # The render node keeps its own device key; the worker's account (its
  # wallet, not the node) registers it on chain.
  DEVICE_KEY_FILE="$STATE/device.key"
  rm -f "$DEVICE_KEY_FILE"
  DEVICE_PUBLIC_KEY=$("$BIN/lumen-relayer" device-key --out "$DEVICE_KEY_FILE")
  LUMEN_KEY="$(key new_worker_key)" "$BIN/lumen" --node-url "$NODE" --package "$PACKAGE" \
    register-device-key --device-public-key "$DEVICE_PUBLIC_KEY" >/dev/null
  echo "device key $DEVICE_PUBLIC_KEY registered by worker $DEMO_WORKER"
  "$BIN/lumen-relayer" attest --service "$SERVICE" --worker "$DEMO_WORKER" \
    --device-key-file "$DEVICE_KEY_FILE" \
    --package "$PACKAGE" --allow-cpu
else
  NODE=$LUMEN_NODE_URL
  PACKAGE=${LUMEN_PACKAGE:?set LUMEN_PACKAGE to the package address when LUMEN_NODE_URL is set}
  DEMO_WORKER=""
  step "indexing $NODE (package $PACKAGE)"
  code=$(curl -s -o /dev/null -w '%{http_code}' "${NODE%/}/" || true)
  [[ $code == 200 ]] || code=$(curl -s -o /dev/null -w '%{http_code}' "${NODE%/}/v1" || true)
  [[ $code == 200 ]] || die "the node at $NODE does not answer (HTTP $code)"
fi

step "indexer: ingest over REST and serve the explorer API (lumen-indexer)"
API_PORT=$(free_port)
API="http://127.0.0.1:$API_PORT"
"$BIN/lumen-indexer" --database-url "$DATABASE_URL" --node-url "$NODE" --package "$PACKAGE" \
  --start-version "${LUMEN_START_VERSION:-0}" --listen "127.0.0.1:$API_PORT" --progress-secs 5 \
  >"$STATE/logs/indexer.out" 2>"$STATE/logs/indexer.log" &
pids+=("$!")
indexer_pid=$!

# Caught up: the API answers, the lag is 0 and (simulated network) the
# relayer's attestation is indexed.
wait_limit=$(( $(date +%s) + ${LUMEN_DEMO_WAIT:-120} ))
while :; do
  kill -0 "$indexer_pid" 2>/dev/null || { tail -20 "$STATE/logs/indexer.log" >&2; die "the indexer stopped (log: .lumen/logs/indexer.log)"; }
  status=$(curl -fs "$API/v1/status" 2>/dev/null || true)
  lag=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1] or "{}"); print(d.get("lag") if d.get("lag") is not None else -1)' "$status" 2>/dev/null || echo -1)
  if [[ $lag == 0 ]]; then
    if [[ -z $DEMO_WORKER ]] || curl -fs "$API/v1/workers/$DEMO_WORKER" >/dev/null 2>&1; then break; fi
  fi
  if (( $(date +%s) > wait_limit )); then
    [[ -n ${LUMEN_NODE_URL:-} ]] && { echo "still $lag versions behind the node; reporting what is indexed so far"; break; }
    tail -20 "$STATE/logs/indexer.log" >&2
    die "the indexer did not catch up within ${LUMEN_DEMO_WAIT:-120} s (lag $lag)"
  fi
  sleep 0.5
done
echo "explorer: $API/ (API at $API/v1, OpenAPI document at $API/openapi.json)"

step "report (read from the explorer API)"
summary=""
[[ -z ${LUMEN_NODE_URL:-} ]] && summary="$STATE/summary.json"
python3 - "$API" "$summary" "$DEMO_WORKER" <<'EOF'
import json, sys, urllib.error, urllib.request

api, summary_path, demo_worker = sys.argv[1], sys.argv[2], sys.argv[3]
def get(path):
    with urllib.request.urlopen(api + path, timeout=30) as r:
        return json.load(r)
def get_opt(path):
    try:
        return get(path)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise
def pages(path):
    out, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        d = get(path + (f"{sep}cursor={cursor}" if cursor else ""))
        out += d["items"]
        cursor = d.get("next_cursor")
        if not cursor:
            return out
def usdt(x):
    return f"{int(x) / 1e6:,.2f}"
def short(a):
    return a[:6] + "…" + a[-4:]

status, stats = get("/v1/status"), get("/v1/stats")
jobs = pages("/v1/jobs?limit=500")
workers = pages("/v1/workers?limit=500")
epochs = pages("/v1/epochs?limit=500")
vip = get("/v1/vip")["items"]

print(f"indexer    version {status['indexed_version']} of chain head {status['chain_head']} "
      f"(lag {status['lag']}), {status['events_total']} Lumen events, chain id {status['chain_id']}")
by = stats["jobs"]["by_status"]
print(f"jobs       {stats['jobs']['total']}: " + ", ".join(f"{k} {v}" for k, v in by.items() if v))
dep = sum(j["deposit"] for j in jobs); paid = sum(j["worker_amount"] for j in jobs)
fees = sum(j["fee"] for j in jobs); refunds = sum(j["refund"] for j in jobs)
final = {"completed", "cancelled", "reclaimed", "resolved"}
held = sum(j["deposit"] - j["worker_amount"] - j["fee"] - j["refund"] for j in jobs if j["status"] not in final)
print(f"money      deposits {usdt(dep)} = paid {usdt(paid)} + fees {usdt(fees)} + refunds {usdt(refunds)} "
      f"+ held {usdt(held)}  ({'balanced' if dep == paid + fees + refunds + held else 'NOT BALANCED'})")
reviews = [(j, j.get("review") or {}) for j in jobs]
partial = [j for j, r in reviews if r.get("frames_accepted") is not None]
answered = [j for j in partial if j["status"] != "partially_accepted"]
disputes = [(j, r) for j, r in reviews if r.get("disputed_by")]
by_worker = [j for j, r in disputes if r["disputed_by"] == j["worker"]]
missed = [j for j, r in disputes if j["rerenders"] > 0 and r.get("frames_accepted") is None]
timed_out = [j for j, r in disputes if j["status"] == "completed"]
claims = pages("/v1/claimables?include_withdrawn=true&limit=500")
print(f"escrow     {len(partial)} partial acceptances ({len(answered)} answered by the worker or its silence), "
      f"{len(disputes)} disputes ({len(by_worker)} opened by workers, {len(missed)} after a missed rerender, "
      f"{len(timed_out)} ended by timeout); stake locked for active jobs {usdt(stats['locked_stake'])}; "
      f"claimable {usdt(stats['claimable'])} held, {usdt(sum(c['withdrawn_total'] for c in claims))} withdrawn "
      f"by {len(claims)} frozen account(s)")
kinds = {}
for j in jobs:
    if j.get("terms"):
        kinds[j["terms"]["offer_kind"]] = kinds.get(j["terms"]["offer_kind"], 0) + 1
print("offers     assigned through " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(kinds.items()))
      + " (signed BCS offer, wallet signMessage envelope, published on chain)")
print("top workers (frames paid):")
for i, w in enumerate(sorted(workers, key=lambda w: (-w["frames_completed"], w["address"]))[:5], 1):
    print(f"  {i}. {short(w['address'])}  {w.get('gpu_model') or '?':26} score {w['score']/1e6:6.2f}  "
          f"frames {w['frames_completed']:5}  jobs {w['jobs_completed']:3}  failed {w['jobs_failed']}  "
          f"stake {usdt(w['stake'])}{'  VIP' if w['vip'] else ''}")
closed = sorted((e for e in epochs if e["closed"]), key=lambda e: e["epoch"])
funded = sum(e["funded"] for e in epochs); claimed = sum(e["claimed"] for e in epochs)
# pool_fee_share_bps of every job's fee funds the epoch it is paid in
fee_share = {p["name"]: p["value"] for p in get("/v1/config")["params"]}.get("pool_fee_share_bps", 0)
fee_funded = sum(j["fee"] * fee_share // 10_000 for j in jobs)
print(f"rewards    {len(closed)} epochs closed, funded {usdt(funded)} ({usdt(fee_funded)} of it "
      f"{fee_share / 100:g} % of the job fees, {'covered' if fee_funded <= funded else 'NOT COVERED'}), "
      f"claimed {usdt(claimed)}; last epochs (pool = PoC + PoD + rolled over):")
for e in closed[-4:]:
    print(f"  epoch {e['epoch']}: {usdt(e['pool'])} = {usdt(e['poc_pool'])} + {usdt(e['pod_pool'])} "
          f"+ {usdt(e['rolled_over'])}, claimed {usdt(e['claimed'])}")
for e in epochs:
    if not e["closed"]:
        print(f"  epoch {e['epoch']}: open, funded {usdt(e['funded'])}")
roles = {0: "creator", 1: "worker"}
n_creators = sum(1 for v in vip if v["role"] == 0)
print(f"VIP holders {len(vip)} ({n_creators} creators, {len(vip) - n_creators} workers): " + ", ".join(f"{short(v['holder'])} ({roles.get(v['role'], v['role'])})" for v in sorted(vip, key=lambda v: v["role"])[:6])
      + (" …" if len(vip) > 6 else ""))
camp = get_opt("/v1/campaign") or {}
board = []
if camp.get("campaign"):
    c = camp["campaign"]
    board = pages("/v1/campaign/leaderboard?limit=500")
    print(f"campaign   {camp['participants']} participants, pool {usdt(c['pool'])} left, leaderboard paid "
          f"{usdt(c.get('paid_total', 0))}; top: "
          + ", ".join(f"#{u.get('rank')} {short(u['address'])} {u.get('total', u.get('total_points', 0)) / 1e6:,.1f} pts"
                      for u in board[:3]))
if demo_worker:
    w = get(f"/v1/workers/{demo_worker}")
    w = w.get("worker", w)
    print(f"this machine: worker {short(demo_worker)} attested by the relayer, score {w['score']/1e6:.6f} "
          f"({w.get('gpu_model')}), indexed from the stand-in")

if summary_path:
    s = json.load(open(summary_path))
    problems = []
    def check(name, got, want):
        if got != want:
            problems.append(f"{name}: API {got} != model {want}")
    model_by = {k: v for k, v in s["jobs"]["by_status"].items()}
    check("jobs by status", {k: v for k, v in by.items() if v}, model_by)
    check("assignments by offer kind", kinds, s["jobs"]["by_offer_kind"])
    for k in ["signed", "wallet_envelope", "on_chain"]:
        if not kinds.get(k):
            problems.append(f"no job was assigned through the {k} path")
    if fee_funded > funded:
        problems.append(f"epochs funded {funded} < the fee share of the paid jobs {fee_funded}")
    for name, got in [("deposits", dep), ("paid_to_workers", paid), ("fees", fees), ("refunds", refunds), ("held", held)]:
        check(name, got, s["jobs"][name])
    me = {e["epoch"]: e for e in s["epochs"]}
    for e in epochs:
        m = me.get(e["epoch"])
        if m:
            for f in ["pool", "poc_pool", "pod_pool", "rolled_over", "claimed", "closed"]:
                check(f"epoch {e['epoch']} {f}", e[f], m[f])
    check("VIP holders", sorted((v["holder"], v["role"]) for v in vip),
          sorted((v["holder"], v["role"]) for v in s["vip"] if not v["revoked"]))
    if camp.get("campaign"):
        mc = s["campaign"]
        check("campaign pool", camp["campaign"]["pool"], mc["pool"])
        check("campaign participants", camp["participants"], len(mc["users"]))
        # the contract keeps (and pays) the first 100 ranks; the board shows them first
        kept = sorted((u["rank"], u["address"], u["total_points"]) for u in mc["users"] if u["rank"])
        check("campaign leaderboard", [(u["address"], u.get("total")) for u in board[:len(kept)]],
              [(a, t) for _, a, t in kept])
        for u in mc["users"]:
            if u["rank"]:
                got = (get_opt(f"/v1/campaign/users/{u['address']}") or {}).get("user", {})
                check(f"rank of {short(u['address'])}", (got.get("leaderboard_rank"), got.get("prize")), (u["rank"], u["prize"]))
    api_workers = {w["address"]: w for w in workers}
    for m in s["workers"]:
        w = api_workers.get(m["address"])
        if w is None:
            problems.append(f"worker {m['address']} missing from the API")
            continue
        for f in ["frames_completed", "jobs_completed", "jobs_failed", "stake", "locked", "unbonding", "rewards_claimed", "vip"]:
            check(f"worker {short(m['address'])} {f}", w[f], m[f])
    check("stake locked", int(stats["locked_stake"]), s["stake"]["locked"])
    check("claimable balances", sorted((c["owner"], c["balance"], c["credited_total"], c["withdrawn_total"]) for c in claims),
          sorted((c["owner"], c["balance"], c["credited"], c["withdrawn"]) for c in s["claimables"]))
    top = [w["address"] for w in s["top_workers"]]
    check("top workers", [w["address"] for w in sorted(workers, key=lambda w: (-w["frames_completed"], w["address"]))[:5]], top)
    if problems:
        print("the API disagrees with the scenario's books:")
        for p in problems:
            print("  " + (p if len(p) < 300 else p[:297] + "…"))
        sys.exit(1)
    print("check      every number above equals the scenario model's own books (.lumen/summary.json)")
EOF

if [[ -z ${LUMEN_NODE_URL:-} ]]; then
  source scripts/demo-render.sh
fi

echo
echo "demo: done in $(( $(date +%s) - started )) s after the build; logs and data in .lumen/"
if [[ -n ${LUMEN_DEMO_SERVE:-} ]]; then
  echo "demo: the explorer stays up at $API/ until Ctrl-C (LUMEN_DEMO_SERVE is set)"
  wait "$indexer_pid"
else
  echo "demo: set LUMEN_DEMO_SERVE=1 to keep the explorer ($API/) up after the report"
fi
