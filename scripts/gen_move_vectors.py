#!/usr/bin/env python3
"""Writes move/tests/vectors_tests.move from the shared vectors in tests/vectors/.

The Rust tests (sdk/tests/vectors.rs) and the Move tests assert the same
cases, so the two implementations of each formula cannot drift. Only the
formulas the Move package exposes as functions get Move tests; the others
(worker points, epoch arithmetic) are Rust-only.

    python3 scripts/gen_move_vectors.py          # rewrite the Move file
    python3 scripts/gen_move_vectors.py --check  # exit 1 if it is stale
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
OUT = ROOT / "move" / "tests" / "vectors_tests.move"


def load(name):
    with open(VECTORS / name, encoding="utf-8") as f:
        return json.load(f)


def hexlit(h):
    """A Move byte-string literal from 0x hex."""
    h = h[2:] if h.startswith("0x") else h
    return 'x"%s"' % h


def addr(h):
    return "@0x" + (h[2:] if h.startswith("0x") else h)


def boolean(b):
    return "true" if b else "false"


def slug(name):
    return re.sub(r"[^a-z0-9]+", "_", name.split(":")[0].lower()).strip("_")


def comment(case):
    return "        // %s\n" % case["name"]


def gen_min_stake(v):
    body = ""
    for i, c in enumerate(v["cases"]):
        body += comment(c)
        body += "        assert!(staking::compute_min_stake(%d, %d, %d) == %d, %d);\n" % (
            c["stake_factor"], c["score"], c["price_per_ib_hour"], c["expected"], i)
    return test("min_stake", body)


def gen_payout(v):
    body = ""
    for i, c in enumerate(v["cases"]):
        body += comment(c)
        body += "        let (worker_amount, fee) = escrow::split_payout(%d, %d);\n" % (
            c["gross"], c["worker_commission_bps"])
        body += "        assert!(worker_amount == %d && fee == %d, %d);\n" % (
            c["worker_amount"], c["fee"], i)
    return test("payout_split", body)


def gen_rewards(v):
    out = ""
    body = ""
    for i, c in enumerate(v["split_pool"]):
        body += comment(c)
        body += "        let (poc, pod) = rewards::split_pool(%d, %d);\n" % (c["pool"], c["pod_share_bps"])
        body += "        assert!(poc == %d && pod == %d, %d);\n" % (c["poc_pool"], c["pod_pool"], i)
    out += test("reward_split_pool", body)
    body = ""
    for i, c in enumerate(v["share"]):
        body += comment(c)
        body += "        assert!(rewards::share(%d, %su128, %su128) == %d, %d);\n" % (
            c["side_pool"], c["weight"], c["total_weight"], c["expected"], i)
    out += test("reward_share", body)
    body = ""
    for i, c in enumerate(v["reward"]):
        body += comment(c)
        body += "        let (poc, pod) = rewards::split_pool(%d, %d);\n" % (c["pool"], c["pod_share_bps"])
        body += "        assert!(poc == %d && pod == %d, %d);\n" % (c["poc_pool"], c["pod_pool"], 100 + i)
        body += "        let amount = rewards::share(poc, %su128, %su128) + rewards::share(pod, %su128, %su128);\n" % (
            c["poc_weight"], c["total_poc_weight"], c["pod_weight"], c["total_pod_weight"])
        body += "        assert!(amount == %d, %d);\n" % (c["amount"], i)
    out += test("reward_amounts", body)
    return out


def gen_priority(v):
    body = ""
    for i, c in enumerate(v["creator"]):
        body += comment(c)
        body += "        assert!(vip::creator_priority_of(%d, %d, %d, %s) == %d, %d);\n" % (
            c["spent_this_month"], c["decimals"], c["frames_succeeded"], boolean(c["vip"]), c["expected"], i)
    out = test("creator_priority", body)
    body = ""
    for i, c in enumerate(v["worker"]):
        body += comment(c)
        body += "        assert!(vip::worker_priority_of(%d, %d, %d, %d, %d, %s) == %d, %d);\n" % (
            c["online_secs_total"], c["days"], c["score"], c["frames_completed"], c["jobs_failed"],
            boolean(c["vip"]), c["expected"], i)
    out += test("worker_priority", body)
    return out


def gen_vip(v):
    body = ""
    for i, c in enumerate(v["worker"]):
        body += comment(c)
        secs = ", ".join(str(s) for s in c["online_secs"])
        body += "        assert!(vip::uptime_eligible(vector<u64>[%s], %d, %d) == %s, %d);\n" % (
            secs, c["min_avg_secs"], c["max_down_days"], boolean(c["expected"]), i)
    return test("worker_vip_uptime", body)


def gen_job_address(v):
    body = "        assert!(escrow::registry_address() == %s, 100);\n" % addr(v["escrow_registry"])
    for i, c in enumerate(v["cases"]):
        body += "        assert!(escrow::job_address(%d) == %s, %d);\n" % (c["job_id"], addr(c["expected"]), i)
    return test("job_address", body)


def gen_signing(v):
    r = v["benchmark_report"]
    m = r["message"]
    o = v["assignment_offer"]
    om = o["message"]
    body = "        chain_id::initialize_for_test(framework, %d);\n" % om["chain_id"]
    body += "        let pk = ed25519::new_unvalidated_public_key_from_bytes(%s);\n" % hexlit(v["public_key"])
    body += "        assert!(ed25519::unvalidated_public_key_to_authentication_key(&pk) == %s, 0);\n" % hexlit(
        v["authentication_key"])
    body += "        let report = attestation::new_report(%s, %s, string::utf8(b\"%s\"), %d, %d, %d, %d, %d, %d);\n" % (
        addr(m["worker"]), hexlit(m["device_id"]), m["gpu_model"], m["vram_mb"], m["score"],
        m["bench_version"], m["nonce"], m["measured_at"], m["chain_id"])
    body += "        assert!(bcs::to_bytes(&type_info::type_of<attestation::BenchmarkReport>()) == %s, 1);\n" % hexlit(
        r["type_info_bytes"])
    body += "        assert!(bcs::to_bytes(&report) == %s, 2);\n" % hexlit(r["inner_bytes"])
    body += "        assert!(bcs::to_bytes(&ed25519::new_signed_message(report)) == %s, 3);\n" % hexlit(
        r["signing_bytes"])
    body += "        let sig = ed25519::new_signature_from_bytes(%s);\n" % hexlit(r["signature"])
    body += "        assert!(ed25519::signature_verify_strict_t(&sig, &pk, report), 4);\n"
    body += "        let offer = escrow::new_offer(%s, %s, %d, %d, %d, %d);\n" % (
        addr(om["job"]), addr(om["worker"]), om["price_per_frame"], om["render_deadline"],
        om["offer_expires_at"], om["nonce"])
    body += "        assert!(bcs::to_bytes(&type_info::type_of<escrow::AssignmentOffer>()) == %s, 5);\n" % hexlit(
        o["type_info_bytes"])
    body += "        assert!(bcs::to_bytes(&ed25519::new_signed_message(offer)) == %s, 6);\n" % hexlit(
        o["signing_bytes"])
    body += "        let sig = ed25519::new_signature_from_bytes(%s);\n" % hexlit(o["signature"])
    body += "        assert!(ed25519::signature_verify_strict_t(&sig, &pk, offer), 7);\n"
    return test("golden_signed_messages", body, "(framework = @aptos_framework)", "framework: &signer")


def u64s(values):
    return "vector<u64>[%s]" % ", ".join(str(x) for x in values)


def gen_campaign(v):
    body = ""
    for i, c in enumerate(v["day_reward"]):
        body += comment(c)
        body += "        let (points, credits) = campaign::day_reward(%d);\n" % c["cycle_day"]
        body += "        assert!(points == %d && credits == %d, %d);\n" % (c["points"], c["credits"], i)
    out = test("campaign_day_reward", body)
    body = ""
    for i, c in enumerate(v["streak"]):
        body += comment(c)
        body += "        let streak = campaign::next_streak(%s, %d, %d, %d);\n" % (
            boolean(c["checked_in_before"]), c["last_day"], c["streak"], c["today"])
        body += "        assert!(streak == %d && campaign::cycle_day_of(streak) == %d, %d);\n" % (
            c["expected_streak"], c["cycle_day"], i)
    out += test("campaign_streak", body)
    body = ""
    for i, c in enumerate(v["referral_share"]):
        body += comment(c)
        body += "        assert!(campaign::referral_share(%d) == %d, %d);\n" % (c["points"], c["expected"], i)
    out += test("campaign_referral_share", body)
    body = ""
    for i, c in enumerate(v["rank_payout"]):
        body += comment(c)
        tier = 5 if c["tier"] is None else c["tier"]
        body += "        assert!(campaign::rank_payout(%s, %d) == %d && campaign::tier_of_rank(%d) == %d, %d);\n" % (
            u64s(c["tier_amounts"]), c["rank"], c["expected"], c["rank"], tier, i)
    out += test("campaign_rank_payout", body)
    body = ""
    for i, c in enumerate(v["payout_total"]):
        body += comment(c)
        body += "        assert!(campaign::payout_total(%s, %d) == %d, %d);\n" % (
            u64s(c["tier_amounts"]), c["winners"], c["expected"], i)
    out += test("campaign_payout_total", body)
    return out


def test(name, body, attrs="", params=""):
    return "    #[test%s]\n    fun %s(%s) {\n%s    }\n\n" % (attrs, name, params, body)


def render():
    if not VECTORS.is_dir():
        sys.exit("gen_move_vectors: %s does not exist" % VECTORS)
    parts = [
        gen_min_stake(load("min_stake.json")),
        gen_payout(load("payout.json")),
        gen_rewards(load("rewards.json")),
        gen_priority(load("priority.json")),
        gen_vip(load("vip_eligibility.json")),
        gen_job_address(load("job_address.json")),
        gen_signing(load("signing.json")),
        gen_campaign(load("campaign.json")),
    ]
    head = (
        "// Written by scripts/gen_move_vectors.py from tests/vectors/*.json: edit the\n"
        "// vectors and rerun the script, never this file (scripts/test.sh fails when\n"
        "// it is stale). The Rust twin of every case is in sdk/tests/vectors.rs.\n"
        "#[test_only]\n"
        "module lumen::vectors_tests {\n"
        "    use std::bcs;\n"
        "    use std::string;\n"
        "    use aptos_std::ed25519;\n"
        "    use aptos_std::type_info;\n"
        "    use aptos_framework::chain_id;\n"
        "    use lumen::attestation;\n"
        "    use lumen::campaign;\n"
        "    use lumen::escrow;\n"
        "    use lumen::rewards;\n"
        "    use lumen::staking;\n"
        "    use lumen::vip;\n\n"
    )
    return head + "".join(parts).rstrip("\n") + "\n}\n"


def main():
    text = render()
    if "--check" in sys.argv[1:]:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else None
        if current != text:
            print("%s is stale or missing: run python3 scripts/gen_move_vectors.py" % OUT.relative_to(ROOT),
                  file=sys.stderr)
            return 1
        print("%s is up to date" % OUT.relative_to(ROOT))
        return 0
    OUT.write_text(text, encoding="utf-8")
    print("wrote %s" % OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
