// What the consoles share: the wallet's state as a hook, the connect
// button, and one action = one signed transaction with its outcome shown.
import { type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

import { Addr } from "../app";
import * as f from "../format";
import { connect, disconnect, discover, onWallet, walletState, type WalletState } from "./wallet";

export function useWallet(): WalletState {
  const [s, setS] = useState(walletState());
  useEffect(() => {
    discover();
    const off = onWallet(() => setS(walletState()));
    setS(walletState());
    return () => {
      off();
    };
  }, []);
  return s;
}

/** The wallet menu of the header. */
export function WalletButton() {
  const w = useWallet();
  if (w.account) {
    return (
      <span class="wallet">
        <Addr a={w.account} href="/console" /> <button type="button" onClick={disconnect}>Disconnect</button>
      </span>
    );
  }
  return (
    <span class="wallet">
      {w.wallets.length === 0 ? (
        <span class="muted" title="Install an Aptos wallet (AIP-62) to use the consoles">no wallet</span>
      ) : (
        w.wallets.map((x) => (
          <button type="button" key={x.name} onClick={() => connect(x)}>
            Connect {x.name}
          </button>
        ))
      )}
      {w.error ? <span class="error"> {w.error}</span> : null}
    </span>
  );
}

type Outcome = { pending: true } | { hash: string } | { error: string };

/** Runs `run` (which signs and submits) and shows its hash or error. */
export function useAction(): [Outcome | undefined, (run: () => Promise<string>) => void] {
  const [o, setO] = useState<Outcome>();
  return [
    o,
    (run) => {
      setO({ pending: true });
      run().then(
        (hash) => setO({ hash }),
        (e: unknown) => setO({ error: e instanceof Error ? e.message : String(e) }),
      );
    },
  ];
}

export function OutcomeLine({ o }: { o?: Outcome }) {
  if (!o) return null;
  if ("pending" in o) return <p class="outcome">Waiting for the wallet…</p>;
  if ("error" in o) return <p class="outcome error" role="alert">Failed: {o.error}</p>;
  return (
    <p class="outcome ok" data-hash={o.hash}>
      Submitted: <code>{f.short(o.hash)}</code> — the explorer shows it once indexed.
    </p>
  );
}

/** A small form for one action. */
export function ActionForm({ title, children, onSubmit, button, o }: { title: string; children?: ComponentChildren; onSubmit: (form: HTMLFormElement) => void; button: string; o?: Outcome }) {
  return (
    <form
      class="action"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e.currentTarget);
      }}
    >
      <h3>{title}</h3>
      {children}
      <button type="submit" disabled={o !== undefined && "pending" in o}>
        {button}
      </button>
      <OutcomeLine o={o} />
    </form>
  );
}

/** The value of the named input of `form`. */
export function field(form: HTMLFormElement, name: string): string {
  const el = form?.elements.namedItem(name) as HTMLInputElement | null;
  return el?.value ?? "";
}

export const tx = () => import("./tx");
