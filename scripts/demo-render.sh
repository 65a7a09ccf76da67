# Sourced by scripts/demo.sh (simulated network only): real render jobs end
# to end on this machine. Small animated scenes are built by Blender's own
# Python (worker/scenes/make_scene.py, no downloaded assets); the job board
# (lumen-board) runs on the demo's PostgreSQL; this machine's worker (attested
# above) sets a price, stakes for S(n) and the collateral, and runs the agent
# (lumen-worker: Blender sandboxed in bubblewrap, script auto-execution off);
# a scenario creator submits the jobs with `lumen job submit`, fetches and
# verifies the frames with `lumen job fetch` (PNG frames, a contact sheet),
# confirms all frames of two jobs and part of the third (the agent answers
# the partial acceptance), and the books are checked: on chain, in the
# indexer, and against the frames on disk (the output_root recomputed here).
#
# Uses from demo.sh: BIN, STATE, NODE, PACKAGE, API, DATABASE_URL,
# DEMO_WORKER, key(), start_bg-style pids, free_port, step, die.
# Settings: LUMEN_DEMO_RENDER_JOBS (3), LUMEN_DEMO_RENDER_FRAMES (4),
# LUMEN_DEMO_RENDER_SIZE (64x64), LUMEN_DEMO_RENDER_SAMPLES (4).

render_jobs=${LUMEN_DEMO_RENDER_JOBS:-3}
render_frames=${LUMEN_DEMO_RENDER_FRAMES:-4}
render_size=${LUMEN_DEMO_RENDER_SIZE:-64x64}
render_samples=${LUMEN_DEMO_RENDER_SAMPLES:-4}
((render_jobs >= 1 && render_frames >= 2)) || die "LUMEN_DEMO_RENDER_JOBS >= 1 and LUMEN_DEMO_RENDER_FRAMES >= 2"
RENDER="$STATE/render"
rm -rf "$RENDER"
mkdir -p "$RENDER"
# The price each frame is offered at, and the worker's own settings.
RENDER_PRICE=50000
WORKER_PRICE_PER_IB_HOUR=400000
WORKER_STAKE=20000000000

step "render: the job board (lumen-board) on the demo database, blobs in .lumen/render/blobs"
BOARD_PORT=$(free_port)
BOARD="http://127.0.0.1:$BOARD_PORT"
"$BIN/lumen-board" --database-url "$DATABASE_URL" --node-url "$NODE" --package "$PACKAGE" \
  --indexer-url "$API" --blob-store "$RENDER/blobs" --listen "127.0.0.1:$BOARD_PORT" \
  >"$STATE/logs/board.out" 2>"$STATE/logs/board.log" &
board_pid=$!
pids+=("$board_pid")
for _ in $(seq 1 300); do
  curl -fs "$BOARD/health" >/dev/null 2>&1 && break
  kill -0 "$board_pid" 2>/dev/null || { tail -20 "$STATE/logs/board.log" >&2; die "the board stopped (log: .lumen/logs/board.log)"; }
  sleep 0.1
done
curl -fs "$BOARD/health" >/dev/null || die "the board did not answer within 30 s (log: .lumen/logs/board.log)"
echo "board: $BOARD"
export LUMEN_BOARD_URL=$BOARD

step "render: this machine's worker sets its price and stakes for S(n) and the collateral (lumen set-price, lumen stake)"
WORKER_KEY_FILE="$RENDER/worker.key"
CREATOR_KEY_FILE="$RENDER/creator.key"
(umask 077; key new_worker_key >"$WORKER_KEY_FILE")
(umask 077; python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['creators'][0]['key'])" "$STATE/keys.json" >"$CREATOR_KEY_FILE")
DEMO_CREATOR=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['creators'][0]['address'])" "$STATE/keys.json")
lumen() { "$BIN/lumen" --node-url "$NODE" --package "$PACKAGE" "$@"; }
lumen --key-file "$WORKER_KEY_FILE" set-price --price-per-ib-hour "$WORKER_PRICE_PER_IB_HOUR" >/dev/null
lumen --key-file "$WORKER_KEY_FILE" stake --amount "$WORKER_STAKE" >/dev/null
echo "worker $DEMO_WORKER: price $WORKER_PRICE_PER_IB_HOUR per IB-hour, stake $WORKER_STAKE"

step "render: the worker agent (lumen-worker run, Blender in bubblewrap)"
RUST_LOG=info NO_COLOR=1 "$BIN/lumen-worker" run --board "$BOARD" --node-url "$NODE" --package "$PACKAGE" \
  --key-file "$WORKER_KEY_FILE" --state-dir "$RENDER/worker" --poll-wait-secs 2 --submit-margin-secs 5 \
  >"$STATE/logs/worker.out" 2>"$STATE/logs/worker.log" &
worker_pid=$!
pids+=("$worker_pid")

step "render: $render_jobs scenes built by Blender's Python, submitted by creator ${DEMO_CREATOR:0:10}… (lumen job submit)"
job_ids=()
for n in $(seq 1 "$render_jobs"); do
  scene="$RENDER/scene-$n.blend"
  blender -b --factory-startup -noaudio --python worker/scenes/make_scene.py -- "$scene" \
    --frames "$render_frames" --seed "$n" >"$STATE/logs/scene-$n.log" 2>&1 \
    || { tail -20 "$STATE/logs/scene-$n.log" >&2; die "Blender could not build scene $n"; }
  out=$(lumen --key-file "$CREATOR_KEY_FILE" job submit "$scene" \
    --frames "1-$render_frames" --resolution "$render_size" --samples "$render_samples" \
    --max-price-per-frame "$RENDER_PRICE" --worker "$DEMO_WORKER" --offer-window 300 --render-secs 900) \
    || die "lumen job submit failed for scene $n"
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["job_id"])' "$out")
  job_ids+=("$id")
  echo "job $id: scene-$n.blend ($(stat -c %s "$scene") bytes), frames 1-$render_frames at $render_size, $render_samples samples"
done

job_field() { lumen --key-file "$CREATOR_KEY_FILE" job status --job "$1" | python3 -c "import json,sys; print(json.load(sys.stdin)['$2'])"; }
wait_job() { # JOB STATUS SECONDS
  local limit=$(( $(date +%s) + $3 )) st
  while :; do
    st=$(job_field "$1" status)
    [[ $st == "$2" ]] && return 0
    kill -0 "$worker_pid" 2>/dev/null || { tail -30 "$STATE/logs/worker.log" >&2; die "the worker agent stopped (log: .lumen/logs/worker.log)"; }
    (( $(date +%s) > limit )) && { tail -30 "$STATE/logs/worker.log" >&2; die "job $1 is $st, not $2, after $3 s (log: .lumen/logs/worker.log)"; }
    sleep 1
  done
}

step "render: the agent accepts, renders, uploads and submits each job's output_root"
for id in "${job_ids[@]}"; do
  wait_job "$id" submitted 600
  echo "job $id: submitted, output_root $(job_field "$id" output_root)"
done

step "render: the creator fetches and verifies the frames (lumen job fetch: PNG frames, contact sheet)"
for id in "${job_ids[@]}"; do
  lumen --key-file "$CREATOR_KEY_FILE" job fetch --job "$id" --out "$RENDER/job-$id" >/dev/null \
    || die "lumen job fetch failed for job $id"
  echo "job $id: frames and contact sheet in .lumen/render/job-$id/"
done

step "render: confirm (all frames of each job but the last; part of the last, answered by the agent)"
last=${job_ids[-1]}
for id in "${job_ids[@]}"; do
  if [[ $id == "$last" ]]; then
    lumen --key-file "$CREATOR_KEY_FILE" confirm --job "$id" --frames-accepted $((render_frames - 1)) >/dev/null
    echo "job $id: $((render_frames - 1)) of $render_frames frames accepted; the worker's response window is open"
    wait_job "$id" completed 60
    echo "job $id: the agent accepted the partial acceptance"
  else
    lumen --key-file "$CREATOR_KEY_FILE" confirm --job "$id" --frames-accepted "$render_frames" >/dev/null
    echo "job $id: all $render_frames frames accepted"
  fi
done

# The indexer has every render job settled before the report.
for _ in $(seq 1 300); do
  settled=$(python3 - "$API" "${job_ids[@]}" <<'EOF' || true
import json, sys, urllib.request
api, ids = sys.argv[1], sys.argv[2:]
ok = 0
for i in ids:
    with urllib.request.urlopen(f"{api}/v1/jobs/{i}", timeout=10) as r:
        d = json.load(r)
    ok += (d.get("job", d)["status"] == "completed")
print(ok)
EOF
)
  [[ $settled == "${#job_ids[@]}" ]] && break
  sleep 0.2
done

step "render: report"
NODE=$NODE PACKAGE=$PACKAGE BIN=$BIN KEY_FILE=$CREATOR_KEY_FILE \
  python3 - "$API" "$RENDER" "$DEMO_WORKER" "$render_frames" "${job_ids[@]}" <<'EOF'
import hashlib, json, os, struct, sys, urllib.request, subprocess

api, render, worker, frames = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ids = [int(i) for i in sys.argv[5:]]
node, package, lumen = os.environ["NODE"], os.environ["PACKAGE"], os.environ["BIN"] + "/lumen"

def get(path):
    with urllib.request.urlopen(api + path, timeout=30) as r:
        return json.load(r)

def chain(job_id):
    out = subprocess.run([lumen, "--node-url", node, "--package", package, "--key-file", os.environ["KEY_FILE"],
                          "job", "status", "--job", str(job_id)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)

def sha3(b):
    return hashlib.sha3_256(b).digest()

# lumen_sdk::render::output_root, written out again here: leaves
# sha3(0x00 ‖ frame u64 LE ‖ sha3(png)), nodes sha3(0x01 ‖ left ‖ right),
# an odd last node carried up a level.
def output_root(pairs):
    level = [sha3(b"\x00" + struct.pack("<Q", f) + h) for f, h in pairs]
    while len(level) > 1:
        level = [sha3(b"\x01" + level[i] + level[i + 1]) if i + 1 < len(level) else level[i]
                 for i in range(0, len(level), 2)]
    return "0x" + level[0].hex()

problems = []
def check(what, got, want):
    if got != want:
        problems.append(f"{what}: {got} != {want}")

total = {"deposit": 0, "worker": 0, "fee": 0, "refund": 0}
for job_id in ids:
    c = chain(job_id)
    d = get(f"/v1/jobs/{job_id}")
    j = d.get("job", d)
    out = os.path.join(render, f"job-{job_id}")
    pngs = sorted(f for f in os.listdir(out) if f.startswith("frame_") and f.endswith(".png"))
    pairs = []
    for name in pngs:
        data = open(os.path.join(out, name), "rb").read()
        check(f"job {job_id} {name} is a PNG", data[:8], b"\x89PNG\r\n\x1a\n")
        pairs.append((int(name[6:10]), sha3(data)))
    root = output_root(pairs)
    sheet = open(os.path.join(out, "contact_sheet.png"), "rb").read()
    w, h = struct.unpack(">II", sheet[16:24])
    accepted = c["frames_accepted"] if c["frames_accepted"] else c["frames_done"]
    gross = accepted * c["price_per_frame"]
    worker_share = gross * min(c["terms"]["worker_commission_bps"], 10_000) // 10_000
    check(f"job {job_id} frames on disk", len(pngs), frames)
    check(f"job {job_id} output_root of the PNGs on disk vs on chain", root, c["output_root"])
    check(f"job {job_id} status", (c["status"], j["status"]), ("completed", "completed"))
    check(f"job {job_id} worker", c["worker"], worker)
    check(f"job {job_id} paid to the worker (chain)", c["paid_to_worker"], worker_share)
    check(f"job {job_id} fee (chain)", c["fee_paid"], gross - worker_share)
    check(f"job {job_id} refund (chain)", c["refunded"], j["deposit"] - gross)
    check(f"job {job_id} indexer vs chain", (j["worker_amount"], j["fee"], j["refund"]),
          (c["paid_to_worker"], c["fee_paid"], c["refunded"]))
    for k, v in [("deposit", j["deposit"]), ("worker", j["worker_amount"]), ("fee", j["fee"]), ("refund", j["refund"])]:
        total[k] += v
    print(f"  job {job_id}: {len(pngs)} PNG frames + contact sheet {w}×{h} in .lumen/render/job-{job_id}/, "
          f"output_root {root[:18]}… = on chain; {accepted}/{c['frames_done']} frames accepted × {c['price_per_frame']} "
          f"→ worker {c['paid_to_worker']}, fee {c['fee_paid']}, creator refunded {c['refunded']} of {j['deposit']}")
balanced = total["deposit"] == total["worker"] + total["fee"] + total["refund"]
print(f"  books: deposits {total['deposit']} = worker {total['worker']} + fees {total['fee']} + refunds {total['refund']} "
      f"({'balanced' if balanced else 'NOT BALANCED'})")
if not balanced:
    problems.append("the render jobs' books do not balance")
stats = get("/v1/stats")
jobs, cursor = [], None
while True:
    d = get("/v1/jobs?limit=500" + (f"&cursor={cursor}" if cursor else ""))
    jobs += d["items"]
    cursor = d.get("next_cursor")
    if not cursor:
        break
final = {"completed", "cancelled", "reclaimed", "resolved"}
dep = sum(j["deposit"] for j in jobs)
out = sum(j["worker_amount"] + j["fee"] + j["refund"] for j in jobs)
held = sum(j["deposit"] - j["worker_amount"] - j["fee"] - j["refund"] for j in jobs if j["status"] not in final)
check("every job in the indexer: deposits = paid + fees + refunds + held", dep, out + held)
check("jobs in the indexer", len(jobs), stats["jobs"]["total"])
if problems:
    print("render check failed:")
    for p in problems:
        print("  " + p)
    sys.exit(1)
print(f"check      {len(ids)} jobs rendered by Blender on this machine; every frame proven against its on-chain "
      f"output_root; payouts per the confirmed frames; all {len(jobs)} jobs' books still balance")
EOF
