// Creators, leaderboards (VIP priority of workers and creators, the
// campaign with its payout preview), campaign participants and VIP holders.
import { get } from "../api";
import { AccountPage, Addr, Await, Cards, creatorHref, Facts, Money, NextPage, useLoad, useLocation, useNetwork, workerHref } from "../app";
import { BarChart, COLORS, compactTick } from "../charts";
import * as f from "../format";
import { EventList } from "./events";
import { JobsTable } from "./jobs";
import { WorkersTable } from "./workers";

export function CreatorPage({ address }: { address: string }) {
  const { units } = useNetwork();
  return (
    <AccountPage title="Creator" address={address} load={() => get("/v1/creators/{address}", { address })} heading={(p) => p.creator}>
      {(p) => {
        const months = [...p.months].reverse();
        return (
          <>
            <Cards
              items={[
                ["Jobs created", f.count(p.creator.jobs_created)],
                ["Deposited", <Money v={p.creator.deposited_total} />],
                ["Spent", <Money v={p.creator.spent_total} />],
                ["Spent this month", <Money v={p.spent_this_month} />],
                ["Frames succeeded", f.count(p.creator.frames_succeeded)],
                ["Priority", f.count(p.priority)],
              ]}
            />
            <h2>Where its deposits went</h2>
            <Facts
              items={[
                ["Paid to workers", <Money v={p.money.paid_to_workers} />],
                ["Fees", <Money v={p.money.fees} />],
                ["Refunded", <Money v={p.money.refunds} />],
                ["Held in escrow", <Money v={p.money.held} />],
                ["Jobs by status", Object.entries(p.jobs_by_status).filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`).join(", ") || "—"],
              ]}
            />
            {months.length > 0 ? (
              <BarChart
                title={`Spend per 30-day month (${units.symbol})`}
                labels={months.map((m) => f.day(m.month * 30))}
                format={(v) => f.amount(v, units)}
                tick={(v) => compactTick(v / 10 ** units.decimals)}
                series={[{ name: "spent", values: months.map((m) => m.spent), color: COLORS[1] }]}
              />
            ) : null}
            <h2>
              Jobs <a class="more" href={`/jobs?creator=${p.creator.address}`}>all →</a>
            </h2>
            <JobsTable jobs={p.jobs} />
          </>
        );
      }}
    </AccountPage>
  );
}

export function Leaderboards({ tab }: { tab: string }) {
  return (
    <section>
      <h1>Leaderboards</h1>
      <p class="tabs">
        {[
          ["workers", "Workers (VIP priority)"],
          ["creators", "Creators (VIP priority)"],
          ["campaign", "Testnet campaign"],
        ].map(([t, label]) => (
          <a key={t} class={t === tab ? "active" : ""} href={`/leaderboards/${t}`}>
            {label}
          </a>
        ))}
      </p>
      {tab === "creators" ? <CreatorBoard /> : tab === "campaign" ? <CampaignBoard /> : <WorkerBoard />}
    </section>
  );
}

function WorkerBoard() {
  const b = useLoad(() => get("/v1/leaderboards/workers", {}, { limit: 100 }), []);
  return (
    <Await loaded={b}>
      {(b) => (
        <>
          <p class="muted">
            Priority = hours online over epochs {b.window_epochs[0]}–{b.window_epochs[1] - 1} + 5 × frames − 10 × failed jobs + uptime bonus + 100 for a VIP pass.
          </p>
          <WorkersTable workers={b.items} rank />
        </>
      )}
    </Await>
  );
}

function CreatorBoard() {
  const b = useLoad(() => get("/v1/leaderboards/creators", {}, { limit: 100 }), []);
  return (
    <Await loaded={b}>
      {(b) => (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Creator</th>
              <th class="num">Spent this month</th>
              <th class="num">Frames succeeded</th>
              <th class="num">Priority</th>
              <th>VIP</th>
            </tr>
          </thead>
          <tbody>
            {b.items.map((c) => (
              <tr key={c.address}>
                <td>{c.rank}</td>
                <td>
                  <Addr a={c.address} href={creatorHref(c.address)} />
                </td>
                <td class="num">
                  <Money v={c.spent_this_month} />
                </td>
                <td class="num">{f.count(c.frames_succeeded)}</td>
                <td class="num">{f.count(c.priority)}</td>
                <td>{c.vip ? <span class="badge vip">VIP</span> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Await>
  );
}

const points = (micro: number) => (micro / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 });

function CampaignBoard() {
  const cursor = useLocation().searchParams.get("cursor") ?? undefined;
  const summary = useLoad(() => get("/v1/campaign"), []);
  const b = useLoad(() => get("/v1/leaderboard/campaign", {}, { limit: 100, cursor }), [cursor]);
  return (
    <>
      <Await loaded={summary}>
        {(s) =>
          s.campaign ? (
            <Cards
              items={[
                ["Participants", f.count(s.participants)],
                ["Pool", <Money v={s.campaign.pool} />],
                ["Paid", <Money v={s.campaign.paid_total} />],
                ["Period", `${f.time(s.campaign.period_start)} – ${f.time(s.campaign.period_end)}`],
              ]}
            />
          ) : (
            <p class="muted">No campaign configured.</p>
          )
        }
      </Await>
      <Await loaded={b}>
        {(b) => (
          <>
            <h2>Payout preview</h2>
            <p class="muted">What paying the top 100 now would pay, by tier{b.payout.pool_covers ? "; the pool covers it." : "; the pool does not cover it."}</p>
            <table>
              <thead>
                <tr>
                  <th>Ranks</th>
                  <th class="num">Per user</th>
                  <th class="num">Winners</th>
                  <th class="num">Total</th>
                </tr>
              </thead>
              <tbody>
                {b.payout.tiers.map((t) => (
                  <tr key={t.first_rank}>
                    <td>
                      #{t.first_rank}–{t.last_rank}
                    </td>
                    <td class="num">
                      <Money v={t.per_user} />
                    </td>
                    <td class="num">{t.winners}</td>
                    <td class="num">
                      <Money v={t.total} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <td>
                    <b>All</b>
                  </td>
                  <td />
                  <td />
                  <td class="num">
                    <b>
                      <Money v={b.payout.total} />
                    </b>{" "}
                    of pool <Money v={b.payout.pool} />
                  </td>
                </tr>
              </tbody>
            </table>
            <h2>Ranking</h2>
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>Participant</th>
                  <th class="num">Points</th>
                  <th class="num">Check-in</th>
                  <th class="num">Render</th>
                  <th class="num">Online</th>
                  <th class="num">Referral</th>
                  <th class="num">Payout</th>
                </tr>
              </thead>
              <tbody>
                {b.items.map((u) => (
                  <tr key={u.address}>
                    <td>{u.rank}</td>
                    <td>
                      <Addr a={u.address} href={`/campaign/${u.address}`} />
                    </td>
                    <td class="num">{points(u.total)}</td>
                    <td class="num">{points(u.points.check_in)}</td>
                    <td class="num">{points(u.points.creator + u.points.worker_render)}</td>
                    <td class="num">{points(u.points.worker_online)}</td>
                    <td class="num">{points(u.points.referral)}</td>
                    <td class="num">
                      <Money v={u.payout} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <NextPage cursor={b.next_cursor} />
          </>
        )}
      </Await>
    </>
  );
}

export function CampaignUser({ address }: { address: string }) {
  return (
    <AccountPage title="Campaign participant" address={address} load={() => get("/v1/campaign/users/{address}", { address })} heading={() => ({ address })}>
      {(u) => (
        <>
          <Cards
            items={[
              ["Rank", u.rank ? `#${u.rank}` : "—"],
              ["Points", points(u.total)],
              ["Payout now", <Money v={u.payout} />],
              ["Streak", u.user ? `${u.user.streak} days` : "—"],
              ["Check-ins", u.user ? f.count(u.user.check_ins) : "—"],
              // Credits are micro-credits that only jobs spend (0.1 credit a job).
              ["Credits", u.user ? points(u.user.credits_earned - u.user.credits_spent) : "—"],
              ["Credited jobs", u.user ? f.count(u.user.credited_jobs) : "—"],
            ]}
          />
          <Facts items={Object.entries(u.points).map(([k, v]) => [k.replace(/_/g, " "), points(v as number)])} />
          <h2>History</h2>
          <EventList events={u.history} />
        </>
      )}
    </AccountPage>
  );
}

export function Vip() {
  const list = useLoad(() => get("/v1/vip"), []);
  return (
    <section>
      <h1>VIP pass holders</h1>
      <Await loaded={list}>
        {(l) => (
          <table>
            <thead>
              <tr>
                <th>Holder</th>
                <th>Role</th>
                <th>Pass</th>
                <th>Minted</th>
              </tr>
            </thead>
            <tbody>
              {l.items.map((v) => (
                <tr key={`${v.holder}-${v.role}`}>
                  <td>
                    <Addr a={v.holder} href={v.role_name === "worker" ? workerHref(v.holder) : creatorHref(v.holder)} />
                  </td>
                  <td>{v.role_name}</td>
                  <td>
                    <Addr a={v.token} />
                  </td>
                  <td>{f.time(v.minted_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Await>
    </section>
  );
}
