// SingleKey and MultiKey creators: public key bytes, authentication keys and
// signatures as @aptos-labs/ts-sdk builds them, against lumen-sdk's vectors
// (tests/vectors/key_schemes.json), which the contract's tests also check.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import {
  Account,
  AnyPublicKey,
  AnySignature,
  Ed25519PrivateKey,
  Hex,
  MultiKey,
  MultiKeyAccount,
  Secp256k1PrivateKey,
  SingleKeyAccount,
} from "@aptos-labs/ts-sdk";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const v = JSON.parse(readFileSync(join(ROOT, "tests", "vectors", "key_schemes.json"), "utf8"));
const bytes = (h: string) => Hex.fromHexInput(h).toUint8Array();
const hex = (b: Uint8Array) => Hex.fromHexInput(b).toString();
const utf8 = (s: string) => new TextEncoder().encode(s);

test("a SingleKey creator: key bytes, authentication key and envelope signature", () => {
  const s = v.single_key;
  const account = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(bytes(s.secret_key)), legacy: false });
  assert.ok(account instanceof SingleKeyAccount);
  assert.equal(hex(account.publicKey.bcsToBytes()), s.public_key_bytes);
  assert.equal(account.publicKey.authKey().toString(), s.authentication_key);
  assert.equal(account.accountAddress.toStringLong(), s.authentication_key);
  // A SingleKey wallet returns an AnySignature; the contract takes the Ed25519 signature inside.
  const signature = account.sign(utf8(s.full_message));
  assert.ok(signature instanceof AnySignature);
  assert.equal(hex(signature.signature.toUint8Array()), s.signature);
  assert.ok(account.verifySignature({ message: utf8(s.full_message), signature }));
});

test("a MultiKey creator (2 of Ed25519, Secp256k1, Ed25519): key bytes, authentication key and signature", () => {
  const m = v.multi_key;
  const a = new Ed25519PrivateKey(bytes(m.secret_keys[0]));
  const b = new Ed25519PrivateKey(bytes(m.secret_keys[2]));
  const secp = new Secp256k1PrivateKey(bytes(m.secp256k1_secret_key));
  const multiKey = new MultiKey({ publicKeys: [a.publicKey(), secp.publicKey(), b.publicKey()], signaturesRequired: m.signatures_required });
  assert.equal(hex(multiKey.bcsToBytes()), m.public_key_bytes);
  assert.equal(multiKey.authKey().toString(), m.authentication_key);
  assert.equal(hex(new AnyPublicKey(secp.publicKey()).bcsToBytes()).length, 2 + 2 * 67);
  // Signers given out of order: the ts-sdk sorts them by key index, as lumen-sdk does.
  const account = new MultiKeyAccount({
    multiKey,
    signers: [Account.fromPrivateKey({ privateKey: b }), Account.fromPrivateKey({ privateKey: a })],
  });
  assert.equal(account.accountAddress.toStringLong(), m.authentication_key);
  const signature = account.sign(utf8(m.full_message));
  assert.equal(hex(signature.bcsToBytes()), m.signature);
  assert.ok(multiKey.verifySignature({ message: utf8(m.full_message), signature }));
  assert.equal(multiKey.verifySignature({ message: utf8(m.full_message + " "), signature }), false);
});
