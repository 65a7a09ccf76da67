// The explorer and consoles of Lumen: one page app over the indexer's API,
// served by lumen-indexer at `/`. Every page has its own path (deep links);
// the consoles need an AIP-62 wallet, the explorer does not.
import type { ComponentChildren } from "preact";
import { render } from "preact";

import { get } from "./api";
import { Await, interceptLinks, NetworkContext, useLoad, useLocation } from "./app";
import { Console } from "./console/console";
import { WalletButton } from "./console/common";
import { JobPage, Jobs } from "./pages/jobs";
import { NetworkPage, EpochPage, Epochs } from "./pages/network";
import { Overview } from "./pages/overview";
import { CampaignUser, CreatorPage, Leaderboards, Vip } from "./pages/people";
import { WorkerPage, Workers } from "./pages/workers";
import "./style.css";

type Route = [RegExp, (m: string[]) => ComponentChildren, string];

const ADDR = "(0x[0-9a-fA-F]{1,64})";

/** Path patterns and their pages (the title names the page). */
const ROUTES: Route[] = [
  [/^\/$/, () => <Overview />, "Overview"],
  [/^\/jobs$/, () => <Jobs />, "Jobs"],
  [/^\/jobs\/(\d+|0x[0-9a-fA-F]{1,64})$/, (m) => <JobPage id={m[1]} />, "Job"],
  [/^\/workers$/, () => <Workers />, "Workers"],
  [new RegExp(`^/workers/${ADDR}$`), (m) => <WorkerPage address={m[1]} />, "Worker"],
  [new RegExp(`^/creators/${ADDR}$`), (m) => <CreatorPage address={m[1]} />, "Creator"],
  [/^\/leaderboards$/, () => <Leaderboards tab="workers" />, "Leaderboards"],
  [/^\/leaderboards\/(workers|creators|campaign)$/, (m) => <Leaderboards tab={m[1]} />, "Leaderboards"],
  [new RegExp(`^/campaign/${ADDR}$`), (m) => <CampaignUser address={m[1]} />, "Campaign"],
  [/^\/vip$/, () => <Vip />, "VIP holders"],
  [/^\/epochs$/, () => <Epochs />, "Epochs"],
  [/^\/epochs\/(\d+)$/, (m) => <EpochPage epoch={m[1]} />, "Epoch"],
  [/^\/network$/, () => <NetworkPage />, "Network"],
  [/^\/console$/, () => <Console role="creator" />, "Console"],
  [/^\/console\/(creator|worker)$/, (m) => <Console role={m[1] as "creator" | "worker"} />, "Console"],
];

const NAV: [string, string][] = [
  ["/", "Overview"],
  ["/jobs", "Jobs"],
  ["/workers", "Workers"],
  ["/leaderboards", "Leaderboards"],
  ["/vip", "VIP"],
  ["/epochs", "Epochs"],
  ["/network", "Network"],
  ["/console", "Console"],
];

function Page() {
  const loc = useLocation();
  for (const [re, page, title] of ROUTES) {
    const m = re.exec(loc.pathname);
    if (m) {
      document.title = `${title} · Lumen explorer`;
      return <>{page(m)}</>;
    }
  }
  document.title = "Not found · Lumen explorer";
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No page at <code>{loc.pathname}</code>. <a href="/">Back to the overview</a>.
      </p>
    </section>
  );
}

function App() {
  const params = useLoad(() => get("/v1/params"), []);
  const loc = useLocation();
  const top = "/" + (loc.pathname.split("/")[1] ?? "");
  return (
    <>
      <header>
        <a class="brand" href="/">
          Lumen
        </a>
        <nav>
          {NAV.map(([href, label]) => (
            <a key={href} href={href} class={top === href ? "active" : ""}>
              {label}
            </a>
          ))}
        </nav>
        <WalletButton />
      </header>
      <main>
        <Await loaded={params}>
          {(p) => (
            <NetworkContext.Provider value={{ params: p, units: { decimals: p.asset.decimals, symbol: p.asset.symbol } }}>
              <Page />
            </NetworkContext.Provider>
          )}
        </Await>
      </main>
      <footer>
        Lumen explorer · data from the indexer's <a href="/openapi.json">API</a>
      </footer>
    </>
  );
}

interceptLinks();
const root = document.getElementById("app")!;
root.textContent = ""; // the "Loading" placeholder of index.html
render(<App />, root);
