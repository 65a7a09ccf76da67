// The creator and worker consoles against a test wallet that implements the
// wallet standard (AIP-62) and signs with the TS SDK: every transaction the
// pages build lands on the stand-in chain, is indexed, and shows in the
// explorer.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { Ed25519PublicKey, Ed25519Signature } from "@aptos-labs/ts-sdk";

import { launch, type Session, SHOTS } from "./browser";
import { type AccountKey, type Stand, startStand } from "./stand";
import { TestWallet } from "./wallet";

let stand: Stand;
let s: Session;
let wallet: TestWallet;
let creator: AccountKey;
let worker: AccountKey;

async function api<T = any>(path: string): Promise<T> {
  const r = await fetch(stand.api + path);
  assert.equal(r.status, 200, `${path}: ${await r.clone().text()}`);
  return (await r.json()) as T;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, secs = 20): Promise<T> {
  const end = Date.now() + secs * 1000;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${secs} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The `lumen` CLI against the stand-in, as the other party (a worker agent). */
function run(key: string, ...args: string[]) {
  const bin = join(process.env.LUMEN_BIN ?? join(process.env.CARGO_TARGET_DIR ?? "/var/tmp/lumen-target", "debug"), "lumen");
  return spawnSync(bin, ["--key", key, ...args], { encoding: "utf8", env: { ...process.env, LUMEN_NODE_URL: stand.node, LUMEN_PACKAGE: stand.package, RUST_LOG: "warn" } });
}

/** As `run`, and it must succeed; its output. */
function lumen(key: string, ...args: string[]): string {
  const r = run(key, ...args);
  assert.equal(r.status, 0, `lumen ${args.join(" ")}:\n${r.stderr}`);
  return r.stdout;
}

before(async () => {
  stand = await startStand();
  // A creator of the scenario, and an eligible worker that will take its jobs.
  creator = stand.keys.creators[0];
  const eligible = (await api("/v1/workers?sort=stake&limit=100")).items.filter((w: { eligible: boolean }) => w.eligible);
  assert.ok(eligible.length > 0, "the scenario leaves eligible workers");
  worker = stand.keys.workers.find((k) => k.address === eligible[0].address)!;
  assert.ok(worker, "an eligible worker's key");
  s = await launch();
  wallet = new TestWallet(stand.node, stand.chainId, creator.key);
  await wallet.install(s.page);
});

after(async () => {
  await s?.close();
  await stand?.stop();
});

/** Opens the console connected as `who`: by the wallet's button, or by the app reconnecting the wallet it remembers. */
async function connect(who: AccountKey, role: "creator" | "worker") {
  const page = s.page;
  await page.goto(`${stand.api}/console/${role}`);
  const connected = page.locator("main", { hasText: "Connected as" });
  const button = page.locator("header button", { hasText: "Connect Lumen Test Wallet" });
  await connected.or(button).first().waitFor();
  // The app may reconnect by itself between a look at the header and a click
  // (the button then goes away): click while the button is there, until the
  // console says it is connected.
  const deadline = Date.now() + 60_000;
  while ((await connected.count()) === 0) {
    if (Date.now() > deadline) assert.fail(`not connected as the ${role}; header: ${await page.locator("header").innerText()}`);
    if ((await button.count()) > 0) await button.click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  assert.match(await page.locator("main").innerText(), new RegExp(who.address.slice(0, 10)));
}

/** Fills the form titled `title` and submits it; waits for its outcome. */
async function act(title: string, fields: Record<string, string> = {}) {
  const form = s.page.locator(`form[aria-label="${title}"]`);
  for (const [name, value] of Object.entries(fields)) {
    const el = form.locator(`[name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
    else await el.fill(value);
  }
  await form.locator("button[type=submit]").click();
  const outcome = form.locator(".outcome.ok, .outcome.error");
  await outcome.waitFor({ timeout: 30_000 });
  const text = await outcome.innerText();
  assert.ok(!text.startsWith("Failed"), `${title}: ${text}`);
}

async function jobsOf(address: string): Promise<{ job_id: number; status: string; frames: number; frames_paid: number; rerenders: number }[]> {
  return (await api(`/v1/jobs?creator=${address}&limit=500`)).items;
}

test("a creator creates, offers, confirms part of (the worker accepts), rerenders, disputes and cancels jobs", async () => {
  const page = s.page;
  await connect(creator, "creator");
  const before = await jobsOf(creator.address);

  // Create and fund four jobs from the creator console.
  for (let i = 0; i < 4; i++) {
    await act("Create and fund a job", { frames: "12", price: "0.5", spec: `scene ${i}.blend` });
  }
  const created = await until("four new jobs indexed", async () => {
    const now = await jobsOf(creator.address);
    return now.length === before.length + 4 && now.slice(0, 4);
  });
  for (const j of created) assert.equal(j.status, "open");
  assert.equal(created[0].frames, 12);
  // The console's list shows them (it follows the live feed).
  await until("the console lists the new jobs", async () => (await page.locator(`section[aria-label="creator console"] a[href="/jobs/${created[0].job_id}"]`).count()) > 0);
  await page.screenshot({ path: join(SHOTS, "console-creator.png"), fullPage: true });

  const [confirmJob, rerenderJob, disputeJob, cancelJob] = [...created].reverse();

  // Sign an offer through the wallet's signMessage; the envelope verifies.
  await page.goto(`${stand.api}/jobs/${confirmJob.job_id}`);
  await act("Sign an offer", { worker: worker.address, price: "0.4", hours: "24" });
  const signed = JSON.parse(await page.locator(".signed-offer pre").innerText());
  assert.equal(signed.format, "lumen-offer-v1");
  assert.match(signed.full_message, /^APTOS\naddress: 0x[0-9a-f]{64}\napplication: http:\/\/127\.0\.0\.1:\d+\nchainId: 4\nmessage: Lumen render job offer\nJob: #/);
  assert.match(signed.full_message, /Price per frame: 0\.4 USDT/);
  const key = new Ed25519PublicKey(wallet.account.publicKey.toString());
  assert.ok(key.verifySignature({ message: new TextEncoder().encode(signed.full_message), signature: new Ed25519Signature(signed.signature) }), "the wallet signed the envelope");

  // The worker takes three jobs (its agent: the lumen CLI) and submits 12 frames.
  const dir = mkdtempSync(join(tmpdir(), "lumen-offer-"));
  const deadline = String(Math.floor(Date.now() / 1000) + 86_400);
  for (const j of [confirmJob, rerenderJob, disputeJob]) {
    const offer = join(dir, `offer-${j.job_id}.json`);
    lumen(creator.key, "sign-offer", "--job", String(j.job_id), "--worker", worker.address, "--price-per-frame", "400000", "--render-deadline", deadline, "--out", offer);
    assert.ok(readFileSync(offer, "utf8").includes("signature"));
    lumen(worker.key, "accept", "--offer", offer);
    lumen(worker.key, "submit", "--job", String(j.job_id), "--frames-done", "12", "--output-root", "0x" + "ab".repeat(32));
  }
  await until("the three jobs submitted", async () => {
    const now = await jobsOf(creator.address);
    return [confirmJob, rerenderJob, disputeJob].every((j) => now.find((x) => x.job_id === j.job_id)?.status === "submitted");
  });

  // Partial confirmation: 8 of the 12 frames.
  await page.goto(`${stand.api}/jobs/${confirmJob.job_id}`);
  await page.locator("main h1 .badge", { hasText: "submitted" }).waitFor();
  await act("Confirm frames", { frames: "8" });
  // A partial acceptance waits for the worker's answer; nothing is paid yet.
  await page.locator("main h1 .badge", { hasText: "partially_accepted" }).waitFor({ timeout: 20_000 });
  const partial = await api(`/v1/jobs/${confirmJob.job_id}`);
  assert.equal(partial.job.review.frames_accepted, 8);
  assert.equal(partial.job.frames_paid, 0);

  await page.goto(`${stand.api}/jobs/${rerenderJob.job_id}`);
  await act("Ask for a rerender", { frames: "3", hours: "24" });
  await page.locator("main h1 .badge", { hasText: "assigned" }).waitFor({ timeout: 20_000 });
  assert.equal((await api(`/v1/jobs/${rerenderJob.job_id}`)).job.rerenders, 1);

  await page.goto(`${stand.api}/jobs/${disputeJob.job_id}`);
  await act("Dispute", { reason: "frames 3-5 are black" });
  await page.locator("main h1 .badge", { hasText: "disputed" }).waitFor({ timeout: 20_000 });

  await page.goto(`${stand.api}/jobs/${cancelJob.job_id}`);
  await act("Cancel the job");
  await page.locator("main h1 .badge", { hasText: "cancelled" }).waitFor({ timeout: 20_000 });
  const cancelled = await api(`/v1/jobs/${cancelJob.job_id}`);
  assert.equal(cancelled.job.refund, cancelled.job.deposit);
  // Each action is in the job's history.
  assert.deepEqual(
    (await api(`/v1/jobs/${disputeJob.job_id}`)).history.map((e: { type: string }) => e.type),
    ["escrow::JobCreated", "escrow::JobAssigned", "escrow::ResultSubmitted", "escrow::JobDisputed"],
  );

  // The worker, in its own wallet, takes the partial payment from the job's page.
  // The app reconnects the wallet it remembers, now on the worker's account;
  // its console has loaded before the page moves on.
  wallet.use(worker.key);
  await connect(worker, "worker");
  await page.locator('section[aria-label="worker console"]', { hasText: "Minimum stake" }).waitFor();
  await page.locator(".campaign-closed").waitFor();
  await page.goto(`${stand.api}/jobs/${confirmJob.job_id}`);
  await act("Accept the partial payment");
  await page.locator("main h1 .badge", { hasText: "completed" }).waitFor({ timeout: 20_000 });
  const paid = await api(`/v1/jobs/${confirmJob.job_id}`);
  assert.equal(paid.job.frames_paid, 8);
  assert.equal(paid.job.gross, 8 * 400_000);
  assert.deepEqual(
    paid.history.map((e: { type: string }) => e.type).slice(-2),
    ["escrow::PartiallyAccepted", "escrow::JobCompleted"],
  );
  await page.screenshot({ path: join(SHOTS, "console-job.png"), fullPage: true });
  assert.deepEqual(s.problems, [], "no console errors");
});

test("a worker sets its price, stakes, unstakes and claims; check-ins follow the campaign period", async () => {
  const page = s.page;
  wallet.use(worker.key);
  // Disconnected, the app forgets the wallet: a reload asks again.
  await page.goto(stand.api + "/console");
  await page.locator("main", { hasText: "Connected as" }).waitFor();
  await page.locator("header button", { hasText: "Disconnect" }).click();
  await page.reload();
  await page.locator("header button", { hasText: "Connect Lumen Test Wallet" }).waitFor();
  assert.equal(await page.locator("main", { hasText: "Connected as" }).count(), 0);
  await connect(worker, "worker");
  const before = await api(`/v1/workers/${worker.address}`);
  await act("Set your price", { amount: "0.45" });
  await act("Stake", { amount: "5" });
  await act("Unstake", { amount: "1.5" });
  const after = await until("stake and price indexed", async () => {
    const w = await api(`/v1/workers/${worker.address}`);
    return w.stake.price_per_ib_hour === 450_000 && w.stake.unbonding === before.stake.unbonding + 1_500_000 && w;
  });
  assert.equal(after.stake.stake, before.stake.stake + 5_000_000 - 1_500_000);
  const kinds = after.stake.history.slice(0, 3).map((e: { type: string }) => e.type);
  assert.deepEqual(kinds, ["staking::UnstakeRequested", "staking::Staked", "staking::PriceSet"]);

  // An epoch's reward the worker has not claimed yet, if the scenario left one.
  const open = after.rewards.epochs.find((e: { reward: number | null; claimed: number }) => e.reward !== null && e.reward > e.claimed);
  if (open) {
    await page.reload();
    await page.locator(`form[aria-label="Claim rewards"] select`).waitFor();
    await act("Claim rewards", { epoch: String(open.epoch) });
    await until("the claim indexed", async () => {
      const w = await api(`/v1/workers/${worker.address}`);
      return w.rewards.epochs.find((e: { epoch: number; claimed: number }) => e.epoch === open.epoch)?.claimed === open.reward;
    });
  }
  // The scenario's campaign period ended yesterday: the console says so
  // instead of offering a check-in, and the contract agrees (ENotActive).
  await page.locator(".campaign-closed", { hasText: "check-ins are closed" }).waitFor();
  assert.equal(await page.locator('form[aria-label="Campaign check-in"]').count(), 0);
  const refused = run(worker.key, "check-in");
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /ENotActive/);
  await page.screenshot({ path: join(SHOTS, "console-worker.png"), fullPage: true });
  // The explorer's worker page shows the new stake.
  await page.goto(`${stand.api}/workers/${worker.address}`);
  await page.locator("main h1", { hasText: "Worker" }).waitFor();
  assert.match(await page.locator("main").innerText(), /Unbonding\s+[\d.,]+ USDT/);
  assert.deepEqual(s.problems, [], "no console errors");
});
