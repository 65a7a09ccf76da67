// Addresses derived from the package address, as lumen-sdk's `Package`
// derives them (object::create_named_object: sha3_256(source ‖ seed ‖ 0xFE)).
import { AccountAddress, createObjectAddress } from "@aptos-labs/ts-sdk";

import { type PackageAddress, type U64Input, normalize } from "./runtime.js";

/**
 * The escrow registry object (named object of the package, seed `escrow`).
 * The seed goes in as bytes: the SDK encodes a string seed with Node's
 * `Buffer`, which browsers do not have.
 */
export function escrowRegistry(pkg: PackageAddress): AccountAddress {
  return createObjectAddress(AccountAddress.from(pkg, { maxMissingChars: 63 }), new TextEncoder().encode("escrow"));
}

/** Job `jobId`'s object address (the `escrow::job_address` view). */
export function jobAddress(pkg: PackageAddress, jobId: U64Input): AccountAddress {
  const id = BigInt(normalize("u64", jobId, "job id") as string);
  const seed = new Uint8Array(10 + 8);
  seed.set(new TextEncoder().encode("lumen::job"));
  new DataView(seed.buffer).setBigUint64(10, id, true);
  return createObjectAddress(escrowRegistry(pkg), seed);
}
