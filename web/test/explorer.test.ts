// Every page of the explorer renders with data from a scenario-filled
// database, in headless Chromium: deep links, navigation by the links
// themselves and the browser's history, amounts in the asset's units, no
// console errors. Screenshots of the main pages go to web/test-output/.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { launch, type Session, SHOTS } from "./browser";
import { type Stand, startStand } from "./stand";

let stand: Stand;
let s: Session;

before(async () => {
  stand = await startStand();
  s = await launch();
});

after(async () => {
  await s?.close();
  await stand?.stop();
});

async function api<T = any>(path: string): Promise<T> {
  const r = await fetch(stand.api + path);
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
}

/** Opens `path` directly (a deep link) and waits for its data. */
async function open(path: string, heading: RegExp, shot?: string) {
  const page = s.page;
  await page.goto(stand.api + path);
  await page.locator("main h1").filter({ hasText: heading }).first().waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector("main .loading"), null, { timeout: 15_000 });
  assert.equal(await page.locator("main .error").count(), 0, `${path} shows an error: ${await page.locator("main .error").allTextContents()}`);
  if (shot) await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
}

test("every page renders its data from a deep link", async () => {
  const page = s.page;
  const jobs = await api("/v1/jobs?limit=5");
  const job = jobs.items[0];
  const workers = await api("/v1/workers?sort=stake&limit=1");
  const worker = workers.items[0].address;
  const creators = await api("/v1/leaderboards/creators?limit=1");
  const creator = creators.items[0].address;
  const epochs = await api("/v1/epochs?limit=50");
  const closed = epochs.items.find((e: { closed: boolean }) => e.closed);
  const campaign = await api("/v1/leaderboard/campaign?limit=1");
  const stats = await api("/v1/stats");

  await open("/", /Network overview/, "overview");
  // Totals from the API, and every chart drawn with marks.
  const cards = await page.locator(".card").allTextContents();
  assert.ok(cards.some((c) => c.startsWith("Jobs") && c.includes(String(stats.jobs.total))), cards.join(" | "));
  assert.ok(cards.some((c) => c.includes("USDT")), "amounts are shown in the asset's units");
  assert.equal(await page.locator("figure.chart").count(), 6);
  for (const title of ["Jobs per day", "Frames paid per day", "Money per day", "Where deposits went", "Reward pools per epoch", "Active and attested workers"]) {
    const fig = page.locator("figure.chart").filter({ hasText: title });
    assert.equal(await fig.count(), 1, title);
  }
  assert.ok((await page.locator("figure.chart rect").count()) > 10, "bars are drawn");
  await page.locator("ul.events li").first().waitFor({ timeout: 10_000 });

  await open("/jobs", /Jobs/, "jobs");
  assert.ok((await page.locator("main tbody tr").count()) >= 5);
  await open(`/jobs/${job.job_id}`, new RegExp(`Job #${job.job_id}`), "job");
  assert.ok((await page.locator("ol.history li").count()) >= 1, "the job's history");
  assert.match(await page.locator("main").innerText(), /Deposit\s+[\d,.]+ USDT/);
  await open(`/jobs/${job.address}`, new RegExp(`Job #${job.job_id}`));
  // An assigned job says how its creator authorised the assignment.
  const done = (await api("/v1/jobs?status=completed&limit=1")).items[0];
  assert.ok(done?.terms?.offer_kind, "a completed job has its terms");
  await open(`/jobs/${done.job_id}`, new RegExp(`Job #${done.job_id}`));
  assert.match(await page.locator("main").innerText(), /Offer\s+(signed offer \(BCS\)|signed in the creator's wallet|published on chain)/);

  await open("/workers", /Workers/, "workers");
  assert.ok((await page.locator("main tbody tr").count()) >= 5);
  await open(`/workers/${worker}`, /Worker/, "worker");
  assert.match(await page.locator("main").innerText(), /Stake and lock/);
  assert.ok((await page.locator("main table").count()) >= 2);
  await open(`/creators/${creator}`, /Creator/, "creator");
  assert.match(await page.locator("main").innerText(), /Where its deposits went/);

  await open("/leaderboards", /Leaderboards/, "leaderboard-workers");
  assert.ok((await page.locator("main tbody tr").count()) >= 5);
  await open("/leaderboards/creators", /Leaderboards/);
  assert.ok((await page.locator("main tbody tr").count()) >= 1);
  await open("/leaderboards/campaign", /Leaderboards/, "leaderboard-campaign");
  assert.match(await page.locator("main").innerText(), /Payout preview/);
  assert.ok((await page.locator("main table").first().locator("tbody tr").count()) >= 5, "the payout tiers");
  if (campaign.items.length > 0) await open(`/campaign/${campaign.items[0].address}`, /Campaign participant/);

  await open("/vip", /VIP pass holders/, "vip");
  await open("/epochs", /Reward epochs/, "epochs");
  assert.ok((await page.locator("main tbody tr").count()) >= 1);
  if (closed) await open(`/epochs/${closed.epoch}`, new RegExp(`Epoch ${closed.epoch}`), "epoch");
  await open("/network", /Network/, "network");
  assert.match(await page.locator("main").innerText(), /worker_commission_bps/);
  assert.match(await page.locator("main").innerText(), /USDT \(6 decimals\)/);
  await open("/console", /Console/);

  // A path no page has: the app's own not-found page, not an error answer.
  await page.goto(stand.api + "/no/such/page");
  await page.locator("main h1", { hasText: "Not found" }).waitFor();
  assert.deepEqual(s.problems, [], "no console errors");
});

test("links navigate in place and the history goes back", async () => {
  const page = s.page;
  await open("/", /Network overview/);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.locator("header nav a", { hasText: "Jobs" }).click();
  await page.locator("main h1", { hasText: "Jobs" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/jobs");
  const first = page.locator("main tbody tr a").first();
  const href = await first.getAttribute("href");
  await first.click();
  await page.locator("main h1", { hasText: /Job #/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, href);
  await page.locator("main .facts a").first().click(); // the creator
  await page.locator("main h1", { hasText: "Creator" }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/creators\/0x[0-9a-f]{64}$/);
  await page.goBack();
  await page.locator("main h1", { hasText: /Job #/ }).waitFor();
  assert.equal(new URL(page.url()).pathname, href);
  // The same document all along: no reload.
  assert.equal(await page.evaluate(() => (window as unknown as { marker: number }).marker), 42);
  // Filters live in the URL.
  await page.locator("header nav a", { hasText: "Jobs" }).click();
  await page.locator("main select").selectOption("completed");
  await page.waitForURL(/status=completed/);
  await page.waitForFunction(() => document.querySelectorAll("main tbody .badge").length > 0);
  const badges = await page.locator("main tbody .badge").allTextContents();
  assert.ok(badges.every((b) => b === "completed"), badges.join(","));
  assert.deepEqual(s.problems, [], "no console errors");
});

test("the explorer's first load is small and compressed", async () => {
  const r = await fetch(stand.api + "/", { headers: { "accept-encoding": "br, gzip", accept: "text/html" } });
  assert.equal(r.headers.get("content-encoding"), "br");
  const html = await r.text();
  const script = /src="(\/assets\/main-[^"]+\.js)"/.exec(html)?.[1];
  assert.ok(script, html);
  const js = await fetch(stand.api + script!, { headers: { "accept-encoding": "gzip" } });
  assert.equal(js.headers.get("content-encoding"), "gzip");
  assert.equal(js.headers.get("cache-control"), "public, max-age=31536000, immutable");
  // A deep link asked by a browser gets the app; asked by a script, the API's 404.
  const deep = await fetch(stand.api + "/workers/0x1", { headers: { accept: "text/html" } });
  assert.equal(deep.status, 200);
  const asApi = await fetch(stand.api + "/workers/0x1");
  assert.equal(asApi.status, 404);
});
