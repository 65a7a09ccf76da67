// An assignment offer signed through a wallet's `signMessage` (AIP-62): the
// offer text and the envelope the wallet signs, byte for byte as lumen-sdk
// (`lumen_sdk::envelope`) and the contract build them. The format is defined
// in move/README.md ("Wallet-signed offers").
import type { AccountAddressInput } from "@aptos-labs/ts-sdk";

import { jobAddress } from "./package.js";
import { longAddress, normalize, type PackageAddress, type U64Input } from "./runtime.js";

/** The first line of every wallet envelope. */
export const PREFIX = "APTOS";
/** The first line of the offer text. */
export const TITLE = "Lumen render job offer";
/** The tag that starts the machine line (the format's version). */
export const MACHINE_TAG = "lumen-offer-v1";

/** The creator's offer of job `jobId` to one worker. */
export interface WalletOffer {
  readonly jobId: U64Input;
  readonly worker: AccountAddressInput;
  readonly pricePerFrame: U64Input;
  readonly renderDeadline: U64Input;
  readonly offerExpiresAt: U64Input;
  readonly nonce: U64Input;
  readonly chainId: number;
}

/** How the payment asset shows amounts (its fungible-asset metadata). */
export interface AssetUnits {
  readonly decimals: number;
  readonly symbol: string;
}

/** The optional lines the wallet writes before `message:`, as it wrote them. */
export interface WalletHeader {
  readonly address?: string;
  readonly application?: string;
  readonly chainId: boolean;
}

/** Everything that determines the envelope's bytes. */
export interface OfferEnvelope {
  readonly package: PackageAddress;
  readonly offer: WalletOffer;
  readonly asset: AssetUnits;
  readonly header: WalletHeader;
}

const u64 = (v: U64Input, what: string) => BigInt(normalize("u64", v, what) as string);

/** `amount` base units in whole units (`800`, 6 → `0.0008`; trailing zeros and a bare point dropped). */
export function formatAmount(amount: U64Input, decimals: number): string {
  const digits = u64(amount, "amount").toString();
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 255) throw new Error(`decimals must be a u8, got ${decimals}`);
  if (decimals === 0) return digits;
  const padded = digits.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals).replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : whole;
}

const two = (n: bigint) => n.toString().padStart(2, "0");

/** Unix seconds as `YYYY-MM-DD HH:MM:SS` UTC, for every u64 (the year grows past 9999). */
export function formatUtc(secs: U64Input): string {
  const s = u64(secs, "seconds");
  const days = s / 86400n;
  const rem = s % 86400n;
  // Days to civil date (H. Hinnant), unsigned: the same steps as the contract.
  const z = days + 719468n;
  const era = z / 146097n;
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = doy - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yoe + era * 400n + (month <= 2n ? 1n : 0n);
  return `${year.toString().padStart(4, "0")}-${two(month)}-${two(day)} ${two(rem / 3600n)}:${two((rem % 3600n) / 60n)}:${two(rem % 60n)}`;
}

/** The offer text: what `signMessage` gets as `message`. */
export function offerMessage(pkg: PackageAddress, offer: WalletOffer, asset: AssetUnits): string {
  const amount = formatAmount(offer.pricePerFrame, asset.decimals);
  const price = asset.symbol === "" ? amount : `${amount} ${asset.symbol}`;
  const worker = longAddress(offer.worker);
  const chain = normalize("u8", offer.chainId, "chain id");
  const n = (v: U64Input, what: string) => u64(v, what).toString();
  return [
    TITLE,
    `Job: #${n(offer.jobId, "job id")}`,
    `Worker: ${worker}`,
    `Price per frame: ${price}`,
    `Render deadline: ${formatUtc(offer.renderDeadline)} UTC`,
    `Offer expires: ${formatUtc(offer.offerExpiresAt)} UTC`,
    `Chain id: ${chain}`,
    "",
    `${MACHINE_TAG} package=${longAddress(pkg)} job=${jobAddress(pkg, offer.jobId).toStringLong()} worker=${worker}` +
      ` price_per_frame=${n(offer.pricePerFrame, "price per frame")} render_deadline=${n(offer.renderDeadline, "render deadline")}` +
      ` offer_expires_at=${n(offer.offerExpiresAt, "offer expiry")} nonce=${n(offer.nonce, "nonce")} chain_id=${chain}`,
  ].join("\n");
}

/** The wallet adapter's `signMessage` input asking for this envelope. */
export function signMessageInput(env: OfferEnvelope): {
  message: string;
  nonce: string;
  address: boolean;
  application: boolean;
  chainId: boolean;
} {
  return {
    message: offerMessage(env.package, env.offer, env.asset),
    nonce: u64(env.offer.nonce, "nonce").toString(),
    address: env.header.address !== undefined,
    application: env.header.application !== undefined,
    chainId: env.header.chainId,
  };
}

/** The full text the wallet signs (its `fullMessage`). */
export function fullMessage(env: OfferEnvelope): string {
  for (const [field, v] of [["address", env.header.address], ["application", env.header.application]] as const) {
    if (v === "") throw new Error(`the wallet's \`${field}\` value is empty`);
    if (v?.includes("\n")) throw new Error(`the wallet's \`${field}\` value contains a line break`);
  }
  const input = signMessageInput(env);
  let s = `${PREFIX}\n`;
  if (env.header.address !== undefined) s += `address: ${env.header.address}\n`;
  if (env.header.application !== undefined) s += `application: ${env.header.application}\n`;
  if (env.header.chainId) s += `chainId: ${env.offer.chainId}\n`;
  return `${s}message: ${input.message}\nnonce: ${input.nonce}`;
}

/** The bytes the wallet's key signs: the full text as UTF-8. */
export function envelopeBytes(env: OfferEnvelope): Uint8Array {
  return new TextEncoder().encode(fullMessage(env));
}

/**
 * The header lines of a wallet's `signMessage` response (AIP-62
 * `AptosSignMessageOutput`), checked against its `fullMessage`: the
 * envelope the contract will rebuild must be the one the wallet signed.
 */
export function headerFromResponse(
  env: Omit<OfferEnvelope, "header">,
  response: { address?: string; application?: string; chainId?: number; fullMessage: string },
): WalletHeader {
  const header: WalletHeader = {
    address: response.address,
    application: response.application,
    chainId: response.chainId !== undefined,
  };
  if (response.chainId !== undefined && response.chainId !== env.offer.chainId) {
    throw new Error(`the wallet signed for chain ${response.chainId}, the offer is for chain ${env.offer.chainId}`);
  }
  const rebuilt = fullMessage({ ...env, header });
  if (rebuilt !== response.fullMessage) {
    throw new Error("the wallet signed another text than the Lumen offer envelope (fullMessage differs)");
  }
  return header;
}
