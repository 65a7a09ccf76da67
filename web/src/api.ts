// The indexer's API, typed by the answers of its OpenAPI document
// (api-types.ts is generated from it).
import type { Answers } from "./api-types";

export type { Answers };
export type Path = keyof Answers;

/** An error answer of the API (`{error, parameter}`) or of the network. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** The URL of `path` with `{name}` segments from `fill` and the query. */
export function url(path: string, fill: Record<string, string | number> = {}, query: Query = {}): string {
  const p = path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(fill[k])));
  const q = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return q ? `${p}?${q}` : p;
}

/** `GET path`; the browser revalidates with the answer's ETag. */
export async function get<P extends Path>(path: P, fill: Record<string, string | number> = {}, query: Query = {}): Promise<Answers[P]> {
  const r = await fetch(url(path, fill, query), { headers: { accept: "application/json" } });
  if (!r.ok) {
    let message = `${r.status} ${r.statusText}`;
    try {
      const body = await r.json();
      if (body && typeof body.error === "string") message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(r.status, message);
  }
  return (await r.json()) as Answers[P];
}
