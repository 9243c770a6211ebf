// `readout trends [--actor A | --dyad AAA-BBB | --type T | --keyword K] [--by day|week]
// [--since D] [--until D] [--json]`: attention (articles, mentions) and tone (merged events,
// mean intensity, cooperative and conflictual counts) per day or week, with spike flags; for a
// dyad both directions (A → B, B → A) and their reciprocity. The store aggregates per bucket
// (src/store/insights.ts); spikes and reciprocity are src/insights/*, whose comments document
// the methods (robust z-score against the trailing median/MAD; lagged tone correlation). A
// reciprocity resting on fewer than RELIABLE_PAIRS (8) pairs is printed as a warning, not as a figure.
import type { Command } from 'commander';
import { EVENT_TYPES } from '../../analyze/types.js';
import { ReadoutError } from '../../core/errors.js';
import { describeReciprocity } from '../../insights/reciprocity.js';
import { computeTrend, type TrendReport } from '../../insights/compute-trend.js';
import type { TrendBy, TrendFilter, TrendSubject } from '../../insights/types.js';
import type { CliContext } from '../context.js';
import { lazyRegistry } from '../filters.js';
import { parseDyad, resolveActor, resolveDyad } from '../../registry/resolve.js';
import { sinceDay, untilDay } from '../../core/days.js';

interface TrendsOptions {
  actor?: string;
  dyad?: string;
  type?: string;
  keyword?: string;
  by: string;
  since?: string;
  until?: string;
  json?: boolean;
}

const signed = (v: number | null) => (v === null ? '-' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`);

export function formatTrend(report: TrendReport): string {
  const dirs = report.directions;
  const head = ['bucket', 'articles', 'mentions', 'events', 'mean', 'coop', 'conflict', ...(dirs ? dirs.map((d) => `${d.from}→${d.to}`) : []), 'spike'];
  const rows = report.buckets.map((b, i) => [
    b.bucket, String(b.articles), b.mentions === null ? '-' : String(b.mentions), String(b.events), signed(b.meanIntensity), String(b.coop), String(b.conflict),
    ...(dirs ? dirs.map((d) => { const x = d.buckets[i]!; return x.events ? `${x.events} ${signed(x.meanIntensity)}` : '-'; }) : []),
    b.spike.length ? `SPIKE (${b.spike.join(', ')})` : '',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = [`${report.subject.kind} ${report.subject.label}, per ${report.by}`, line(head), ...rows.map(line)];
  const r = report.reciprocity;
  if (r && dirs) {
    out.push('', `reciprocity: ${describeReciprocity(r, report.by)}`);
    // Per direction, r is printed only when the dyad's figure is established; else its pairs only.
    const part = (name: string, c: { r: number | null; pairs: number }) => `${name}: ${c.r === null || r.insufficient ? 'r not established' : `r ${c.r.toFixed(2)}`} (${c.pairs} pairs)`;
    out.push(`  ${part(`${dirs[1].from} follows ${dirs[0].from}`, r.bFollowsA)}; ${part(`${dirs[0].from} follows ${dirs[1].from}`, r.aFollowsB)}`);
  }
  return out.join('\n');
}

export function registerTrends(program: Command, ctx: CliContext): void {
  program
    .command('trends')
    .description('attention and tone per day or week for an actor, a dyad, an event type or a keyword, with spikes (and reciprocity for a dyad)')
    .option('--actor <actor>', 'articles naming the actor, events with it as source or target: a registry id, an ISO3 code or a name')
    .option('--dyad <A-B>', 'articles naming both, events each way (AAA-BBB with ISO3 codes, or A,B), and their reciprocity')
    .option('--type <type>', `events of this type (${EVENT_TYPES.join(', ')})`)
    .option('--keyword <text>', 'articles the full-text search matches ("quoted phrases" allowed)')
    .option('--by <unit>', 'bucket: day or week (weeks start on Monday)', 'day')
    .option('--since <date>', 'from this day (YYYY-MM-DD)')
    .option('--until <date>', 'to this day (YYYY-MM-DD)')
    .option('--json', 'JSON output')
    .action(async (opts: TrendsOptions) => {
      const chosen = (['actor', 'dyad', 'type', 'keyword'] as const).filter((k) => opts[k] !== undefined);
      if (chosen.length !== 1) throw new ReadoutError('input', 'give exactly one of --actor, --dyad, --type and --keyword');
      if (opts.by !== 'day' && opts.by !== 'week') throw new ReadoutError('input', `--by must be day or week, not "${opts.by}"`);
      const filter: TrendFilter = { by: opts.by as TrendBy, since: sinceDay(opts.since), until: untilDay(opts.until) };
      if (filter.since && filter.until && filter.since > filter.until) throw new ReadoutError('input', '--since is after --until');
      const reg = lazyRegistry(ctx);
      let subject: TrendSubject;
      let label: TrendReport['subject'];
      const labels = { a: 'A', b: 'B' };
      if (opts.actor !== undefined) {
        subject = { kind: 'actor', actor: resolveActor(opts.actor, reg()) };
        label = { kind: 'actor', label: opts.actor.trim() };
      } else if (opts.dyad !== undefined) {
        const [a, b] = parseDyad(opts.dyad);
        subject = { kind: 'dyad', ...resolveDyad(opts.dyad, reg()) };
        const side = (s: string) => (/^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : s);
        Object.assign(labels, { a: side(a), b: side(b) });
        label = { kind: 'dyad', label: `${labels.a}-${labels.b}`, a: labels.a, b: labels.b };
      } else if (opts.type !== undefined) {
        const type = opts.type.trim().toUpperCase();
        if (!(EVENT_TYPES as readonly string[]).includes(type)) throw new ReadoutError('input', `--type must be one of ${EVENT_TYPES.join(', ')}, not "${opts.type}"`);
        subject = { kind: 'type', type };
        label = { kind: 'type', label: type };
      } else {
        subject = { kind: 'keyword', text: opts.keyword! };
        label = { kind: 'keyword', label: opts.keyword!.trim() };
      }
      const store = await ctx.store();
      const trend = await computeTrend(store, subject, filter, labels);
      const report: TrendReport = { subject: label, since: filter.since ?? null, until: filter.until ?? null, ...trend };
      if (opts.json) return ctx.out(JSON.stringify(report, null, 2));
      if (report.buckets.length === 0) return ctx.err('no articles or events for this subject (widen the dates, or analyse more articles?)');
      ctx.out(formatTrend(report));
    });
}
