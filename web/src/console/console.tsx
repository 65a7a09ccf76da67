// The creator and worker consoles: what a connected wallet can do with its
// own jobs, stake, rewards, VIP pass and campaign record. Every action is one
// transaction built with the project's TypeScript client and signed and
// submitted by the wallet; the pages show the result once it is indexed.
import { get } from "../api";
import type { Answers } from "../api-types";
import { Addr, Await, Cards, Money, useLoad, useNetwork, useRefreshOnEvents, workerHref, creatorHref } from "../app";
import * as f from "../format";
import { JobsTable } from "../pages/jobs";
import { ActionForm, field, tx, useAction, useWallet, WalletButton } from "./common";

/**
 * The console of one role at a time (`/console/creator`, `/console/worker`):
 * each asks only for what its role has, so a creator's console never asks
 * for a worker page the account does not have.
 */
export function Console({ role }: { role: "creator" | "worker" }) {
  const w = useWallet();
  const { params } = useNetwork();
  return (
    <section>
      <h1>Console</h1>
      {!w.account ? (
        <>
          <p>Connect an Aptos wallet (AIP-62 wallet standard) to create and fund jobs, stake, and claim rewards. The explorer works without one.</p>
          <WalletButton />
        </>
      ) : (
        <>
          <p>
            Connected as <Addr a={w.account} full />
            {w.chainId !== undefined && params.chain_id !== null && params.chain_id !== undefined && w.chainId !== params.chain_id ? (
              <span class="error" role="alert">
                {" "}
                — the wallet is on chain {w.chainId}, this explorer indexes chain {params.chain_id}
              </span>
            ) : null}
            {params.paused ? <span class="error"> — the protocol is paused</span> : null}
          </p>
          <p class="tabs">
            {(
              [
                ["creator", "Creator"],
                ["worker", "Worker"],
              ] as const
            ).map(([r, label]) => (
              <a key={r} class={r === role ? "active" : ""} href={`/console/${r}`}>
                {label}
              </a>
            ))}
          </p>
          {role === "creator" ? <CreatorConsole me={w.account} /> : <WorkerConsole me={w.account} />}
        </>
      )}
    </section>
  );
}

function usePkg(): string {
  const { params } = useNetwork();
  return params.package ?? "0x0";
}

function CreatorConsole({ me }: { me: string }) {
  const pkg = usePkg();
  const { units } = useNetwork();
  const jobs = useLoad(() => get("/v1/jobs", {}, { creator: me, limit: 20 }), [me]);
  useRefreshOnEvents(jobs, { account: me });
  const [o, run] = useAction();
  const [vip, runVip] = useAction();
  return (
    <section class="console" aria-label="creator console">
      <h2>Creator</h2>
      <ActionForm
        title="Create and fund a job"
        button="Create job"
        o={o}
        onSubmit={(form) =>
          run(async () => {
            const frames = Number(field(form, "frames"));
            if (!Number.isInteger(frames) || frames < 1) throw new Error("frames must be a whole number of at least 1");
            const price = f.parseAmount(field(form, "price"), units);
            if (price <= 0n) throw new Error("the price per frame must be above 0");
            const minScore = Math.round(Number(field(form, "score")) * 1e6);
            const minVram = Number(field(form, "vram"));
            const spec = field(form, "spec").trim();
            if (!spec) throw new Error("describe the job (its spec is hashed on chain)");
            const specHash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(spec)));
            const t = await tx();
            return t.submit(t.entry.escrow.createJob(pkg, { specHash, frames, maxPricePerFrame: price, minScore, minVramMb: minVram }));
          })
        }
      >
        <label>
          Frames <input name="frames" type="number" min={1} defaultValue={240} />
        </label>
        <label>
          Max price per frame ({units.symbol}) <input name="price" type="text" defaultValue="0.1" />
        </label>
        <label>
          Min score (IB) <input name="score" type="number" step="0.01" min={0} defaultValue={0} />
        </label>
        <label>
          Min VRAM (MB) <input name="vram" type="number" min={0} defaultValue={0} />
        </label>
        <label>
          Spec (scene, frames, settings; hashed) <input name="spec" type="text" defaultValue="scene.blend frames 1-240 cycles 128spp" />
        </label>
      </ActionForm>
      <ActionForm title="Claim the creator VIP pass" button="Claim VIP pass" o={vip} onSubmit={() => runVip(async () => (await tx()).submit((await tx()).entry.vip.claim(pkg, { role: 0 })))}>
        <p class="muted">When your total spend reached the threshold.</p>
      </ActionForm>
      <h3>
        Your jobs <a class="more" href={creatorHref(me)}>your creator page →</a>
      </h3>
      <Await loaded={jobs}>{(p) => <JobsTable jobs={p.items} />}</Await>
    </section>
  );
}

type Campaign = Answers["/v1/campaign"]["campaign"];

/**
 * Whether a check-in now falls in the campaign's period (the contract aborts
 * outside it): `true`, or why not; `undefined` while loading.
 */
function checkInOpen(c: Campaign | undefined): true | string | undefined {
  if (c === undefined) return undefined;
  if (c === null) return "No testnet campaign is set up, so there is nothing to check in to.";
  const now = Date.now() / 1000;
  if (now < c.period_start) return `Check-ins open with the campaign on ${f.time(c.period_start)}.`;
  if (now >= c.period_end) return `The campaign ran from ${f.time(c.period_start)} to ${f.time(c.period_end)}; check-ins are closed.`;
  return true;
}

function WorkerConsole({ me }: { me: string }) {
  const pkg = usePkg();
  const { units } = useNetwork();
  const page = useLoad(() => get("/v1/workers/{address}", { address: me }), [me]);
  useRefreshOnEvents(page, { account: me });
  const [price, runPrice] = useAction();
  const [stake, runStake] = useAction();
  const [unstake, runUnstake] = useAction();
  const [withdraw, runWithdraw] = useAction();
  const [claim, runClaim] = useAction();
  const [vip, runVip] = useAction();
  const [checkIn, runCheckIn] = useAction();
  const campaign = useLoad(() => get("/v1/campaign"), []);
  const campaignOpen = checkInOpen(campaign.data?.campaign);
  const w = page.data;
  const claimable = w ? w.rewards.epochs.filter((e) => e.reward !== null && e.reward !== undefined && e.reward > e.claimed) : [];
  const amountOf = (form: HTMLFormElement) => {
    const v = f.parseAmount(field(form, "amount"), units);
    if (v <= 0n) throw new Error("the amount must be above 0");
    return v;
  };
  return (
    <section class="console" aria-label="worker console">
      <h2>Worker</h2>
      {w ? (
        <Cards
          items={[
            ["Stake", <Money v={w.stake.stake} />],
            ["Minimum stake", <Money v={w.stake.min_stake} />],
            ["Unbonding", <Money v={w.stake.unbonding} />],
            ["Score", `${f.score(w.worker.score)} IB`],
            ["Eligible", w.worker.eligible ? "yes" : "no"],
          ]}
        />
      ) : (
        <p class="muted">
          {page.status === 404 ? "Not a worker yet: attest a GPU with lumen-relayer, set a price and stake." : "Loading…"}{" "}
          <a href={workerHref(me)}>worker page</a>
        </p>
      )}
      <ActionForm title="Set your price" button="Set price" o={price} onSubmit={(form) => runPrice(async () => (await tx()).submit((await tx()).entry.staking.setPrice(pkg, { pricePerIbHour: amountOf(form) })))}>
        <label>
          Price per IB-hour ({units.symbol}) <input name="amount" type="text" defaultValue="0.4" />
        </label>
      </ActionForm>
      <ActionForm title="Stake" button="Stake" o={stake} onSubmit={(form) => runStake(async () => (await tx()).submit((await tx()).entry.staking.stake(pkg, { amount: amountOf(form) })))}>
        <label>
          Amount ({units.symbol}) <input name="amount" type="text" defaultValue="100" />
        </label>
      </ActionForm>
      <ActionForm title="Unstake" button="Request unstake" o={unstake} onSubmit={(form) => runUnstake(async () => (await tx()).submit((await tx()).entry.staking.requestUnstake(pkg, { amount: amountOf(form) })))}>
        <label>
          Amount ({units.symbol}) <input name="amount" type="text" defaultValue="10" />
        </label>
        <p class="muted">The amount unbonds, then can be withdrawn.</p>
      </ActionForm>
      <ActionForm title="Withdraw unbonded stake" button="Withdraw" o={withdraw} onSubmit={() => runWithdraw(async () => (await tx()).submit((await tx()).entry.staking.withdraw(pkg)))}>
        {w && w.stake.unbonding > 0 ? <p class="muted">{f.amount(w.stake.unbonding, units)} available from {f.time(w.stake.unbonding_available_at)}.</p> : null}
      </ActionForm>
      <ActionForm
        title="Claim rewards"
        button="Claim"
        o={claim}
        onSubmit={(form) =>
          runClaim(async () => {
            const epoch = Number(field(form, "epoch"));
            if (!Number.isInteger(epoch) || epoch < 0) throw new Error("choose an epoch");
            const t = await tx();
            return t.submit(t.entry.rewards.claim(pkg, { epoch }));
          })
        }
      >
        <label>
          Epoch{" "}
          {claimable.length > 0 ? (
            <select name="epoch">
              {claimable.map((e) => (
                <option key={e.epoch} value={e.epoch}>
                  {e.epoch}: {f.amount((e.reward ?? 0) - e.claimed, units)}
                </option>
              ))}
            </select>
          ) : (
            <input name="epoch" type="number" min={0} defaultValue={0} />
          )}
        </label>
      </ActionForm>
      <ActionForm title="Claim the worker VIP pass" button="Claim VIP pass" o={vip} onSubmit={() => runVip(async () => (await tx()).submit((await tx()).entry.vip.claim(pkg, { role: 1 })))}>
        <p class="muted">After 30 reported days with enough uptime.</p>
      </ActionForm>
      {campaignOpen === undefined ? null : campaignOpen === true ? (
        <ActionForm title="Campaign check-in" button="Check in today" o={checkIn} onSubmit={() => runCheckIn(async () => (await tx()).submit((await tx()).entry.campaign.checkIn(pkg)))}>
          <p class="muted">
            Once per UTC day; see your <a href={`/campaign/${me}`}>campaign record</a>.
          </p>
        </ActionForm>
      ) : (
        <p class="muted campaign-closed">
          {campaignOpen} See your <a href={`/campaign/${me}`}>campaign record</a>.
        </p>
      )}
    </section>
  );
}
