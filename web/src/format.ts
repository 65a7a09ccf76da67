// How values are shown: amounts in the payment asset's units, addresses
// shortened, chain times in UTC, scores in IB.

/** The payment asset's display units (from `/v1/params`). */
export interface Units {
  decimals: number;
  symbol: string;
}

/** `base` units as whole units, grouped, at most `maxFraction` decimals. */
export function amount(base: number | string | bigint | null | undefined, u: Units, maxFraction = 2): string {
  if (base === null || base === undefined) return "—";
  const v = BigInt(base);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const scale = 10n ** BigInt(u.decimals);
  const whole = abs / scale;
  const frac = abs % scale;
  let fracText = u.decimals > 0 ? frac.toString().padStart(u.decimals, "0").slice(0, maxFraction) : "";
  fracText = fracText.replace(/0+$/, "");
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "−" : ""}${grouped}${fracText ? "." + fracText : ""}${u.symbol ? " " + u.symbol : ""}`;
}

/** An amount typed by a person (`12.5`) in base units; an error names what is wrong. */
export function parseAmount(text: string, u: Units): bigint {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) throw new Error(`"${text}" is not an amount (digits, one optional point)`);
  const [w, f = ""] = t.split(".");
  if (f.length > u.decimals) throw new Error(`at most ${u.decimals} decimals`);
  return BigInt(w) * 10n ** BigInt(u.decimals) + BigInt(f.padEnd(u.decimals, "0") || "0");
}

/** A plain count, grouped. */
export function count(n: number | string | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `0x1234…abcd`. */
export function short(address: string): string {
  const a = address.toLowerCase();
  return a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

/** Chain seconds as `YYYY-MM-DD HH:MM UTC`. */
export function time(secs: number | null | undefined): string {
  if (!secs) return "—";
  return new Date(secs * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** Microseconds as `time`. */
export function timeUs(us: number | null | undefined): string {
  return us ? time(Math.floor(us / 1e6)) : "—";
}

/** A UTC day number as `MM-DD`. */
export function day(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(5, 10);
}

/** A score in micro-units as IB (`2.43`). */
export function score(micro: number | null | undefined): string {
  return micro === null || micro === undefined ? "—" : (micro / 1e6).toFixed(2);
}

/** Seconds as `3 d 4 h`. */
export function duration(secs: number): string {
  if (secs < 60) return `${secs} s`;
  const d = Math.floor(secs / 86400), h = Math.floor((secs % 86400) / 3600), m = Math.floor((secs % 3600) / 60);
  return [d && `${d} d`, h && `${h} h`, !d && m && `${m} min`].filter(Boolean).join(" ");
}
