// Reward epochs, and the network's configuration (parameters, asset,
// roles, attesters, indexer freshness).
import type { ComponentChildren } from "preact";

import { get } from "../api";
import { Addr, Await, Cards, Facts, Money, NextPage, useLoad, useLocation, useNetwork, useRefreshOnEvents, workerHref } from "../app";
import * as f from "../format";

export function Epochs() {
  const cursor = useLocation().searchParams.get("cursor") ?? undefined;
  const list = useLoad(() => get("/v1/epochs", {}, { cursor, limit: 50 }), [cursor]);
  useRefreshOnEvents(list);
  return (
    <section>
      <h1>Reward epochs</h1>
      <Await loaded={list}>
        {(p) => (
          <>
            <table>
              <thead>
                <tr>
                  <th>Epoch</th>
                  <th>State</th>
                  <th class="num">Funded</th>
                  <th class="num">Pool</th>
                  <th class="num">PoC</th>
                  <th class="num">PoD</th>
                  <th class="num">Rolled over</th>
                  <th class="num">Claimed</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((e) => (
                  <tr key={e.epoch}>
                    <td>
                      <a href={`/epochs/${e.epoch}`}>{e.epoch}</a>
                    </td>
                    <td>{e.closed ? "closed" : "open"}</td>
                    <td class="num"><Money v={e.funded} /></td>
                    <td class="num"><Money v={e.pool} /></td>
                    <td class="num"><Money v={e.poc_pool} /></td>
                    <td class="num"><Money v={e.pod_pool} /></td>
                    <td class="num"><Money v={e.rolled_over} /></td>
                    <td class="num"><Money v={e.claimed} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <NextPage cursor={p.next_cursor} />
          </>
        )}
      </Await>
    </section>
  );
}

export function EpochPage({ epoch }: { epoch: string }) {
  const page = useLoad(() => get("/v1/epochs/{epoch}", { epoch }), [epoch]);
  const { params } = useNetwork();
  const secs = params.params.find((p) => p.name === "epoch_secs")?.value ?? 86400;
  return (
    <section>
      <Await loaded={page}>
        {({ epoch: e, rewards }) => (
          <>
            <h1>
              Epoch {e.epoch} <span class="badge">{e.closed ? "closed" : "open"}</span>
            </h1>
            <p class="muted">
              {f.time(e.epoch * secs)} – {f.time((e.epoch + 1) * secs)}
            </p>
            <Cards
              items={[
                ["Funded", <Money v={e.funded} />],
                ["Pool", <Money v={e.pool} />],
                ["PoC pool", <Money v={e.poc_pool} />],
                ["PoD pool", <Money v={e.pod_pool} />],
                ["Rolled over", <Money v={e.rolled_over} />],
                ["Claimed", <Money v={e.claimed} />],
                ["Online reported", f.duration(e.reported_online_secs)],
              ]}
            />
            <h2>Workers</h2>
            <RewardsTable
              first="Worker"
              rows={rewards.map((r) => ({ ...r, key: r.worker, name: <Addr a={r.worker} href={workerHref(r.worker)} /> }))}
            />
          </>
        )}
      </Await>
    </section>
  );
}

/** Rewards rows (an epoch's workers, or a worker's epochs), each named by its first cell. */
export function RewardsTable({ first, rows }: {
  first: string;
  rows: { key: string | number; name: ComponentChildren; online_secs: number; lease_secs: number; reward?: number | string | null; claimed: number | string }[];
}) {
  return (
    <table>
      <thead>
        <tr>
          <th>{first}</th>
          <th class="num">Online</th>
          <th class="num">Leased</th>
          <th class="num">Reward</th>
          <th class="num">Claimed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            <td class="num">{f.duration(r.online_secs)}</td>
            <td class="num">{f.duration(r.lease_secs)}</td>
            <td class="num">{r.reward === null || r.reward === undefined ? "open" : <Money v={r.reward} />}</td>
            <td class="num"><Money v={r.claimed} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function NetworkPage() {
  const { params: p } = useNetwork();
  const status = useLoad(() => get("/v1/status"), []);
  const attesters = useLoad(() => get("/v1/attesters"), []);
  useRefreshOnEvents(status);
  return (
    <section>
      <h1>Network</h1>
      <Await loaded={status}>
        {(s) => (
          <Cards
            items={[
              ["Indexed version", f.count(s.indexed_version)],
              ["Chain head", f.count(s.chain_head)],
              ["Lag", f.count(s.lag)],
              ["Chain id", String(s.chain_id ?? "—")],
              ["Events", f.count(s.events_total)],
            ]}
          />
        )}
      </Await>
      <Facts
        items={[
          ["Package", <Addr a={p.package} full />],
          ["Payment asset", <>{p.asset.symbol} ({p.asset.decimals} decimals) <Addr a={p.asset.metadata} /></>],
          ["Admin", <Addr a={p.admin} />],
          ["Treasury", <Addr a={p.treasury} />],
          ["Arbiters", p.arbiters.length ? <>{p.arbiters.map((a, i) => <>{i ? ", " : ""}<Addr a={a} /></>)}</> : "none"],
          ["Paused", p.paused ? "yes" : "no"],
          ["Chain time", f.time(p.chain_time)],
        ]}
      />
      <h2>Attesters</h2>
      <Await loaded={attesters}>
        {(a) => (
          <>
            <p class="muted">A benchmark report takes effect with {a.threshold} distinct attester(s).</p>
            <table>
              <thead>
                <tr>
                  <th>Attester</th>
                  <th>Added</th>
                  <th class="num">Reports submitted</th>
                  <th>Last report</th>
                </tr>
              </thead>
              <tbody>
                {a.items.map((x) => (
                  <tr key={x.address}>
                    <td><Addr a={x.address} /></td>
                    <td>{f.timeUs(x.added_at_us)}</td>
                    <td class="num">{f.count(x.submissions)}</td>
                    <td>{f.timeUs(x.last_submission_us)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Await>
      <h2>Parameters</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th class="num">Value</th>
            <th class="num">Default</th>
            <th>Last change</th>
          </tr>
        </thead>
        <tbody>
          {p.params.map((x) => (
            <tr key={x.name}>
              <td><code>{x.name}</code></td>
              <td class="num">{f.count(x.value)}</td>
              <td class="num">{f.count(x.default)}</td>
              <td>{x.updated_version === null || x.updated_version === undefined ? "—" : `v${x.updated_version}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        The API: <a href="/openapi.json">OpenAPI document</a> · minimum stake uses <Money v={0} /> units of {p.asset.symbol}.
      </p>
    </section>
  );
}
