// The Node half of the test wallet: holds an Ed25519 key and signs with the
// official TS SDK, building each transaction from the page's entry-function
// call with the project's client (`withAbi`) and submitting it to the
// fullnode stand-in; signs `signMessage` envelopes as AIP-62 wallets do.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Account, Aptos, AptosConfig, Ed25519PrivateKey, Network } from "@aptos-labs/ts-sdk";
import { withAbi } from "@lumen/client";
import type { Page } from "playwright-core";

export class TestWallet {
  account: Account;
  readonly aptos: Aptos;
  /** Hashes of every transaction submitted. */
  readonly submitted: string[] = [];
  /** Every full message signed. */
  readonly signed: { fullMessage: string; signature: string }[] = [];

  constructor(readonly node: string, readonly chainId: number, key: string) {
    this.account = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(key) });
    this.aptos = new Aptos(new AptosConfig({ network: Network.CUSTOM, fullnode: node }));
  }

  get address(): string {
    return this.account.accountAddress.toStringLong();
  }

  /** Switches to another key (the page must connect again). */
  use(key: string): void {
    this.account = Account.fromPrivateKey({ privateKey: new Ed25519PrivateKey(key) });
  }

  /** Exposes the wallet to every page of `page`'s context and injects its in-page half. */
  async install(page: Page): Promise<void> {
    await page.context().exposeBinding("lumenTestWallet", (_src, method: string, arg: unknown) => this.handle(method, arg));
    await page.context().addInitScript({ path: join(dirname(fileURLToPath(import.meta.url)), "wallet-page.js") });
  }

  private async handle(method: string, arg: unknown): Promise<unknown> {
    switch (method) {
      case "connect":
        return { address: this.address, publicKey: this.account.publicKey.toString() };
      case "network":
        return { name: "custom", chainId: this.chainId, url: this.node };
      case "signAndSubmit":
        return this.signAndSubmit(arg as { function: `${string}::${string}::${string}`; typeArguments: string[]; functionArguments: unknown[] });
      case "signMessage":
        return this.signMessage(arg as { message: string; nonce: string; address?: boolean; application?: string; chainId?: boolean });
      default:
        throw new Error(`the test wallet has no method ${method}`);
    }
  }

  private async signAndSubmit(p: { function: `${string}::${string}::${string}`; typeArguments: string[]; functionArguments: unknown[] }): Promise<string> {
    const bytes = (v: unknown): unknown =>
      v && typeof v === "object" && "$bytes" in v ? Uint8Array.from(Buffer.from((v as { $bytes: string }).$bytes, "hex")) : Array.isArray(v) ? v.map(bytes) : v;
    const data = withAbi({ function: p.function, typeArguments: p.typeArguments, functionArguments: p.functionArguments.map(bytes) as never[] });
    const transaction = await this.aptos.transaction.build.simple({ sender: this.account.accountAddress, data });
    const pending = await this.aptos.signAndSubmitTransaction({ signer: this.account, transaction });
    this.submitted.push(pending.hash);
    const done = await this.aptos.waitForTransaction({ transactionHash: pending.hash, options: { checkSuccess: false } });
    if (!("success" in done) || !done.success) {
      throw new Error(`the transaction aborted: ${"vm_status" in done ? done.vm_status : "unknown"}`);
    }
    return pending.hash;
  }

  private signMessage(input: { message: string; nonce: string; address?: boolean; application?: string; chainId?: boolean }) {
    let fullMessage = "APTOS\n";
    if (input.address) fullMessage += `address: ${this.address}\n`;
    if (input.application) fullMessage += `application: ${input.application}\n`;
    if (input.chainId) fullMessage += `chainId: ${this.chainId}\n`;
    fullMessage += `message: ${input.message}\nnonce: ${input.nonce}`;
    const signature = this.account.sign(new TextEncoder().encode(fullMessage)).toString();
    this.signed.push({ fullMessage, signature });
    return {
      address: input.address ? this.address : undefined,
      application: input.application,
      chainId: input.chainId ? this.chainId : undefined,
      fullMessage,
      message: input.message,
      nonce: input.nonce,
      prefix: "APTOS",
      signature,
    };
  }
}
