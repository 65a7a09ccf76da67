// The in-page half of the test wallet: an AIP-62 Aptos wallet registered
// through the wallet standard's own `registerWallet`, whose features ask the
// Node half (`wallet.ts`, exposed as `window.lumenTestWallet`) to sign with
// the TS SDK and submit, as a browser extension's background would.
import { registerWallet } from "@wallet-standard/wallet";

type Call = (method: string, arg?: unknown) => Promise<unknown>;
const call: Call = (method, arg) => (window as unknown as { lumenTestWallet: Call }).lumenTestWallet(method, arg ?? null);

interface Info {
  address: string;
  publicKey: string;
}
const text = (s: string) => ({ toString: () => s, toStringLong: () => s });
const accountInfo = (i: Info) => ({ address: text(i.address), publicKey: text(i.publicKey) });

/** Byte arrays cross to Node as `{$bytes: hex}`. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $bytes: Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("") };
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "bigint") return v.toString();
  return v;
}

const ICON = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAxIDEiLz4=" as const;

const wallet = {
  version: "1.0.0" as const,
  name: "Lumen Test Wallet",
  icon: ICON,
  chains: ["aptos:localnet"] as const,
  get accounts() {
    return [];
  },
  features: {
    "aptos:connect": {
      version: "1.0.0",
      connect: async () => ({ status: "Approved", args: accountInfo((await call("connect")) as Info) }),
    },
    "aptos:disconnect": { version: "1.0.0", disconnect: async () => undefined },
    "aptos:account": { version: "1.0.0", account: async () => accountInfo((await call("connect")) as Info) },
    "aptos:network": { version: "1.0.0", network: async () => call("network") },
    "aptos:signAndSubmitTransaction": {
      version: "1.1.0",
      signAndSubmitTransaction: async (input: { payload: { function: string; typeArguments?: unknown[]; functionArguments: unknown[] } }) => {
        const p = input.payload;
        const hash = await call("signAndSubmit", { function: p.function, typeArguments: (p.typeArguments ?? []).map(String), functionArguments: p.functionArguments.map(plain) });
        return { status: "Approved", args: { hash } };
      },
    },
    "aptos:signMessage": {
      version: "1.0.0",
      signMessage: async (input: { message: string; nonce: string; address?: boolean; application?: boolean; chainId?: boolean }) => {
        const out = (await call("signMessage", { ...input, application: input.application ? location.origin : undefined })) as Record<string, unknown> & { signature: string };
        return { status: "Approved", args: { ...out, signature: text(out.signature) } };
      },
    },
    "aptos:onAccountChange": { version: "1.0.0", onAccountChange: async () => undefined },
    "aptos:onNetworkChange": { version: "1.0.0", onNetworkChange: async () => undefined },
  },
};

registerWallet(wallet as never);
