// Byte-for-byte agreement with lumen-sdk: the shared vectors in
// tests/vectors/ were written by lumen-sdk (sdk/tests/wallet_vectors.rs);
// here the same inputs go through this package's generated builders and
// @aptos-labs/ts-sdk, and must give the same payloads, signed transactions,
// offer envelopes and signatures.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  Account,
  AccountAddress,
  ChainId,
  Ed25519PrivateKey,
  Ed25519PublicKey,
  Ed25519Signature,
  generateSignedTransaction,
  Hex,
  RawTransaction,
  SimpleTransaction,
  type InputEntryFunctionData,
} from "@aptos-labs/ts-sdk";

import {
  entry,
  ENTRY_FUNCTIONS,
  envelopeBytes,
  formatAmount,
  formatUtc,
  fullMessage,
  headerFromResponse,
  jobAddress,
  longAddress,
  offerMessage,
  payloadOf,
  signMessageInput,
  toWalletJson,
  type OfferEnvelope,
  type WalletHeader,
} from "../src/index.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const load = (name: string) => JSON.parse(readFileSync(join(ROOT, "tests", "vectors", name), "utf8"));
const hex = (b: Uint8Array) => Hex.fromHexInput(b).toString();
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const keyOf = (h: string) => new Ed25519PrivateKey(Hex.fromHexInput(h).toUint8Array());

type Builder = (pkg: string, args?: Record<string, unknown>) => InputEntryFunctionData;

/** The generated typed builder of `module::name`, called with the vector's positional arguments by parameter name. */
function build(pkg: string, fn: string, args: unknown[]): InputEntryFunctionData {
  const [module, name] = fn.split("::");
  const info = ENTRY_FUNCTIONS.find((f) => f.module === module && f.name === name);
  assert.ok(info, `${fn} is not in the generated table`);
  assert.equal(args.length, info.params.length, `${fn}: argument count`);
  const named = Object.fromEntries(info.params.map((p, i) => [camel(p.name), args[i]]));
  const builder = (entry as unknown as Record<string, Record<string, Builder>>)[module][camel(name)];
  return builder(pkg, named);
}

function signed(v: { sender_secret_key: string; max_gas_amount: number; gas_unit_price: number; chain_id: number }, data: InputEntryFunctionData, seq: number, expiration: number, feePayerKey?: string): string {
  const sender = Account.fromPrivateKey({ privateKey: keyOf(v.sender_secret_key) });
  const raw = new RawTransaction(
    sender.accountAddress,
    BigInt(seq),
    payloadOf(data),
    BigInt(v.max_gas_amount),
    BigInt(v.gas_unit_price),
    BigInt(expiration),
    new ChainId(v.chain_id),
  );
  if (!feePayerKey) {
    const txn = new SimpleTransaction(raw);
    return hex(generateSignedTransaction({ transaction: txn, senderAuthenticator: sender.signTransactionWithAuthenticator(txn) }));
  }
  const payer = Account.fromPrivateKey({ privateKey: keyOf(feePayerKey) });
  const txn = new SimpleTransaction(raw, payer.accountAddress);
  return hex(
    generateSignedTransaction({
      transaction: txn,
      senderAuthenticator: sender.signTransactionWithAuthenticator(txn),
      feePayerAuthenticator: payer.signTransactionWithAuthenticator(txn),
    }),
  );
}

test("every entry function of lumen-sdk's table has a vector and the generated builder", () => {
  const v = load("entry_functions.json");
  const inVectors = v.cases.map((c: { function: string }) => c.function).sort();
  const inTable = ENTRY_FUNCTIONS.map((f) => `${f.module}::${f.name}`).sort();
  assert.deepEqual(inVectors, inTable);
});

test("entry functions: same wallet JSON, payload BCS and signed transaction as lumen-sdk", () => {
  const v = load("entry_functions.json");
  for (const c of v.cases) {
    const data = build(v.package, c.function, c.functionArguments);
    assert.equal(data.function, `${longAddress(v.package)}::${c.function}`);
    assert.deepEqual(toWalletJson(data).functionArguments, c.functionArguments, `${c.function}: wallet JSON`);
    assert.equal(hex(payloadOf(data).bcsToBytes()), c.payload_bcs, `${c.function}: payload BCS`);
    assert.equal(signed(v, data, c.sequence_number, c.expiration_timestamp_secs), c.signed_transaction_bcs, `${c.function}: signed transaction`);
  }
});

test("a sponsored transaction: same bytes as lumen-sdk", () => {
  const v = load("entry_functions.json");
  const s = v.sponsored;
  const data = build(v.package, s.function, s.functionArguments);
  assert.equal(signed(v, data, s.sequence_number, s.expiration_timestamp_secs, s.fee_payer_secret_key), s.signed_transaction_bcs);
});

test("the builders refuse what the contract could not take", () => {
  const pkg = "0xcafe";
  assert.throws(() => entry.escrow.cancel(pkg, { job: "0xzz" }), /argument `job`: not an address/);
  assert.throws(() => entry.staking.stake(pkg, { amount: -1 }), /amount.*u64/);
  assert.throws(() => entry.staking.stake(pkg, { amount: (1n << 64n).toString() }), /out of the u64 range/);
  assert.throws(() => entry.staking.stake(pkg, { amount: 2 ** 53 }), /safe integer/);
  assert.throws(() => entry.vip.claim(pkg, { role: 256 }), /u8/);
  assert.throws(() => entry.escrow.dispute(pkg, { job: "0x1", reasonHash: "not hex" }), /reason_hash/);
  // A short address is accepted and sent in long form.
  assert.equal(entry.escrow.cancel(pkg, { job: "0x1a" }).functionArguments[0], `0x${"0".repeat(62)}1a`);
});

test("job addresses are derived like lumen-sdk's", () => {
  const v = load("job_address.json");
  for (const c of v.cases) assert.equal(jobAddress(v.package, c.job_id).toStringLong(), AccountAddress.from(c.expected, { maxMissingChars: 63 }).toStringLong());
});

function envelopeOf(v: { package: string }, c: Record<string, any>): OfferEnvelope {
  const header: WalletHeader = {
    address: c.header.address ?? undefined,
    application: c.header.application ?? undefined,
    chainId: c.header.chain_id,
  };
  return {
    package: v.package,
    offer: {
      jobId: c.job_id,
      worker: c.offer.worker,
      pricePerFrame: c.offer.price_per_frame,
      renderDeadline: c.offer.render_deadline,
      offerExpiresAt: c.offer.offer_expires_at,
      nonce: c.offer.nonce,
      chainId: c.offer.chain_id,
    },
    asset: c.asset,
    header,
  };
}

test("amounts and dates are rendered like lumen-sdk renders them", () => {
  const v = load("wallet_envelope.json");
  for (const c of v.format_amount) assert.equal(formatAmount(c.amount, c.decimals), c.expected, JSON.stringify(c));
  for (const c of v.format_utc) assert.equal(formatUtc(c.secs), c.expected, JSON.stringify(c));
  assert.equal(formatUtc(253402300799), new Date(253402300799 * 1000).toISOString().replace("T", " ").slice(0, 19));
});

test("offer envelopes: same text, bytes and TS-SDK signature as lumen-sdk", () => {
  const v = load("wallet_envelope.json");
  const key = keyOf(v.secret_key);
  assert.equal(key.publicKey().toString(), v.public_key);
  for (const c of v.cases) {
    const env = envelopeOf(v, c);
    assert.equal(jobAddress(v.package, c.job_id).toStringLong(), c.offer.job);
    assert.equal(offerMessage(env.package, env.offer, env.asset), c.message, c.name);
    assert.deepEqual(signMessageInput(env), c.sign_message_input, c.name);
    assert.equal(fullMessage(env), c.full_message, c.name);
    assert.equal(hex(envelopeBytes(env)), c.full_message_hex, c.name);
    // The signature the contract's vectors check is what the ts-sdk's Ed25519 key produces.
    const sig = key.sign(envelopeBytes(env));
    assert.equal(sig.toString(), c.signature, c.name);
    assert.ok(new Ed25519PublicKey(v.public_key).verifySignature({ message: envelopeBytes(env), signature: new Ed25519Signature(c.signature) }));
    // A wallet's response gives back the same header.
    const response = {
      address: env.header.address,
      application: env.header.application,
      chainId: env.header.chainId ? env.offer.chainId : undefined,
      fullMessage: c.full_message,
    };
    assert.deepEqual(headerFromResponse(env, response), env.header);
  }
});

test("tampered envelopes do not verify, and a foreign fullMessage is refused", () => {
  const v = load("wallet_envelope.json");
  const c = v.cases[0];
  const pk = new Ed25519PublicKey(v.public_key);
  const signature = new Ed25519Signature(c.signature);
  const base = envelopeOf(v, c);
  const changes: Record<string, OfferEnvelope> = {
    price: { ...base, offer: { ...base.offer, pricePerFrame: 801 } },
    worker: { ...base, offer: { ...base.offer, worker: `0x${"b1".repeat(32)}` } },
    "chain id": { ...base, offer: { ...base.offer, chainId: 2 } },
    application: { ...base, header: { ...base.header, application: "https://evil.example" } },
    job: { ...base, offer: { ...base.offer, jobId: 4 } },
  };
  for (const [what, env] of Object.entries(changes)) {
    assert.equal(pk.verifySignature({ message: envelopeBytes(env), signature }), false, what);
  }
  assert.throws(() => headerFromResponse(base, { address: base.header.address, application: "https://evil.example", chainId: 4, fullMessage: c.full_message }), /another text/);
  assert.throws(() => headerFromResponse(base, { chainId: 2, fullMessage: c.full_message }), /chain 2/);
  assert.throws(() => fullMessage({ ...base, header: { chainId: true, application: "a\nchainId: 1" } }), /line break/);
});

test("the Move tests' wallet-signed assignments carry the TS-SDK's signatures", () => {
  // tests/vectors/transitions/offers.json: calls the Move tests make on the real
  // modules; every executed accept_offer_envelope of a legacy Ed25519 (key
  // [1; 32]) or SingleKey (key [4; 32]) creator there must carry exactly what
  // this package's envelope and the ts-sdk's key give.
  const keys = new Map([
    [0, { key: keyOf("0x" + "01".repeat(32)), prefix: "0x" }],
    [2, { key: keyOf("0x" + "04".repeat(32)), prefix: "0x0020" }],
  ]);
  const checked = new Set<number>();
  for (const v of load("transitions/offers.json").vectors) {
    v.steps.forEach((s: any, i: number) => {
      if (s.function !== "offers::accept_offer_envelope" || s.abort) return;
      const [job, price, deadline, expires, nonce, address, application, chainIdLine, scheme, pk, sig] = s.args;
      const signer = keys.get(scheme);
      if (!signer) return;
      assert.equal(pk, signer.prefix + signer.key.publicKey().toString().slice(2), v.name);
      const jobId = [...Array(16).keys()].find((id) => jobAddress("0xcafe", id).toStringLong() === job.inner);
      assert.ok(jobId !== undefined, `${v.name}: job ${job.inner}`);
      const env: OfferEnvelope = {
        package: "0xcafe",
        offer: { jobId, worker: s.sender, pricePerFrame: price, renderDeadline: deadline, offerExpiresAt: expires, nonce, chainId: 4 },
        asset: { decimals: 6, symbol: "TUSD" },
        header: { address: address || undefined, application: application || undefined, chainId: chainIdLine },
      };
      assert.equal(signer.key.sign(envelopeBytes(env)).toString(), sig, `${v.name} step ${i}`);
      checked.add(scheme);
    });
  }
  assert.deepEqual([...checked].sort(), [0, 2], "an executed wallet-signed assignment of each scheme");
});
