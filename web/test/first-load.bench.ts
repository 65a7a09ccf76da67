// The benchmark rows of the explorer (scripts/bench.sh appends them to the
// results it renders into bench/RESULTS.md): the weight of the first load of
// `/` as transferred (compressed), and the time to first render, in headless
// Chromium against a stand filled by the scenario.
//
//   node dist-test/first-load.bench.mjs --results FILE [--runs N]
import { appendFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

import { launch } from "./browser";
import { startStand } from "./stand";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const results = arg("--results");
if (!results) throw new Error("--results FILE is required");
const runs = Number(arg("--runs") ?? 5);

const machine = `${cpus().length} cores, ${(cpus()[0]?.model ?? "").split(" ").slice(0, 2).join(" ")}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM`;
const date = new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC";

const stand = await startStand();
const weights: number[] = [];
const paints: number[] = [];
const data: number[] = [];
let api = 0;
try {
  for (let i = 0; i < runs; i++) {
    // A fresh profile each time: nothing cached, as a first visit.
    const s = await launch();
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send("Network.enable");
    const sizes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
    cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
    await s.page.goto(stand.api + "/");
    await s.page.locator(".card").first().waitFor();
    await s.page.locator("figure.chart svg").first().waitFor();
    const t = await s.page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { fcp: fcp ? fcp.startTime : NaN, now: performance.now(), start: nav.startTime };
    });
    await s.page.waitForTimeout(500);
    let statics = 0, json = 0;
    for (const [id, n] of sizes) {
      const u = new URL(urls.get(id) ?? "http://x/");
      if (u.pathname.startsWith("/v1/")) json += n;
      else statics += n;
    }
    weights.push(statics);
    api = json;
    paints.push(t.fcp);
    data.push(t.now - t.start);
    await s.close();
  }
} finally {
  await stand.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = median(weights) / 1024;
const workload = `GET / in headless Chromium (Debian chromium, fresh profile), overview of a scenario network; ${runs} runs, median`;
const rows = [
  {
    what: "Explorer first load, page weight (compressed, as transferred)",
    workload,
    ours: kb,
    unit: "kB",
    reference: 300,
    reference_label: "target",
    ratio: kb / 300,
    target: "≤ 300 kB",
    met: kb <= 300,
    note: `HTML, script and stylesheet as sent (brotli, precompressed at build; headers included): ${weights.map((w) => (w / 1024).toFixed(1)).join(", ")} kB. The API answers the overview then reads add ${(api / 1024).toFixed(1)} kB; the console's SDK chunk loads only when a wallet acts.`,
    machine,
    date,
  },
  {
    what: "Explorer time to first render",
    workload,
    ours: median(paints),
    unit: "ms",
    reference: null,
    reference_label: "no target; first contentful paint, then the overview with its data and charts in the note",
    ratio: null,
    target: "informative",
    met: null,
    note: `First contentful paint ${paints.map((p) => p.toFixed(0)).join(", ")} ms; overview cards and charts drawn from the API at ${data.map((p) => p.toFixed(0)).join(", ")} ms (median ${median(data).toFixed(0)} ms) after navigation start, the indexer, PostgreSQL and the browser sharing the machine.`,
    machine,
    date,
  },
];
for (const r of rows) appendFileSync(results, JSON.stringify(r) + "\n");
console.log(`web bench: first load ${kb.toFixed(1)} kB, first paint ${median(paints).toFixed(0)} ms, data ${median(data).toFixed(0)} ms`);
