// Transactions and offers of the consoles, built with the project's
// TypeScript client (`ts/`: entry-function builders generated from
// lumen-sdk's tables, on @aptos-labs/ts-sdk) and handed to the wallet.
// Loaded on first use, so the explorer never downloads the SDK.
import { entry, headerFromResponse, signMessageInput, toWalletJson, withAbi, type OfferEnvelope } from "@lumen/client";

import { signAndSubmit, signMessage } from "./wallet";

export { entry };

/** Signs and submits `data` (an entry-function call) through the wallet; the hash. */
export async function submit(data: Parameters<typeof withAbi>[0]): Promise<string> {
  return signAndSubmit(withAbi(data));
}

/** The call as the wallet shows it. */
export function describe(data: Parameters<typeof withAbi>[0]): string {
  return JSON.stringify(toWalletJson(data));
}

/** A creator's offer signed through the wallet's `signMessage` (the `lumen-offer-v1` envelope). */
export async function signOffer(env: Omit<OfferEnvelope, "header">): Promise<Record<string, unknown>> {
  const input = signMessageInput({ ...env, header: { chainId: true } });
  const out = await signMessage({ message: input.message, nonce: input.nonce, address: true, application: true, chainId: true });
  const header = headerFromResponse(env, {
    address: out.address,
    application: out.application,
    chainId: out.chainId,
    fullMessage: out.fullMessage,
  });
  const sig = out.signature as unknown as { toString(): string };
  return {
    format: "lumen-offer-v1",
    package: env.package,
    offer: Object.fromEntries(Object.entries(env.offer).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v])),
    asset: env.asset,
    header,
    full_message: out.fullMessage,
    signature: sig.toString(),
  };
}
