// The app's plumbing: the router (History API, so every page has a deep
// link), data hooks over the API and its live feed, and the shared pieces of
// every page (addresses with copy, amounts in the asset's units, tables).
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";

import { ApiError } from "./api";
import type { Answers } from "./api-types";
import * as f from "./format";

/** What every page knows: the asset's units and the network's settings. */
export interface Network {
  units: f.Units;
  params: Answers["/v1/params"];
}

export const NetworkContext = createContext<Network | null>(null);

export function useNetwork(): Network {
  const n = useContext(NetworkContext);
  if (!n) throw new Error("the network settings are not loaded");
  return n;
}

// ---- routing ----

type Listener = () => void;
const listeners = new Set<Listener>();

/** Goes to `to` (a path with query) without reloading. */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

/** The current location; re-renders on navigation. */
export function useLocation(): URL {
  const [, set] = useState(0);
  useEffect(() => {
    const l = () => set((n) => n + 1);
    listeners.add(l);
    window.addEventListener("popstate", l);
    return () => {
      listeners.delete(l);
      window.removeEventListener("popstate", l);
    };
  }, []);
  return new URL(window.location.href);
}

/** Internal links navigate in place; others behave as links do. */
export function interceptLinks(): void {
  document.addEventListener("click", (e) => {
    const a = (e.target as Element | null)?.closest?.("a");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
    const href = a.getAttribute("href");
    if (!href || !href.startsWith("/") || href.startsWith("//") || href.startsWith("/v1/") || href === "/openapi.json") return;
    e.preventDefault();
    navigate(href);
  });
}

/** Sets the query parameter `name` (empty removes it) and navigates. */
export function setQuery(changes: Record<string, string | undefined>): void {
  const u = new URL(window.location.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  navigate(u.pathname + u.search, true);
}

// ---- data ----

export interface Loaded<T> {
  data?: T;
  error?: string;
  status?: number;
  reload: () => void;
}

/** Runs `load` when `deps` change (and on `reload`), keeping the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; status?: number }>({});
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(deps);
  const last = useRef(key);
  useEffect(() => {
    let live = true;
    if (last.current !== key) {
      last.current = key;
      setState({});
    }
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e), status: e instanceof ApiError ? e.status : undefined }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** A message of the live feed (`/v1/live`). */
export type FeedEvent = Answers["/v1/live"];

/**
 * Calls `onEvent` for each new event of the live feed matching `query`
 * (`job`, `account`, `after`); the browser's EventSource reconnects with
 * the last id by itself.
 */
export function useLive(query: Record<string, string | number | undefined> | null, onEvent: (e: FeedEvent) => void): void {
  const cb = useRef(onEvent);
  cb.current = onEvent;
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!query) return;
    const q = Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join("&");
    const es = new EventSource(`/v1/live${q ? "?" + q : ""}`);
    es.onmessage = (m) => cb.current(JSON.parse(m.data) as FeedEvent);
    return () => es.close();
  }, [key]);
}

/** Reloads `loaded` (at most every 2 s) when the live feed has news for `query`. */
export function useRefreshOnEvents(loaded: { reload: () => void }, query: Record<string, string | number | undefined> = {}): void {
  const pending = useRef<number | undefined>(undefined);
  useLive(query, () => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      loaded.reload();
    }, 2000);
  });
  useEffect(() => () => window.clearTimeout(pending.current), []);
}

// ---- shared pieces ----

/** Waits for `loaded` and renders `body` with its data. */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <p class="error" role="alert">{loaded.status === 404 ? "Not found: " : "Could not load: "}{loaded.error}</p>;
  if (loaded.data === undefined) return <p class="loading">Loading…</p>;
  return <>{children(loaded.data)}</>;
}

/**
 * An account's page: `load`ed, reloaded on the account's events, under the
 * heading "`title` address" (the address and VIP badge `heading` gives), then
 * `children` with the data.
 */
export function AccountPage<T>({ title, address, load, heading, children }: {
  title: string;
  address: string;
  load: () => Promise<T>;
  heading: (data: T) => { address: string; vip?: boolean };
  children: (data: T) => ComponentChildren;
}) {
  const page = useLoad(load, [address]);
  useRefreshOnEvents(page, { account: address });
  return (
    <section>
      <Await loaded={page}>
        {(p) => {
          const h = heading(p);
          return (
            <>
              <h1>
                {title} <Addr a={h.address} full />
                {h.vip ? <span class="badge vip">VIP</span> : null}
              </h1>
              {children(p)}
            </>
          );
        }}
      </Await>
    </section>
  );
}

/** An address, shortened, linked to its page, with a copy button. */
export function Addr({ a, href, full }: { a: string | null | undefined; href?: string; full?: boolean }) {
  if (!a) return <span class="muted">—</span>;
  const text = full ? a : f.short(a);
  return (
    <span class="addr" title={a}>
      {href ? <a href={href}>{text}</a> : <code>{text}</code>}
      <button
        type="button"
        class="copy"
        aria-label={`copy ${a}`}
        onClick={(e) => {
          const b = e.currentTarget;
          navigator.clipboard?.writeText(a).then(() => {
            b.textContent = "✓";
            setTimeout(() => (b.textContent = "⧉"), 1200);
          }, () => undefined);
        }}
      >
        ⧉
      </button>
    </span>
  );
}

export const workerHref = (a: string) => `/workers/${a}`;
export const creatorHref = (a: string) => `/creators/${a}`;
export const jobHref = (id: number) => `/jobs/${id}`;

/** An amount of the payment asset. */
export function Money({ v }: { v: number | string | null | undefined }) {
  const { units } = useNetwork();
  return <span class="num">{f.amount(v, units)}</span>;
}

/** A row of labelled figures. */
export function Cards({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <div class="cards">
      {items.map(([label, value]) => (
        <div class="card" key={label}>
          <div class="label">{label}</div>
          <div class="value">{value}</div>
        </div>
      ))}
    </div>
  );
}

/** Label / value pairs. */
export function Facts({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A status badge. */
export function Status({ s }: { s: string }) {
  return <span class={`badge s-${s}`}>{s}</span>;
}

/** A link to the next page of a list, or nothing on the last page. */
export function NextPage({ cursor }: { cursor?: string | null }) {
  if (!cursor) return null;
  return (
    <p>
      <button type="button" onClick={() => setQuery({ cursor })}>
        Next page →
      </button>
    </p>
  );
}
