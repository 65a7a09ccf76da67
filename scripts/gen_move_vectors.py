#!/usr/bin/env python3
"""Writes the Move twins of the shared vectors in tests/vectors/.

- move/tests/vectors_tests.move from the formula vectors (tests/vectors/*.json):
  the Rust tests (sdk/tests/vectors.rs) and the Move tests assert the same
  cases, so the two implementations of each formula cannot drift. Only the
  formulas the Move package exposes as functions get Move tests; the others
  (worker points, epoch arithmetic) are Rust-only.
- move/tests/transition_vectors_tests.move from the transition vectors
  (tests/vectors/transitions/*.json, written by the Rust model's cases in
  model/tests/cases/): one test per vector, which builds its fixture, makes
  its calls at their times and checks each call's events (type and BCS
  bytes) or its final abort (`expected_failure` with module and code), and
  that no other package event was emitted.

    python3 scripts/gen_move_vectors.py          # rewrite the Move files
    python3 scripts/gen_move_vectors.py --check  # exit 1 if one is stale
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
TRANSITIONS = VECTORS / "transitions"
SOURCES = ROOT / "move" / "sources"
OUT = ROOT / "move" / "tests" / "vectors_tests.move"
TRANSITIONS_OUT = ROOT / "move" / "tests" / "transition_vectors_tests.move"


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


def gen_threshold(v):
    body = ""
    for i, c in enumerate(v["cases"]):
        body += comment(c)
        body += "        assert!(attestation::kth_largest(vector[%s], %d) == %d, %d);\n" % (
            ", ".join(str(x) for x in c["values"]), c["k"], c["expected"], i)
    return test("threshold", body)


def gen_collateral(v):
    body = ""
    for i, c in enumerate(v["cases"]):
        body += comment(c)
        body += "        assert!(staking::collateral_for(%d, %d, %d, %d) == %d, %d);\n" % (
            c["stake"], c["job_value"], c["slash_bps"], c["slash_cap_bps"], c["expected"], i)
    return test("collateral", body)


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
    body = ""
    for i, c in enumerate(v["lease_credit"]):
        body += comment(c)
        body += "        assert!(rewards::lease_credit(%d, %d, %d) == %d, %d);\n" % (
            c["recorded"], c["lease_secs"], c["epoch_secs"], c["expected"], i)
    out += test("reward_lease_credit", body)
    body = ""
    for i, c in enumerate(v["lease_parts"]):
        body += comment(c)
        body += "        let (epochs, secs) = rewards::lease_parts(%d, %d, %d, %d);\n" % (
            c["end"], c["lease_secs"], c["max_job_lease_secs"], c["epoch_secs"])
        body += "        assert!(epochs == vector[%s] && secs == vector[%s], %d);\n" % (
            ", ".join("%d" % e for e in c["epochs"]), ", ".join("%d" % x for x in c["secs"]), i)
    out += test("reward_lease_parts", body)
    body = ""
    for i, c in enumerate(v["fee_to_pool"]):
        body += comment(c)
        body += "        assert!(rewards::fee_to_pool(%d, %d) == %d, %d);\n" % (
            c["fee"], c["pool_fee_share_bps"], c["expected"], i)
    out += test("reward_fee_to_pool", body)
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
        body += "        assert!(vip::uptime_eligible(vector<u64>[%s], %d, %d, %d) == %s, %d);\n" % (
            secs, c["min_avg_secs"], c["down_day_secs"], c["max_down_days"], boolean(c["expected"]), i)
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
    body += "        let report = attestation::new_report(%s, %s, string::utf8(b\"%s\"), %d, %d, %d, %d, %d);\n" % (
        addr(m["worker"]), hexlit(m["device_id"]), m["gpu_model"], m["vram_mb"],
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


def strlit(text):
    """A Move byte-string literal of UTF-8 text: printable ASCII as is, the rest escaped."""
    out = ""
    for b in text.encode("utf-8"):
        c = chr(b)
        if c == "\n":
            out += "\\n"
        elif c in "\"\\":
            out += "\\" + c
        elif 0x20 <= b < 0x7f:
            out += c
        else:
            out += "\\x%02x" % b
    return 'b"%s"' % out


def gen_wallet_envelope(v):
    body = ""
    for i, c in enumerate(v["format_amount"]):
        body += "        assert!(offer_auth::format_amount(%s, %d) == %s, %d);\n" % (
            c["amount"], c["decimals"], strlit(c["expected"]), i)
    out = test("wallet_envelope_amounts", body)
    body = ""
    for i, c in enumerate(v["format_utc"]):
        body += "        assert!(offer_auth::format_utc(%s) == %s, %d);\n" % (c["secs"], strlit(c["expected"]), i)
    out += test("wallet_envelope_dates", body)
    body = "        let pk = ed25519::new_unvalidated_public_key_from_bytes(%s);\n" % hexlit(v["public_key"])
    for i, c in enumerate(v["cases"]):
        o, a, h = c["offer"], c["asset"], c["header"]
        body += "        // %s\n" % c["name"]
        body += "        assert!(escrow::job_address(%s) == %s, %d);\n" % (c["job_id"], addr(o["job"]), 10 * i)
        body += ("        let message = offer_auth::offer_message(@lumen, %s, %s, %s, %s, %d, string::utf8(%s), "
                 "%s, %s, %s, %d);\n") % (
            addr(o["job"]), c["job_id"], addr(o["worker"]), o["price_per_frame"], a["decimals"], strlit(a["symbol"]),
            o["render_deadline"], o["offer_expires_at"], o["nonce"], o["chain_id"])
        body += "        assert!(message == %s, %d);\n" % (strlit(c["message"]), 10 * i + 1)
        body += ("        let envelope = offer_auth::wallet_envelope(%s, string::utf8(%s), string::utf8(%s), %s, %d, "
                 "message, %s);\n") % (
            addr(v["creator"]), strlit(h["address"] or ""), strlit(h["application"] or ""), boolean(h["chain_id"]),
            o["chain_id"], o["nonce"])
        body += "        assert!(envelope == %s, %d);\n" % (strlit(c["full_message"]), 10 * i + 2)
        assert bytes.fromhex(c["full_message_hex"][2:]) == c["full_message"].encode("utf-8")
        body += "        let sig = ed25519::new_signature_from_bytes(%s);\n" % hexlit(c["signature"])
        body += "        assert!(ed25519::signature_verify_strict(&sig, &pk, envelope), %d);\n" % (10 * i + 3)
    return out + test("wallet_envelope_golden", body)


def gen_key_schemes(v):
    body = ""
    for i, (name, scheme) in enumerate([("single_key", 2), ("multi_key", 3)]):
        c = v[name]
        body += "        // %s (scheme %d)\n" % (name, scheme)
        body += "        let public_key = %s;\n" % hexlit(c["public_key_bytes"])
        body += "        assert!(offer_auth::authentication_key(%d, public_key) == %s, %d);\n" % (
            scheme, hexlit(c["authentication_key"]), 10 * i)
        body += "        let envelope = %s;\n" % strlit(c["full_message"])
        body += "        assert!(offer_auth::verify(%d, public_key, %s, envelope), %d);\n" % (
            scheme, hexlit(c["signature"]), 10 * i + 1)
        body += "        envelope.push_back(0x20);\n"
        body += "        assert!(!offer_auth::verify(%d, public_key, %s, envelope), %d);\n" % (
            scheme, hexlit(c["signature"]), 10 * i + 2)
    return test("key_schemes_golden", body)


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
    body = ""
    for i, c in enumerate(v["render_points"]):
        body += comment(c)
        body += "        assert!(campaign::render_points(%d, %d) == %d, %d);\n" % (
            c["gross"], c["credit_value"], c["expected"], i)
    out += test("campaign_render_points", body)
    body = ""
    for i, c in enumerate(v["idle_points"]):
        body += comment(c)
        # Move takes the idle seconds (`rewards` subtracts the lease, saturating at 0).
        idle = max(c["online_secs"] - c["lease_secs"], 0)
        body += "        assert!(campaign::online_points(%d, %d) == %d, %d);\n" % (
            idle, c["score"], c["expected"], i)
    out += test("campaign_online_points", body)
    return out


def test(name, body, attrs="", params=""):
    return "    #[test%s]\n    fun %s(%s) {\n%s    }\n\n" % (attrs, name, params, body)


def render():
    if not VECTORS.is_dir():
        sys.exit("gen_move_vectors: %s does not exist" % VECTORS)
    parts = [
        gen_min_stake(load("min_stake.json")),
        gen_collateral(load("collateral.json")),
        gen_payout(load("payout.json")),
        gen_threshold(load("threshold.json")),
        gen_rewards(load("rewards.json")),
        gen_priority(load("priority.json")),
        gen_vip(load("vip_eligibility.json")),
        gen_job_address(load("job_address.json")),
        gen_signing(load("signing.json")),
        gen_campaign(load("campaign.json")),
        gen_wallet_envelope(load("wallet_envelope.json")),
        gen_key_schemes(load("key_schemes.json")),
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
        "    use lumen::offer_auth;\n"
        "    use lumen::rewards;\n"
        "    use lumen::staking;\n"
        "    use lumen::vip;\n\n"
    )
    return head + "".join(parts).rstrip("\n") + "\n}\n"


# -- transition vectors --------------------------------------------------------

START_TIME = 1728000000
# Framework modules an abort can come from, by the Move address they live at.
FRAMEWORK_MODULES = {
    "fungible_asset": "aptos_framework",
    "object": "aptos_framework",
    "ed25519": "aptos_std",
}
# The struct behind each `Object<T>` parameter.
OBJECT_TYPES = {
    "Job": "lumen::escrow::Job",
    "Metadata": "aptos_framework::fungible_asset::Metadata",
}


def split_top(s):
    out, cur, depth = [], "", 0
    for ch in s:
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    out.append(cur)
    return [x.strip() for x in out if x.strip()]


def move_interface():
    """(entry functions: 'module::name' -> [Move types after the signer], events: ['module::Name'])."""
    entries, events = {}, []
    for path in sorted(SOURCES.glob("*.move")):
        src = path.read_text(encoding="utf-8")
        src = re.sub(r"//[^\n]*", "", src)
        module = re.search(r"module\s+\w+::(\w+)", src).group(1)
        for m in re.finditer(r"public entry fun (\w+)\s*\(([^)]*)\)", src):
            types = []
            for param in split_top(m.group(2)):
                ty = param.split(":", 1)[1].strip()
                if ty not in ("&signer", "signer"):
                    types.append(ty.replace("std::string::", "").replace("string::", ""))
            entries["%s::%s" % (module, m.group(1))] = types
        for m in re.finditer(r"#\[event\][^{]*?struct (\w+)", src):
            events.append("%s::%s" % (module, m.group(1)))
    return entries, sorted(events)


def move_string(text):
    out = ""
    for ch in text:
        if ch in '"\\':
            out += "\\" + ch
        elif 32 <= ord(ch) < 127:
            out += ch
        else:
            out += "\\x%02x" % ord(ch)
    return 'std::string::utf8(b"%s")' % out


def move_arg(ty, value):
    if ty in ("u64", "u8", "u128"):
        return str(int(value))
    if ty == "bool":
        return boolean(value)
    if ty == "address":
        return addr(value)
    if ty.startswith("Object<"):
        inner = OBJECT_TYPES[ty[len("Object<"):-1]]
        return "aptos_framework::object::address_to_object<%s>(%s)" % (inner, addr(value["inner"]))
    if ty == "vector<u8>":
        return hexlit(value)
    if ty == "String":
        return move_string(value)
    if ty == "vector<address>":
        return "vector<address>[%s]" % ", ".join(addr(a) for a in value)
    if ty == "vector<u64>":
        return "vector<u64>[%s]" % ", ".join(str(int(x)) for x in value)
    sys.exit("gen_move_vectors: no Move literal for parameter type %s" % ty)


def event_type(name):
    return "lumen::" + name


def location(abort):
    module = abort["module"]
    if abort.get("framework"):
        return "%s::%s" % (FRAMEWORK_MODULES[module], module)
    return "lumen::" + module


def gen_transition(v, entries, events):
    if not v["about"].isascii():
        sys.exit("gen_move_vectors: %s: Move sources are ASCII, the description is not" % v["name"])
    lines = ["    // %s" % v["about"], "    #[test]"]
    last = v["steps"][-1]
    if "abort" in last:
        a = last["abort"]
        lines.append("    #[expected_failure(abort_code = 0x%x /* %s */, location = %s)]" % (
            a["code"], a["name"], location(a)))
    lines.append("    fun %s() {" % v["name"])
    lines.append("        %s();" % v["fixture"])
    for acct in v["accounts"]:
        lines.append("        account(%s, %d);" % (addr(acct["address"]), acct["mint"]))
    lines.append("        let start = counts();")
    now = START_TIME
    totals = [0] * len(events)
    for i, step in enumerate(v["steps"]):
        function = step["function"]
        if function not in entries:
            sys.exit("gen_move_vectors: %s: %s is not an entry function of move/sources" % (v["name"], function))
        types = entries[function]
        if len(types) != len(step["args"]):
            sys.exit("gen_move_vectors: %s: %s takes %d arguments" % (v["name"], function, len(types)))
        if step["time"] < now:
            sys.exit("gen_move_vectors: %s: time goes back at step %d" % (v["name"], i))
        aborts = "abort" in step
        if aborts:
            lines.append("        totals(start, vector<u64>[%s]);" % ", ".join(str(t) for t in totals))
        lines.append("        // %d: %s" % (i, function))
        for f in step.get("freeze", []):
            lines.append("        lumen::test_helpers::set_frozen(%s, %s);" % (addr(f["owner"]), boolean(f["frozen"])))
        if step["time"] > now:
            now = step["time"]
            lines.append("        aptos_framework::timestamp::update_global_time_for_test_secs(%d);" % now)
        by_type = {}
        for e in step.get("events", []):
            by_type.setdefault(e["type"], []).append(e["bcs"])
            totals[events.index(e["type"])] += 1
        for j, ty in enumerate(by_type):
            lines.append("        let n%d_%d = count<%s>();" % (i, j, event_type(ty)))
        args = ["&lumen::test_helpers::signer_of(%s)" % addr(step["sender"])]
        args += [move_arg(t, a) for t, a in zip(types, step["args"])]
        lines.append("        lumen::%s(%s);" % (function, ", ".join(args)))
        for j, (ty, blobs) in enumerate(by_type.items()):
            lines.append("        check<%s>(n%d_%d, vector[%s], %d);" % (
                event_type(ty), i, j, ", ".join(hexlit(b) for b in blobs), 100000 + 1000 * i + 100 * j))
    if "abort" not in last:
        lines.append("        totals(start, vector<u64>[%s]);" % ", ".join(str(t) for t in totals))
    lines.append("    }")
    return "\n".join(lines) + "\n\n"


def render_transitions():
    entries, events = move_interface()
    files = sorted(TRANSITIONS.glob("*.json"))
    if not files:
        sys.exit("gen_move_vectors: no transition vectors in %s" % TRANSITIONS)
    tests = ""
    for path in files:
        for v in json.loads(path.read_text(encoding="utf-8"))["vectors"]:
            tests += gen_transition(v, entries, events)
    counts = "".join("            count<%s>(),\n" % event_type(e) for e in events)
    head = (
        "// Written by scripts/gen_move_vectors.py from tests/vectors/transitions/*.json:\n"
        "// regenerate the vectors (model/tests/transitions.rs) and rerun the script,\n"
        "// never edit this file (scripts/test.sh fails when it is stale).\n"
        "#[test_only]\n"
        "/// The transition vectors: each test makes a vector's calls and checks every\n"
        "/// call's package events (type and BCS bytes) or its final abort.\n"
        "module lumen::transition_vectors_tests {\n"
        "    /// `test_helpers::setup()` with every module initialised.\n"
        "    fun world() {\n"
        "        lumen::test_helpers::setup();\n"
        "        modules();\n"
        "    }\n\n"
        "    /// The same without `config::initialize` and the attester.\n"
        "    fun uninitialized() {\n"
        "        lumen::test_helpers::setup_uninitialized();\n"
        "        modules();\n"
        "    }\n\n"
        "    fun modules() {\n"
        "        let deployer = lumen::test_helpers::lumen_signer();\n"
        "        lumen::escrow::init_for_test(&deployer);\n"
        "        lumen::rewards::init_for_test(&deployer);\n"
        "        lumen::vip::init_for_test(&deployer);\n"
        "        lumen::campaign::init_for_test(&deployer);\n"
        "    }\n\n"
        "    /// Creates `a` and mints `amount` of the payment asset to it.\n"
        "    fun account(a: address, amount: u64) {\n"
        "        lumen::test_helpers::signer_of(a);\n"
        "        if (amount > 0) lumen::test_helpers::mint(a, amount);\n"
        "    }\n\n"
        "    /// Events of type `T` emitted so far.\n"
        "    fun count<T: drop + store>(): u64 {\n"
        "        aptos_framework::event::emitted_events<T>().length()\n"
        "    }\n\n"
        "    /// The events of type `T` after the first `before` are exactly `expected` (BCS).\n"
        "    fun check<T: drop + store>(before: u64, expected: vector<vector<u8>>, code: u64) {\n"
        "        let emitted = aptos_framework::event::emitted_events<T>();\n"
        "        assert!(emitted.length() == before + expected.length(), code);\n"
        "        let i = 0;\n"
        "        while (i < expected.length()) {\n"
        "            assert!(std::bcs::to_bytes(&emitted[before + i]) == expected[i], code + 1 + i);\n"
        "            i += 1;\n"
        "        };\n"
        "    }\n\n"
        "    /// How many events of each package event type were emitted so far.\n"
        "    fun counts(): vector<u64> {\n"
        "        vector[\n" + counts +
        "        ]\n"
        "    }\n\n"
        "    /// Since `start`, exactly `emitted[i]` events of the i-th type of `counts()`.\n"
        "    fun totals(start: vector<u64>, emitted: vector<u64>) {\n"
        "        let now = counts();\n"
        "        let i = 0;\n"
        "        while (i < now.length()) {\n"
        "            assert!(now[i] == start[i] + emitted[i], 90000 + i);\n"
        "            i += 1;\n"
        "        };\n"
        "    }\n\n"
    )
    return head + tests.rstrip("\n") + "\n}\n"


def main():
    outputs = [(OUT, render()), (TRANSITIONS_OUT, render_transitions())]
    if "--check" in sys.argv[1:]:
        stale = False
        for path, text in outputs:
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != text:
                print("%s is stale or missing: run python3 scripts/gen_move_vectors.py" % path.relative_to(ROOT),
                      file=sys.stderr)
                stale = True
            else:
                print("%s is up to date" % path.relative_to(ROOT))
        return 1 if stale else 0
    for path, text in outputs:
        path.write_text(text, encoding="utf-8")
        print("wrote %s" % path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
