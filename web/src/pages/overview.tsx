// The network at a glance: totals, the charts of jobs, frames, money,
// reward pools and workers over time, and the newest events as they come.
import { useState } from "preact/hooks";

import { get } from "../api";
import { Await, Cards, type FeedEvent, jobHref, Money, useLive, useLoad, useNetwork, useRefreshOnEvents } from "../app";
import { BarChart, COLORS, compactTick, LineChart } from "../charts";
import * as f from "../format";
import { EventLine } from "./events";

export function Overview() {
  const stats = useLoad(() => get("/v1/stats"), []);
  const daily = useLoad(() => get("/v1/stats/daily", {}, { days: 30 }), []);
  useRefreshOnEvents(stats);
  useRefreshOnEvents(daily);
  const { units } = useNetwork();
  const money = (v: number) => f.amount(v, units, 0);
  return (
    <section>
      <h1>Network overview</h1>
      <Await loaded={stats}>
        {(s) => (
          <Cards
            items={[
              ["Jobs", f.count(s.jobs.total)],
              ["Open jobs", f.count(s.jobs.by_status["open"] ?? 0)],
              ["Workers", f.count(s.workers.total)],
              ["Attested workers", f.count(s.workers.with_valid_score)],
              ["Creators", f.count(s.creators)],
              ["Total stake", <Money v={s.total_stake} />],
              ["Paid for frames", <Money v={s.total_paid} />],
              ["Frames paid", f.count(s.frames_paid)],
              ["VIP holders", f.count(s.vip_holders)],
              ["Current epoch", <a href={`/epochs/${s.current_epoch}`}>{s.current_epoch}</a>],
            ]}
          />
        )}
      </Await>
      <Await loaded={daily}>
        {(d) => {
          const days = d.days.map((x) => f.day(x.day));
          const epochs = d.epochs.map((e) => String(e.epoch));
          const m = d.money;
          return (
            <div class="charts">
              <BarChart
                title="Jobs per day"
                labels={days}
                series={[
                  { name: "created", values: d.days.map((x) => x.jobs_created), color: COLORS[0] },
                  { name: "paid", values: d.days.map((x) => x.jobs_paid), color: COLORS[2] },
                ]}
              />
              <BarChart title="Frames paid per day" labels={days} series={[{ name: "frames", values: d.days.map((x) => x.frames_paid), color: COLORS[4] }]} />
              <BarChart
                title={`Money per day (${units.symbol})`}
                labels={days}
                stacked
                format={money}
                tick={(v) => compactTick(v / 10 ** units.decimals)}
                series={[
                  { name: "to workers", values: d.days.map((x) => x.paid_to_workers), color: COLORS[2] },
                  { name: "fees", values: d.days.map((x) => x.fees), color: COLORS[1] },
                  { name: "refunds", values: d.days.map((x) => x.refunds), color: COLORS[5] },
                ]}
              />
              <figure class="chart flow">
                <figcaption>Where deposits went</figcaption>
                <FlowBar
                  total={m.deposits}
                  parts={[
                    ["paid to workers", m.paid_to_workers, COLORS[2]],
                    ["fees", m.fees, COLORS[1]],
                    ["refunds", m.refunds, COLORS[5]],
                    ["held in escrow", m.held, COLORS[0]],
                  ]}
                />
                <p class="muted">
                  Deposits <Money v={m.deposits} /> = paid <Money v={m.paid_to_workers} /> + fees <Money v={m.fees} /> + refunds <Money v={m.refunds} /> + held <Money v={m.held} />; slashed stake <Money v={m.slashed} />.
                </p>
              </figure>
              <BarChart
                title={`Reward pools per epoch (${units.symbol})`}
                labels={epochs}
                stacked
                format={money}
                tick={(v) => compactTick(v / 10 ** units.decimals)}
                series={[
                  { name: "PoC", values: d.epochs.map((e) => e.poc_pool), color: COLORS[0] },
                  { name: "PoD", values: d.epochs.map((e) => e.pod_pool), color: COLORS[4] },
                  { name: "rolled over / funded", values: d.epochs.map((e) => (e.closed ? e.rolled_over : e.pool)), color: COLORS[5] },
                ]}
              />
              <LineChart
                title="Active and attested workers per epoch"
                labels={epochs}
                series={[
                  { name: "active (online reported)", values: d.epochs.map((e) => e.active_workers), color: COLORS[2] },
                  { name: "attested (valid score)", values: d.epochs.map((e) => e.attested_workers), color: COLORS[0] },
                ]}
              />
            </div>
          );
        }}
      </Await>
      <LatestEvents />
    </section>
  );
}

/** One bar split into the parts of a total. */
function FlowBar({ total, parts }: { total: number; parts: [string, number, string][] }) {
  const { units } = useNetwork();
  return (
    <div class="flowbar" role="img" aria-label="where deposits went">
      {parts.map(([name, v, color]) => (
        <span key={name} style={{ width: `${total > 0 ? (100 * v) / total : 0}%`, background: color }} title={`${name}: ${f.amount(v, units)}`} />
      ))}
    </div>
  );
}

/** The newest events: the last ones indexed, then each new one as it arrives. */
function LatestEvents() {
  const status = useLoad(() => get("/v1/status"), []);
  const [events, setEvents] = useState<FeedEvent[]>([]);
  const after = status.data ? Math.max(0, (status.data.indexed_version ?? 0) - 300) : undefined;
  useLive(after === undefined ? null : { after }, (e) => setEvents((es) => [e, ...es].slice(0, 15)));
  return (
    <section>
      <h2>Latest events</h2>
      {events.length === 0 ? (
        <p class="muted">Waiting for events…</p>
      ) : (
        <ul class="events">
          {events.map((e) => (
            <li key={`${e.version}:${e.event_index}`}>
              <EventLine e={e} />
              {e.job_id !== null && e.job_id !== undefined ? (
                <>
                  {" "}
                  · <a href={jobHref(e.job_id)}>job #{e.job_id}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
