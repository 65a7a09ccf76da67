// Small SVG charts drawn by hand: bars (stacked or grouped) and lines over
// labelled categories, with a value axis, a legend and a tooltip per mark.
import type { ComponentChildren } from "preact";

export interface Series {
  name: string;
  values: number[];
  color: string;
}

interface ChartProps {
  title: string;
  labels: string[];
  series: Series[];
  /** A value in a mark's tooltip. */
  format?: (v: number) => string;
  /** A value on the axis (default: compact, `1.2K`). */
  tick?: (v: number) => string;
  stacked?: boolean;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** Compact axis labels. */
export const compactTick = (v: number) => compact.format(v);

const W = 560, H = 200, PAD_L = 56, PAD_B = 22, PAD_T = 8;

/** A value axis rounded to a nice maximum. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function Frame({ title, labels, series, tick = compactTick, max, children }: ChartProps & { max: number; children: ComponentChildren }) {
  const ticks = [0, 0.5, 1].map((t) => t * max);
  const step = Math.max(1, Math.ceil(labels.length / 8));
  const x = (i: number) => PAD_L + ((W - PAD_L - 4) * (i + 0.5)) / Math.max(labels.length, 1);
  return (
    <figure class="chart">
      <figcaption>
        {title}
        <span class="legend">
          {series.map((s) => (
            <span key={s.name}>
              <i style={{ background: s.color }} />
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticks.map((t) => {
          const y = PAD_T + (H - PAD_T - PAD_B) * (1 - t / max);
          return (
            <g key={t}>
              <line x1={PAD_L} x2={W} y1={y} y2={y} class="grid" />
              <text x={PAD_L - 4} y={y + 4} text-anchor="end" class="tick">
                {tick(t)}
              </text>
            </g>
          );
        })}
        {labels.map((l, i) =>
          i % step === 0 ? (
            <text key={l + i} x={x(i)} y={H - 6} text-anchor="middle" class="tick">
              {l}
            </text>
          ) : null,
        )}
        {children}
      </svg>
    </figure>
  );
}

/** Bars per label, one per series (side by side, or stacked). */
export function BarChart(p: ChartProps) {
  const n = Math.max(p.labels.length, 1);
  const totals = p.labels.map((_, i) => p.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(p.stacked ? Math.max(0, ...totals) : Math.max(0, ...p.series.flatMap((s) => s.values)));
  const slot = (W - PAD_L - 4) / n;
  const bw = p.stacked ? slot * 0.7 : (slot * 0.8) / Math.max(p.series.length, 1);
  const h = (v: number) => ((H - PAD_T - PAD_B) * v) / max;
  const fmt = p.format ?? String;
  return (
    <Frame {...p} max={max}>
      {p.labels.map((label, i) => {
        let base = H - PAD_B;
        return p.series.map((s, j) => {
          const v = s.values[i] ?? 0;
          const x = PAD_L + slot * i + (p.stacked ? slot * 0.15 : slot * 0.1 + bw * j);
          const y = p.stacked ? base - h(v) : H - PAD_B - h(v);
          if (p.stacked) base -= h(v);
          return (
            <rect key={`${i}-${j}`} x={x} y={y} width={Math.max(bw - 1, 1)} height={Math.max(h(v), 0)} fill={s.color}>
              <title>{`${label} · ${s.name}: ${fmt(v)}`}</title>
            </rect>
          );
        });
      })}
    </Frame>
  );
}

/** A line per series. */
export function LineChart(p: ChartProps) {
  const max = niceMax(Math.max(0, ...p.series.flatMap((s) => s.values)));
  const n = Math.max(p.labels.length, 1);
  const x = (i: number) => PAD_L + ((W - PAD_L - 4) * (i + 0.5)) / n;
  const y = (v: number) => PAD_T + (H - PAD_T - PAD_B) * (1 - v / max);
  const fmt = p.format ?? String;
  return (
    <Frame {...p} max={max}>
      {p.series.map((s) => (
        <g key={s.name}>
          <polyline fill="none" stroke={s.color} stroke-width="2" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
          {s.values.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={s.color}>
              <title>{`${p.labels[i]} · ${s.name}: ${fmt(v)}`}</title>
            </circle>
          ))}
        </g>
      ))}
    </Frame>
  );
}

export const COLORS = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#64748b"];
