// The generated view builders and event types against lumen-sdk's tables.
import assert from "node:assert/strict";
import { test } from "node:test";

import { generateViewFunctionPayloadWithABI } from "@aptos-labs/ts-sdk";

import { decodeEvent, EVENTS, longAddress, view, VIEW_FUNCTIONS, VIEW_STRUCTS, withAbi, entry } from "../src/index.js";

const PKG = "0xcafe";
const SAMPLE: Record<string, unknown> = {
  address: "0xb0b",
  u64: "7",
  u8: 1,
  bool: true,
  "vector<u8>": "0x01ab",
  "0x1::string::String": "epoch_secs",
};

test("every view builds offline with its ABI (parameter and result types parse)", () => {
  const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const views = view as unknown as Record<string, Record<string, (pkg: string, args?: object) => any>>;
  for (const v of VIEW_FUNCTIONS) {
    const args = Object.fromEntries(v.params.map((p) => [camel(p.name), SAMPLE[p.move]]));
    const call = views[v.module][camel(v.name)](PKG, args);
    assert.equal(call.function, `${longAddress(PKG)}::${v.module}::${v.name}`);
    assert.equal(call.abi.returnTypes.length, v.returns.length);
    const payload = generateViewFunctionPayloadWithABI(call);
    assert.equal(payload.args.length, v.params.length, `${v.module}::${v.name}`);
  }
  const job = view.escrow.jobInfo(PKG, { job: "0x1a" });
  assert.equal(job.abi?.returnTypes[0].toString(), `${longAddress(PKG)}::escrow::JobInfo`);
});

test("withAbi finds the entry function and refuses others", () => {
  const data = entry.escrow.cancel(PKG, { job: "0x1a" });
  assert.equal(withAbi(data).abi.parameters[0].toString(), "address");
  assert.throws(() => withAbi({ ...data, function: "0x1::coin::transfer" }), /not an entry function of the Lumen package/);
});

const jobCreated = {
  job: "0x1a",
  job_id: "3",
  creator: `0x${"0".repeat(61)}b0b`,
  spec_hash: "0xdeadbeef",
  frames: "240",
  max_price_per_frame: "1000",
  min_score: "2000000",
  min_vram_mb: "8192",
  deposit: "240000",
  created_at: "1700000000",
};

test("events decode by lumen-sdk's schema, short or long type address", () => {
  for (const type of ["0xcafe::escrow::JobCreated", `${longAddress(PKG)}::escrow::JobCreated`]) {
    const e = decodeEvent(PKG, { type, data: jobCreated });
    assert.equal(e?.type, "escrow::JobCreated");
    if (e?.type === "escrow::JobCreated") assert.equal(e.data.deposit, "240000");
  }
  assert.equal(decodeEvent(PKG, { type: "0x1::fungible_asset::Withdraw", data: {} }), undefined);
  assert.equal(decodeEvent(PKG, { type: "0xbeef::escrow::JobCreated", data: jobCreated }), undefined);
  assert.throws(() => decodeEvent(PKG, { type: "0xcafe::escrow::JobCreated", data: { ...jobCreated, extra: 1 } }), /`extra` is not a field/);
  const { deposit: _, ...missing } = jobCreated;
  assert.throws(() => decodeEvent(PKG, { type: "0xcafe::escrow::JobCreated", data: missing }), /missing field `deposit`/);
  assert.throws(() => decodeEvent(PKG, { type: "0xcafe::escrow::JobCreated", data: { ...jobCreated, frames: 240 } }), /`frames` is not a u64/);
  assert.ok(EVENTS.length > 40 && VIEW_STRUCTS.length >= 4);
});
