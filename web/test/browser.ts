// Headless Chromium for the tests: the Debian `chromium` package driven by
// playwright-core (no browser download), a fresh profile per launch, and a
// page that records every console error and failed request.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.LUMEN_CHROMIUM ?? "/usr/bin/chromium";
/** Where the tests write screenshots (not committed). */
export const SHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-output");

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function launch(): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), "lumen-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const watch = (p: Page) => {
    p.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    p.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    p.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    p.on("requestfailed", (r) => {
      // A live feed closed by navigation is not a failure.
      if (!r.url().includes("/v1/live")) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
    });
  };
  watch(page);
  context.on("page", watch);
  mkdirSync(SHOTS, { recursive: true });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };
