// One chain event in words: its type, its fields (amounts in the asset's
// units, accounts linked to their pages) and its time.
import type { ComponentChildren } from "preact";
import { Addr, creatorHref, Money, workerHref } from "../app";
import * as f from "../format";

/** Fields that are amounts of the payment asset. */
const AMOUNTS = new Set([
  "deposit", "refund", "gross", "worker_amount", "fee", "amount", "slashed", "price_per_frame", "max_price_per_frame",
  "total_stake", "unbonding", "total", "pool", "poc_pool", "pod_pool", "rolled_over", "poc_amount", "pod_amount",
  "credit_amount", "claimable", "total_claimed",
]);
/** Account fields, and the page they link to. */
const ACCOUNTS: Record<string, (a: string) => string | undefined> = {
  worker: workerHref, creator: creatorHref, holder: () => undefined, user: (a) => `/campaign/${a}`,
  attester: () => undefined, by: () => undefined, funder: () => undefined, referrer: (a) => `/campaign/${a}`,
  referee: (a) => `/campaign/${a}`, arbiter: () => undefined, treasury: () => undefined, admin: () => undefined,
};
/** Fields not worth a line (the job is shown by its id). */
const SKIP = new Set(["job", "job_id", "spec_hash", "output_root", "report_hash", "reason_hash", "device_id", "token", "weight", "attesters"]);

export interface EventLike {
  type: string;
  data: Record<string, unknown>;
  timestamp_us: number;
  version: number;
}

/** Events, one line each, in the order given (`history`: numbered, a job's story). */
export function EventList({ events, history }: { events: (EventLike & { event_index: number })[]; history?: boolean }) {
  const lines = events.map((e) => (
    <li key={`${e.version}:${e.event_index}`}>
      <EventLine e={e} />
    </li>
  ));
  return history ? <ol class="history">{lines}</ol> : <ul class="events">{lines}</ul>;
}

export function EventLine({ e }: { e: EventLike }) {
  const fields = Object.entries(e.data).filter(([k]) => !SKIP.has(k));
  return (
    <span class="event">
      <b>{e.type}</b>{" "}
      {fields.map(([k, v]) => {
        const text = typeof v === "string" ? v : JSON.stringify(v);
        let shown: ComponentChildren = text;
        if (AMOUNTS.has(k) && /^\d+$/.test(text)) shown = <Money v={text} />;
        else if (k in ACCOUNTS && /^0x[0-9a-f]+$/i.test(text)) shown = <Addr a={text} href={ACCOUNTS[k](text)} />;
        else if (/_at$|deadline$/.test(k) && /^\d+$/.test(text)) shown = f.time(Number(text));
        return (
          <span class="field" key={k}>
            {k.replace(/_/g, " ")}: {shown}{" "}
          </span>
        );
      })}
      <span class="muted">
        {f.timeUs(e.timestamp_us)} · v{e.version}
      </span>
    </span>
  );
}
