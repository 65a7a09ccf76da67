// The actions a connected creator or worker can take on a job, shown on the
// job's page: cancel, confirm (all or some frames), rerender, dispute,
// reclaim, finalize, the worker's answer to a partial acceptance, and signing
// an offer for a candidate.
import { useState } from "preact/hooks";

import type { Answers } from "../api-types";
import { useNetwork } from "../app";
import * as f from "../format";
import { ActionForm, field, tx, useAction, useWallet } from "./common";

type Job = Answers["/v1/jobs/{id}"]["job"];

export function JobActions({ job }: { job: Job }) {
  const w = useWallet();
  const { params } = useNetwork();
  if (!w.account) return null;
  const creator = w.account === job.creator;
  const worker = w.account === job.worker;
  const settles = job.status === "submitted" || job.status === "partially_accepted" || job.status === "disputed";
  if (!creator && !worker && !settles) return null;
  // A rerender round whose deadline passed is judged, not refunded: either
  // party may dispute it; only a job that never delivered can be reclaimed.
  const missedRerender = job.status === "assigned" && job.rerenders > 0 && (job.render_deadline ?? 0) < params.chain_time;
  return (
    <section class="console" aria-label="job actions">
      <h2>Your actions {creator ? "(creator)" : worker ? "(worker)" : ""}</h2>
      <div class="actions">
        {creator && job.status === "open" ? <Cancel job={job} /> : null}
        {creator && job.status === "open" ? <SignOffer job={job} /> : null}
        {creator && job.status === "submitted" ? <Confirm job={job} /> : null}
        {creator && job.status === "submitted" ? <Rerender job={job} /> : null}
        {creator && job.status === "submitted" ? <Dispute job={job} /> : null}
        {worker && job.status === "partially_accepted" ? <AcceptPartial job={job} /> : null}
        {worker && job.status === "partially_accepted" ? <Dispute job={job} /> : null}
        {(creator || worker) && missedRerender ? <Dispute job={job} /> : null}
        {creator && job.status === "assigned" && job.rerenders === 0 ? <Reclaim job={job} /> : null}
        {settles ? <Finalize job={job} /> : null}
      </div>
    </section>
  );
}

function usePkg(): string {
  const { params } = useNetwork();
  if (!params.package) throw new Error("the indexer has not seen the package yet");
  return params.package;
}

function Cancel({ job }: { job: Job }) {
  const pkg = usePkg();
  const [o, run] = useAction();
  return (
    <ActionForm title="Cancel the job" button="Cancel and refund" o={o} onSubmit={() => run(async () => (await tx()).submit((await tx()).entry.escrow.cancel(pkg, { job: job.address })))}>
      <p class="muted">Refunds the whole deposit while nobody accepted an offer.</p>
    </ActionForm>
  );
}

function Confirm({ job }: { job: Job }) {
  const pkg = usePkg();
  const [o, run] = useAction();
  const done = job.frames_done ?? job.frames;
  return (
    <div>
      <ActionForm
        title="Confirm frames"
        button="Confirm and pay"
        o={o}
        onSubmit={(form) =>
          run(async () => {
            const n = Number(field(form, "frames"));
            if (!Number.isInteger(n) || n < 0 || n > done) throw new Error(`frames must be a whole number from 0 to ${done}`);
            const t = await tx();
            return t.submit(t.entry.escrow.confirm(pkg, { job: job.address, framesAccepted: n }));
          })
        }
      >
        <label>
          Frames accepted (fewer than {done} is a partial confirmation){" "}
          <input name="frames" type="number" min={0} max={done} defaultValue={done} />
        </label>
      </ActionForm>
    </div>
  );
}

function Rerender({ job }: { job: Job }) {
  const pkg = usePkg();
  const { params } = useNetwork();
  const [o, run] = useAction();
  const deadline = params.chain_time + 2 * 86400;
  return (
    <div>
      <ActionForm
        title="Ask for a rerender"
        button="Request rerender"
        o={o}
        onSubmit={(form) =>
          run(async () => {
            const frames = Number(field(form, "frames"));
            const hours = Number(field(form, "hours"));
            if (!Number.isInteger(frames) || frames < 1) throw new Error("frames must be at least 1");
            if (!(hours > 0)) throw new Error("the new deadline must be in the future");
            const t = await tx();
            return t.submit(t.entry.escrow.requestRerender(pkg, { job: job.address, frames, renderDeadline: Math.floor(Date.now() / 1000 + hours * 3600) }));
          })
        }
      >
        <label>
          Frames <input name="frames" type="number" min={1} max={job.frames} defaultValue={Math.min(job.frames, 1)} />
        </label>{" "}
        <label>
          New deadline in hours <input name="hours" type="number" min={1} defaultValue={48} />
        </label>
        <p class="muted">Rerenders so far: {job.rerenders}. Chain time {f.time(params.chain_time)}; a deadline of {f.time(deadline)} is two days out.</p>
      </ActionForm>
    </div>
  );
}

function Dispute({ job }: { job: Job }) {
  const pkg = usePkg();
  const [o, run] = useAction();
  return (
    <div>
      <ActionForm
        title="Dispute"
        button="Open a dispute"
        o={o}
        onSubmit={(form) =>
          run(async () => {
            const reason = field(form, "reason").trim();
            if (!reason) throw new Error("say why");
            const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(reason)));
            const t = await tx();
            return t.submit(t.entry.escrow.dispute(pkg, { job: job.address, reasonHash: digest }));
          })
        }
      >
        <label>
          Reason (its SHA-256 goes on chain) <input name="reason" type="text" placeholder="frames 10–20 are black" />
        </label>
      </ActionForm>
    </div>
  );
}

/** The worker takes the creator's partial acceptance as it stands. */
function AcceptPartial({ job }: { job: Job }) {
  const pkg = usePkg();
  const { units } = useNetwork();
  const [o, run] = useAction();
  const accepted = job.review?.frames_accepted ?? 0;
  return (
    <ActionForm
      title="Accept the partial payment"
      button={`Accept ${accepted} of ${job.frames_done ?? job.frames} frames`}
      o={o}
      onSubmit={() => run(async () => (await tx()).submit((await tx()).entry.escrow.acceptPartial(pkg, { job: job.address })))}
    >
      <p class="muted">
        The creator accepted {accepted} frames at {f.amount(job.price_per_frame ?? 0, units)} each. Accept to be paid now, or dispute before{" "}
        {f.time(job.review?.response_deadline ?? 0)}; silence pays the accepted frames.
      </p>
    </ActionForm>
  );
}

function Reclaim({ job }: { job: Job }) {
  const pkg = usePkg();
  const [o, run] = useAction();
  return (
    <ActionForm title="Reclaim" button="Reclaim after the missed deadline" o={o} onSubmit={() => run(async () => (await tx()).submit((await tx()).entry.escrow.reclaim(pkg, { job: job.address })))}>
      <p class="muted">Only after the render deadline ({f.time(job.render_deadline)}) passed without any delivery; the worker's locked collateral is slashed.</p>
    </ActionForm>
  );
}

function Finalize({ job }: { job: Job }) {
  const pkg = usePkg();
  const [o, run] = useAction();
  return (
    <ActionForm title="Finalize" button="Finalize" o={o} onSubmit={() => run(async () => (await tx()).submit((await tx()).entry.escrow.finalize(pkg, { job: job.address })))}>
      <p class="muted">Anyone may settle once the review window ({f.time(job.review_deadline)}), the worker's response window or the dispute timeout passed.</p>
    </ActionForm>
  );
}

/** The creator signs an offer of the job to one worker with the wallet's `signMessage`. */
function SignOffer({ job }: { job: Job }) {
  const pkg = usePkg();
  const { params, units } = useNetwork();
  const [signed, setSigned] = useState<string>();
  const [o, run] = useAction();
  return (
    <div>
      <ActionForm
        title="Sign an offer"
        button="Sign offer in wallet"
        o={o}
        onSubmit={(form) =>
          run(async () => {
            const worker = field(form, "worker").trim();
            if (!/^0x[0-9a-fA-F]{1,64}$/.test(worker)) throw new Error("the worker must be a 0x address");
            const price = f.parseAmount(field(form, "price"), units);
            if (price > BigInt(job.max_price_per_frame)) throw new Error(`at most the job's maximum, ${f.amount(job.max_price_per_frame, units)}`);
            const now = Math.floor(Date.now() / 1000);
            const t = await tx();
            const offer = await t.signOffer({
              package: pkg,
              offer: {
                jobId: job.job_id,
                worker,
                pricePerFrame: price,
                renderDeadline: now + Number(field(form, "hours")) * 3600,
                offerExpiresAt: now + 3600,
                nonce: BigInt(now) * 1000n + BigInt(Math.floor(Math.random() * 1000)),
                chainId: params.chain_id ?? 0,
              },
              asset: { decimals: units.decimals, symbol: units.symbol },
            });
            const text = JSON.stringify(offer, null, 2);
            setSigned(text);
            return String(offer.signature);
          })
        }
      >
        <label>
          Worker <input name="worker" type="text" placeholder="0x… (see the candidates below)" />
        </label>{" "}
        <label>
          Price per frame ({units.symbol}) <input name="price" type="text" defaultValue={f.amount(job.max_price_per_frame, { ...units, symbol: "" }, units.decimals).replace(/,/g, "")} />
        </label>{" "}
        <label>
          Render deadline in hours <input name="hours" type="number" min={1} defaultValue={24} />
        </label>
      </ActionForm>
      {signed ? (
        <div class="signed-offer">
          <p>Signed offer (hand it to the worker, or the job board):</p>
          <pre>{signed}</pre>
        </div>
      ) : null}
    </div>
  );
}
