// Workers: the list by score, stake or priority, and one worker's page
// (score history, stake and its lock, epochs earned, jobs).
import { get } from "../api";
import type { Answers } from "../api-types";
import { AccountPage, Addr, Await, Cards, Facts, Money, NextPage, setQuery, useLoad, useLocation, useNetwork, workerHref } from "../app";
import { BarChart, COLORS, compactTick, LineChart } from "../charts";
import * as f from "../format";
import { EventList } from "./events";
import { JobsTable } from "./jobs";
import { RewardsTable } from "./network";

type Worker = Answers["/v1/workers"]["items"][number];

export function WorkersTable({ workers, rank }: { workers: (Worker & { rank?: number })[]; rank?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          {rank ? <th>#</th> : null}
          <th>Worker</th>
          <th>GPU</th>
          <th class="num">Score</th>
          <th class="num">Stake</th>
          <th class="num">Frames</th>
          <th class="num">Priority</th>
          <th>State</th>
        </tr>
      </thead>
      <tbody>
        {workers.map((w) => (
          <tr key={w.address}>
            {rank ? <td>{w.rank}</td> : null}
            <td>
              <Addr a={w.address} href={workerHref(w.address)} />
            </td>
            <td>{w.gpu_model ?? "—"}</td>
            <td class="num">{f.score(w.score)}</td>
            <td class="num">
              <Money v={w.stake} />
            </td>
            <td class="num">{f.count(w.frames_completed)}</td>
            <td class="num">{f.count(w.priority)}</td>
            <td>
              {w.eligible ? <span class="badge s-completed">eligible</span> : w.score_valid ? <span class="badge">attested</span> : <span class="badge s-cancelled">no valid score</span>}
              {w.vip ? <span class="badge vip">VIP</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Workers() {
  const q = useLocation().searchParams;
  const sort = q.get("sort") ?? "score";
  const cursor = q.get("cursor") ?? undefined;
  const list = useLoad(() => get("/v1/workers", {}, { sort, cursor, limit: 50 }), [sort, cursor]);
  return (
    <section>
      <h1>Workers</h1>
      <p class="tabs">
        Sort by{" "}
        {["score", "stake", "priority"].map((s) => (
          <button type="button" key={s} class={s === sort ? "active" : ""} onClick={() => setQuery({ sort: s, cursor: undefined })}>
            {s}
          </button>
        ))}
      </p>
      <Await loaded={list}>
        {(p) => (
          <>
            <WorkersTable workers={p.items} />
            <NextPage cursor={p.next_cursor} />
          </>
        )}
      </Await>
    </section>
  );
}

export function WorkerPage({ address }: { address: string }) {
  const { units } = useNetwork();
  return (
    <AccountPage title="Worker" address={address} load={() => get("/v1/workers/{address}", { address })} heading={(p) => p.worker}>
      {(p) => {
        const w = p.worker;
        const scores = [...p.attestations].reverse().filter((a) => !a.revoked && a.score !== null && a.score !== undefined);
        const epochs = [...p.rewards.epochs].reverse();
        return (
          <>
            <Cards
              items={[
                ["Score", `${f.score(w.score)} IB${w.score_valid ? "" : " (not valid)"}`],
                ["GPU", w.gpu_model ?? "—"],
                ["VRAM", `${f.count(w.vram_mb)} MB`],
                ["Price per IB-hour", <Money v={w.price_per_ib_hour} />],
                ["Eligible", w.eligible ? "yes" : "no"],
                ["Priority", f.count(w.priority)],
                ["Frames completed", f.count(w.frames_completed)],
                ["Jobs completed / failed", `${w.jobs_completed} / ${w.jobs_failed}`],
                ["Online (priority window)", f.duration(w.online_secs_window)],
              ]}
            />
            <h2>Stake and lock</h2>
            <Facts
              items={[
                ["Stake", <Money v={p.stake.stake} />],
                ["Minimum stake S(n)", <Money v={p.stake.min_stake} />],
                ["Unbonding", <Money v={p.stake.unbonding} />],
                ["Withdrawable at", p.stake.unbonding > 0 ? f.time(p.stake.unbonding_available_at) : "—"],
                ["Withdrawn", <Money v={p.stake.withdrawn_total} />],
                ["Slashed", <Money v={p.stake.slashed_total} />],
              ]}
            />
            <div class="charts">
              {scores.length > 0 ? (
                <LineChart
                  title="Score history (IB)"
                  labels={scores.map((a) => f.time(a.effective_at).slice(0, 10))}
                  format={(v) => (v / 1e6).toFixed(2)}
                  tick={(v) => (v / 1e6).toFixed(1)}
                  series={[{ name: "score", values: scores.map((a) => a.score ?? 0), color: COLORS[0] }]}
                />
              ) : null}
              {epochs.length > 0 ? (
                <BarChart
                  title={`Rewards per epoch (${units.symbol})`}
                  labels={epochs.map((e) => String(e.epoch))}
                  format={(v) => f.amount(v, units)}
                  tick={(v) => compactTick(v / 10 ** units.decimals)}
                  series={[
                    { name: "entitled", values: epochs.map((e) => e.reward ?? 0), color: COLORS[2] },
                    { name: "claimed", values: epochs.map((e) => e.claimed), color: COLORS[1] },
                  ]}
                />
              ) : null}
            </div>
            <h2>Epochs earned</h2>
            <RewardsTable
              first="Epoch"
              rows={p.rewards.epochs.map((e) => ({ ...e, key: e.epoch, name: <a href={`/epochs/${e.epoch}`}>{e.epoch}</a> }))}
            />
            <h2>Attestations</h2>
            <table>
              <thead>
                <tr>
                  <th>Version</th>
                  <th>What</th>
                  <th class="num">Score</th>
                  <th>Effective</th>
                  <th>Expires</th>
                </tr>
              </thead>
              <tbody>
                {p.attestations.map((a) => (
                  <tr key={`${a.version}:${a.event_index}`}>
                    <td>{a.version}</td>
                    <td>{a.revoked ? `revoked: ${a.reason ?? ""}` : `${a.gpu_model ?? ""}`}</td>
                    <td class="num">{f.score(a.score)}</td>
                    <td>{f.time(a.effective_at)}</td>
                    <td>{f.time(a.expires_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Stake history</h2>
            <EventList events={p.stake.history} />
            <h2>
              Jobs <a class="more" href={`/jobs?worker=${w.address}`}>all →</a>
            </h2>
            <JobsTable jobs={p.jobs} />
          </>
        );
      }}
    </AccountPage>
  );
}
