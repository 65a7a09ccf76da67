// Builds the explorer into dist/ for lumen-indexer to embed (see
// indexer/build.rs): esbuild bundles src/main.tsx (code split: the wallet
// console's SDK chunk loads only when used), names files by content hash,
// writes index.html, and pre-compresses every file (gzip and brotli) so the
// server never compresses at run time. `--tests` bundles test/*.test.ts for
// `node --test` instead.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

import * as esbuild from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const alias = {
  // The project's TypeScript client, from its sources, on this package's SDK.
  "@lumen/client": join(root, "../ts/src/index.ts"),
  "@aptos-labs/ts-sdk": join(root, "node_modules/@aptos-labs/ts-sdk"),
};

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Writes `data` to `path` unless it holds exactly that already (cargo
 * rebuilds lumen-indexer when a file of dist/ changes, mtime included). */
function put(path, data, written) {
  written.add(path);
  try {
    if (readFileSync(path).equals(Buffer.from(data))) return;
  } catch {
    // absent
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

async function buildApp() {
  const out = join(root, "dist");
  const written = new Set();
  const result = await esbuild.build({
    write: false,
    entryPoints: [join(root, "src/main.tsx")],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    outdir: join(out, "assets"),
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    assetNames: "[name]-[hash]",
    jsx: "automatic",
    jsxImportSource: "preact",
    alias,
    define: { "process.env.NODE_ENV": '"production"' },
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
  });
  for (const f of result.outputFiles) put(f.path, f.contents, written);
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint)?.[0];
  const css = outputs.find(([p]) => p.endsWith(".css"))?.[0];
  if (!entry) throw new Error("esbuild produced no entry file");
  const href = (p) => "/" + relative(out, join(process.cwd(), p)).replace(/\\/g, "/");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lumen explorer</title>
<meta name="description" content="Jobs, workers, rewards and VIP passes of the Lumen render network">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%232563eb'/%3E%3C/svg%3E">
${css ? `<link rel="stylesheet" href="${href(css)}">\n` : ""}<script type="module" src="${href(entry)}"></script>
</head>
<body>
<div id="app"><p style="font-family:system-ui;padding:1rem">Loading the Lumen explorer…</p></div>
<noscript>The Lumen explorer needs JavaScript; the data is also at <a href="/v1/status">/v1/status</a>.</noscript>
</body>
</html>
`;
  put(join(out, "index.html"), html, written);
  // What a first visit downloads: the page, the entry script with its static
  // imports, the stylesheet.
  const first = new Set(["index.html", relative(out, join(process.cwd(), entry))]);
  for (const imp of result.metafile.outputs[entry].imports) if (imp.kind === "import-statement") first.add(relative(out, join(process.cwd(), imp.path)));
  if (css) first.add(relative(out, join(process.cwd(), css)));
  const sizes = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of [...written]) {
    const data = readFileSync(f);
    const gz = gzipSync(data, { level: 9 });
    const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    put(f + ".gz", gz, written);
    put(f + ".br", br, written);
    if (first.has(relative(out, f))) {
      sizes.raw += data.length;
      sizes.gzip += gz.length;
      sizes.brotli += br.length;
    }
  }
  const manifest = {
    entry: href(entry),
    css: css ? href(css) : null,
    first_load: [...first].map((p) => "/" + p.replace(/\\/g, "/")),
    first_load_bytes: sizes,
    content_hash: createHash("sha256").update(html).digest("hex").slice(0, 16),
  };
  put(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n", written);
  // Files of an earlier build that this one does not have.
  for (const f of files(out)) if (!written.has(f)) rmSync(f);
  const kb = (n) => (n / 1024).toFixed(1) + " kB";
  console.log(`web: built dist/ — first load ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`);
}

async function buildTests() {
  const out = join(root, "dist-test");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tests = readdirSync(join(root, "test")).filter((n) => n.endsWith(".test.ts") || n.endsWith(".bench.ts"));
  await esbuild.build({
    entryPoints: tests.map((t) => join(root, "test", t)),
    bundle: true,
    format: "esm",
    platform: "node",
    target: ["node20"],
    outdir: out,
    outExtension: { ".js": ".mjs" },
    packages: "external",
    // The SDK stays a Node import: only the client's sources are bundled.
    alias: { "@lumen/client": alias["@lumen/client"] },
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "warning",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  // The in-page half of the test wallet, injected into the browser.
  await esbuild.build({
    entryPoints: [join(root, "test/wallet-page.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2022"],
    outfile: join(out, "wallet-page.js"),
    logLevel: "warning",
  });
}

if (process.argv.includes("--tests")) await buildTests();
else await buildApp();
