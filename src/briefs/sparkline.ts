// Sparklines for trend lines: a text one for Markdown (block characters) and an inline SVG one
// for HTML (a polyline, a zero line when the series crosses zero, a dot on each spike bucket).
// The SVG is built from numbers only; its title is HTML-escaped.
import { escapeHtml } from './escape.js';

const BLOCKS = '▁▂▃▄▅▆▇█';

/** "▁▃█▂" for a series; nulls print as a space. */
export function textSparkline(values: (number | null)[]): string {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length === 0) return ' '.repeat(values.length);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const i = hi === lo ? (hi === 0 ? 0 : BLOCKS.length - 1) : Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1));
      return BLOCKS[i]!;
    })
    .join('');
}

export interface SvgSparklineOptions {
  width?: number;
  height?: number;
  /** Indices of spike buckets (marked with a dot). */
  spikes?: number[];
  /** Accessible title. */
  title: string;
}

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

/** An inline SVG sparkline (role="img" with a title). Nulls break the line. */
export function svgSparkline(values: (number | null)[], options: SvgSparklineOptions): string {
  const width = options.width ?? 160;
  const height = options.height ?? 32;
  const pad = 3;
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...nums);
  const hi = Math.max(0, ...nums);
  const span = hi - lo || 1;
  const x = (i: number) => (values.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => height - pad - ((v - lo) / span) * (height - 2 * pad);
  const runs: string[][] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push(`${fmt(x(i))},${fmt(y(v))}`);
  });
  if (run.length) runs.push(run);
  const parts: string[] = [`<title>${escapeHtml(options.title)}</title>`];
  if (lo < 0) parts.push(`<line x1="${pad}" x2="${width - pad}" y1="${fmt(y(0))}" y2="${fmt(y(0))}" class="zero"/>`);
  for (const r of runs) {
    if (r.length === 1) parts.push(`<circle cx="${r[0]!.split(',')[0]}" cy="${r[0]!.split(',')[1]}" r="1.5" class="point"/>`);
    else parts.push(`<polyline points="${r.join(' ')}" class="line"/>`);
  }
  for (const i of options.spikes ?? []) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    parts.push(`<circle cx="${fmt(x(i))}" cy="${fmt(y(v))}" r="3" class="spike"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
