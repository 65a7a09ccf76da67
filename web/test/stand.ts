// A whole Lumen stand for the browser tests, as scripts/demo.sh wires it: a
// private PostgreSQL (lumen-pg), a simulated network (lumen-scenario)
// served and executed by the fullnode stand-in (lumen-standin), and
// lumen-indexer ingesting from it and serving the explorer it embeds.
// Binaries come from $LUMEN_BIN (default $CARGO_TARGET_DIR/debug).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface AccountKey {
  address: string;
  key: string;
}

export interface Keys {
  attester_key: string;
  attester: string;
  new_worker_key: string;
  new_worker: string;
  creators: AccountKey[];
  workers: AccountKey[];
}

export interface Stand {
  /** The indexer: API and explorer. */
  api: string;
  /** The stand-in's fullnode URL (`…/v1`). */
  node: string;
  package: string;
  chainId: number;
  keys: Keys;
  summary: { jobs: { total: number }; workers: unknown[] };
  stop(): Promise<void>;
}

const bin = (name: string) => join(process.env.LUMEN_BIN ?? join(process.env.CARGO_TARGET_DIR ?? "/var/tmp/lumen-target", "debug"), name);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Starts `cmd` and resolves with its first stdout line (the URL it serves). */
function startLine(cmd: string, args: string[], procs: ChildProcess[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "warn", ...env } });
  procs.push(p);
  let err = "";
  p.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: p.stdout! });
    rl.once("line", (l) => resolve(l.trim()));
    p.once("exit", (code) => reject(new Error(`${cmd} exited (${code}) before it started:\n${err}`)));
  });
}

async function waitFor<T>(what: string, secs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + secs * 1000;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${what} did not happen within ${secs} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Indexed up to the node's head. */
export async function caughtUp(api: string, secs = 60): Promise<void> {
  await waitFor("the indexer catching up", secs, async () => {
    const s = await (await fetch(`${api}/v1/status`)).json();
    return s.lag === 0 ? true : undefined;
  });
}

export async function startStand(opts: { workers?: number; jobs?: number; epochs?: number } = {}): Promise<Stand> {
  const dir = mkdtempSync(join(tmpdir(), "lumen-web-"));
  // As root, PostgreSQL runs as another user, who must reach its directory.
  chmodSync(dir, 0o755);
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) p.kill("SIGTERM");
    await Promise.all(procs.map((p) => (p.exitCode !== null ? undefined : new Promise((r) => p.once("exit", r)))));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pkg = "0xcafe";
    const chainId = 4;
    // The network ends the day before today, so scores and the campaign are
    // current when the tests act on it.
    const epochs = opts.epochs ?? 8;
    const start = (Math.floor(Date.now() / 86_400_000) - epochs - 1) * 86_400;
    const scenario = spawnSync(
      bin("lumen-scenario"),
      ["--seed", "11", "--workers", String(opts.workers ?? 16), "--jobs", String(opts.jobs ?? 80), "--epochs", String(epochs),
        "--start", String(start), "--package", pkg, "--chain-id", String(chainId), "--out", join(dir, "chain.jsonl"), "--summary-out", join(dir, "summary.json"), "--keys-out", join(dir, "keys.json")],
      { encoding: "utf8", env: { ...process.env, RUST_LOG: "warn" } },
    );
    if (scenario.status !== 0) throw new Error(`lumen-scenario failed (is it built? ${bin("lumen-scenario")}):\n${scenario.stderr}`);
    const db = await startLine(bin("lumen-pg"), ["--dir", join(dir, "pg"), "--database", "lumen_web", "--fresh"], procs);
    const node = await startLine(bin("lumen-standin"), ["--chain-id", String(chainId), "--package", pkg, "--transactions", join(dir, "chain.jsonl")], procs);
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    const indexer = spawn(bin("lumen-indexer"), ["--database-url", db, "--node-url", node, "--package", pkg, "--listen", `127.0.0.1:${port}`], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, RUST_LOG: "warn" },
    });
    procs.push(indexer);
    let log = "";
    indexer.stderr!.on("data", (d) => (log = (log + d).slice(-4000)));
    indexer.once("exit", (c) => c && console.error(`lumen-indexer exited ${c}:\n${log}`));
    await caughtUp(api, 120);
    return {
      api,
      node,
      package: pkg,
      chainId,
      keys: JSON.parse(readFileSync(join(dir, "keys.json"), "utf8")),
      summary: JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
