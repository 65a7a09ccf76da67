// Jobs: the list with filters, and one job with its money, its history and
// (while open) the workers it could go to.
import { get } from "../api";
import type { Answers } from "../api-types";
import { Addr, Await, creatorHref, Facts, jobHref, Money, NextPage, setQuery, Status, useLoad, useLocation, useNetwork, useRefreshOnEvents, workerHref } from "../app";
import * as f from "../format";
import { JobActions } from "../console/actions";
import { EventList } from "./events";

type Job = Answers["/v1/jobs"]["items"][number];

const STATUSES = ["open", "assigned", "submitted", "completed", "cancelled", "reclaimed", "disputed", "resolved", "partially_accepted"];
/** How the creator authorised the assignment (`terms.offer_kind`). */
const OFFER_KINDS: Record<string, string> = {
  signed: "signed offer (BCS)",
  wallet_envelope: "signed in the creator's wallet (signMessage)",
  on_chain: "published on chain by the creator",
};

export function JobsTable({ jobs }: { jobs: Job[] }) {
  if (jobs.length === 0) return <p class="muted">No jobs.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Job</th>
          <th>Status</th>
          <th>Creator</th>
          <th>Worker</th>
          <th class="num">Frames</th>
          <th class="num">Deposit</th>
          <th class="num">Paid</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.job_id}>
            <td>
              <a href={jobHref(j.job_id)}>#{j.job_id}</a>
            </td>
            <td>
              <Status s={j.status} />
            </td>
            <td>
              <Addr a={j.creator} href={creatorHref(j.creator)} />
            </td>
            <td>
              <Addr a={j.worker} href={j.worker ? workerHref(j.worker) : undefined} />
            </td>
            <td class="num">{f.count(j.frames)}</td>
            <td class="num">
              <Money v={j.deposit} />
            </td>
            <td class="num">
              <Money v={j.gross} />
            </td>
            <td>{f.time(j.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Jobs() {
  const q = useLocation().searchParams;
  const query = { status: q.get("status") ?? undefined, creator: q.get("creator") ?? undefined, worker: q.get("worker") ?? undefined, cursor: q.get("cursor") ?? undefined, limit: 50 };
  const jobs = useLoad(() => get("/v1/jobs", {}, query), [query]);
  return (
    <section>
      <h1>Jobs</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status{" "}
          <select value={query.status ?? ""} onChange={(e) => setQuery({ status: e.currentTarget.value, cursor: undefined })}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        {query.creator ? (
          <span>
            creator <Addr a={query.creator} /> <a href={withoutParam("creator")}>×</a>
          </span>
        ) : null}
        {query.worker ? (
          <span>
            worker <Addr a={query.worker} /> <a href={withoutParam("worker")}>×</a>
          </span>
        ) : null}
      </form>
      <Await loaded={jobs}>
        {(p) => (
          <>
            <JobsTable jobs={p.items} />
            <NextPage cursor={p.next_cursor} />
          </>
        )}
      </Await>
    </section>
  );
}

function withoutParam(name: string): string {
  const u = new URL(window.location.href);
  u.searchParams.delete(name);
  u.searchParams.delete("cursor");
  return u.pathname + u.search;
}

export function JobPage({ id }: { id: string }) {
  const page = useLoad(() => get("/v1/jobs/{id}", { id }), [id]);
  useRefreshOnEvents(page, /^\d+$/.test(id) ? { job: id } : {});
  const { params } = useNetwork();
  return (
    <section>
      <Await loaded={page}>
        {({ job: j, history }) => (
          <>
            <h1>
              Job #{j.job_id} <Status s={j.status} />
            </h1>
            <Facts
              items={[
                ["Object", <Addr a={j.address} full />],
                ["Creator", <Addr a={j.creator} href={creatorHref(j.creator)} />],
                ["Worker", <Addr a={j.worker} href={j.worker ? workerHref(j.worker) : undefined} />],
                ["Frames", `${f.count(j.frames)}${j.frames_done !== null && j.frames_done !== undefined ? ` (${f.count(j.frames_done)} done)` : ""}`],
                ["Max price per frame", <Money v={j.max_price_per_frame} />],
                ["Price per frame", j.price_per_frame === null || j.price_per_frame === undefined ? "—" : <Money v={j.price_per_frame} />],
                ["Offer", j.terms?.offer_kind ? (OFFER_KINDS[j.terms.offer_kind] ?? j.terms.offer_kind) : "—"],
                ["Requirements", `score ≥ ${f.score(j.min_score)} IB, VRAM ≥ ${f.count(j.min_vram_mb)} MB`],
                ["Render deadline", f.time(j.render_deadline)],
                ["Review deadline", f.time(j.review_deadline)],
                ["Rerenders", `${j.rerenders} of ${params.params.find((p) => p.name === "max_rerenders")?.value ?? "?"}`],
                ["Spec hash", <code class="hash">{j.spec_hash}</code>],
                ["Created", f.time(j.created_at)],
              ]}
            />
            <h2>Money</h2>
            <Facts
              items={[
                ["Deposit", <Money v={j.deposit} />],
                ["Frames paid", f.count(j.frames_paid)],
                ["Gross", <Money v={j.gross} />],
                ["To the worker", <Money v={j.worker_amount} />],
                ["Fee", <Money v={j.fee} />],
                ["Refunded", <Money v={j.refund} />],
                ["Held", <Money v={j.deposit - j.worker_amount - j.fee - j.refund} />],
                ["Worker slashed", <Money v={j.slashed} />],
              ]}
            />
            <JobActions job={j} />
            <h2>History</h2>
            <EventList events={history} history />
            {j.status === "open" ? <Candidates id={String(j.job_id)} /> : null}
          </>
        )}
      </Await>
    </section>
  );
}

function Candidates({ id }: { id: string }) {
  const c = useLoad(() => get("/v1/jobs/{id}/candidates", { id }, { limit: 20 }), [id]);
  return (
    <Await loaded={c}>
      {(c) => (
        <>
          <h2>
            Candidates ({c.eligible_total} eligible, {c.vip_first} VIP first)
          </h2>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>Worker</th>
                <th>GPU</th>
                <th class="num">Score</th>
                <th class="num">Priority</th>
                <th>VIP</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((w) => (
                <tr key={w.address}>
                  <td>{w.rank}</td>
                  <td>
                    <Addr a={w.address} href={workerHref(w.address)} />
                  </td>
                  <td>{w.gpu_model ?? "—"}</td>
                  <td class="num">{f.score(w.score)}</td>
                  <td class="num">{f.count(w.priority)}</td>
                  <td>{w.vip_priority_slot ? "VIP slot" : w.vip ? "VIP" : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Await>
  );
}
