// The connected wallet, found through the Aptos wallet standard (AIP-62):
// wallets announce themselves with the wallet-standard register event, the
// app keeps those with the `aptos:*` features it uses. Nothing here loads the
// TS SDK: transactions are built in `tx.ts`, loaded when first needed.
import type {
  AptosConnectFeature,
  AptosGetNetworkFeature,
  AptosSignAndSubmitTransactionFeature,
  AptosSignMessageFeature,
  AptosSignMessageInput,
  AptosSignMessageOutput,
} from "@aptos-labs/wallet-standard";
import { getWallets } from "@wallet-standard/app";
import type { Wallet } from "@wallet-standard/base";

type AptosFeatures = AptosConnectFeature & AptosSignAndSubmitTransactionFeature & Partial<AptosSignMessageFeature & AptosGetNetworkFeature>;

/** A wallet with the features the consoles need. */
export type AptosWallet = Wallet & { features: AptosFeatures };

export interface WalletState {
  /** AIP-62 wallets found in the page. */
  wallets: AptosWallet[];
  /** The connected wallet. */
  wallet?: AptosWallet;
  /** The connected account (long hex). */
  account?: string;
  /** The chain id the wallet says it is on. */
  chainId?: number;
  error?: string;
}

let state: WalletState = { wallets: [] };
const listeners = new Set<() => void>();

function set(s: Partial<WalletState>): void {
  state = { ...state, ...s };
  listeners.forEach((l) => l());
}

export function walletState(): WalletState {
  return state;
}

export function onWallet(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function isAptos(w: Wallet): w is AptosWallet {
  return "aptos:connect" in w.features && "aptos:signAndSubmitTransaction" in w.features;
}

// The wallet last connected is remembered (by name) so that a reload or a
// shared link opened in another tab stays connected, as wallet adapters do;
// the wallet itself decides whether it approves again without asking.
const REMEMBERED = "lumen.wallet";

function remember(name: string | undefined): void {
  try {
    if (name) localStorage.setItem(REMEMBERED, name);
    else localStorage.removeItem(REMEMBERED);
  } catch {
    // Storage may be disabled; the user then connects on each load.
  }
}

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

let discovering = false;
let reconnecting = false;

/** Starts listening for wallets (the standard's app-ready / register events). */
export function discover(): void {
  if (discovering) return;
  discovering = true;
  const w = getWallets();
  const refresh = () => {
    const wallets = w.get().filter(isAptos);
    set({ wallets });
    const again = wallets.find((x) => x.name === remembered());
    if (again && !state.wallet && !reconnecting) {
      reconnecting = true;
      void connect(again).finally(() => (reconnecting = false));
    }
  };
  w.on("register", refresh);
  w.on("unregister", refresh);
  refresh();
}

/** `0x` and 64 lowercase hex digits. */
export function longHex(a: string): string {
  const h = a.toLowerCase().replace(/^0x/, "");
  return "0x" + h.padStart(64, "0");
}

/** Connects `wallet` and remembers the account. */
export async function connect(wallet: AptosWallet): Promise<void> {
  try {
    const r = await wallet.features["aptos:connect"].connect();
    if (r.status !== "Approved") {
      set({ error: "the wallet refused to connect" });
      return;
    }
    const network = wallet.features["aptos:network"] ? await wallet.features["aptos:network"].network() : undefined;
    set({ wallet, account: longHex(r.args.address.toString()), chainId: network?.chainId, error: undefined });
    remember(wallet.name);
  } catch (e) {
    set({ error: e instanceof Error ? e.message : String(e) });
  }
}

export function disconnect(): void {
  remember(undefined);
  set({ wallet: undefined, account: undefined, chainId: undefined });
}

function connected(): AptosWallet {
  if (!state.wallet) throw new Error("connect a wallet first");
  return state.wallet;
}

/** Asks the wallet to sign and submit an entry-function call (AIP-62 1.1 input); the transaction hash. */
export async function signAndSubmit(payload: unknown): Promise<string> {
  const feature = connected().features["aptos:signAndSubmitTransaction"];
  if (!feature.version.startsWith("1.1")) throw new Error(`the wallet's aptos:signAndSubmitTransaction is version ${feature.version}; 1.1 is needed`);
  // The 1.1 input: the payload as the TS SDK takes it (with its ABI).
  const r = await (feature.signAndSubmitTransaction as (i: unknown) => Promise<{ status: string; args?: { hash: string } }>)({ payload });
  if (r.status !== "Approved" || !r.args) throw new Error("the transaction was rejected in the wallet");
  return r.args.hash;
}

/** Asks the wallet to sign a message (AIP-62 `signMessage`). */
export async function signMessage(input: AptosSignMessageInput): Promise<AptosSignMessageOutput> {
  const feature = connected().features["aptos:signMessage"];
  if (!feature) throw new Error("the wallet cannot sign messages (no aptos:signMessage)");
  const r = await feature.signMessage(input);
  if (r.status !== "Approved") throw new Error("the message was not signed");
  return r.args;
}
