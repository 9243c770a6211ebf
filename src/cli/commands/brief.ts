// `readout brief [--since 24h|7d|DATE] [--until D] [--focus PRK] [--format md|html] [--output FILE] [--save]`,
// `readout brief --list`, `readout brief --show ID [--format md|html]`: a ranked, sourced
// briefing over the events dated in the window (statements and who answered whom, meetings,
// threats and offers with their modality, other actions), personnel moves, and trend lines
// (attention and tone of the focus country and its main dyads, spike days marked). Assembly and
// ranking: src/briefs/assemble.ts and rank.ts (the formula is documented there); rendering:
// src/briefs/markdown.ts and html.ts. Everything comes from store queries (timeline,
// roleRecords, trendAttention/trendTone): no article text is re-read.
//
// Scheduling: there is no in-process scheduler; run `readout brief --since 24h --save` from
// cron (e.g. `0 6 * * * readout --db … brief --since 24h --focus PRK --save --output /srv/briefs/today.html --format html`)
// and read saved briefs back with --list and --show.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { registryOptions } from '../../pipeline/analyze-stage.js';
import { loadRegistry } from '../../registry/load.js';
import { itemCount } from '../../briefs/assemble.js';
import { makeBrief, renderBrief, windowStart } from '../../briefs/make.js';
import type { Brief } from '../../briefs/types.js';
import type { CliContext } from '../context.js';
import { sinceDay, untilDay } from '../../core/days.js';

interface BriefOptions {
  since: string;
  until?: string;
  focus?: string;
  format?: string;
  output?: string;
  save?: boolean;
  list?: boolean;
  show?: string;
  limit: string;
  json?: boolean;
}

/** --since: "24h", "7d", "2w" back from now (to the day), or a date. */
export function briefSince(value: string, now: Date): string {
  return /^\s*\d+\s*[hdw]\s*$/i.test(value) ? windowStart(value.replace(/\s+/g, ''), now) : sinceDay(value)!;
}

function format(value: string | undefined, fallback: 'md' | 'html'): 'md' | 'html' {
  const f = (value ?? fallback).toLowerCase();
  if (f === 'md' || f === 'markdown') return 'md';
  if (f === 'html') return 'html';
  throw new ReadoutError('input', `--format must be md or html, not "${value}"`);
}



export function registerBrief(program: Command, ctx: CliContext): void {
  program
    .command('brief')
    .description('a ranked, sourced briefing: statements and responses, meetings, threats and offers, personnel moves, trend lines (save it with --save; run from cron)')
    .option('--since <when>', 'window start: 24h, 7d, 2w back from now, or a date (YYYY-MM-DD)', '24h')
    .option('--until <date>', 'window end (YYYY-MM-DD; default today)')
    .option('--focus <ISO3>', 'only events with this country as source or target, its personnel, its trends (default: all)')
    .option('--format <md|html>', 'Markdown (default) or a standalone HTML document')
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--save', 'store the brief (list with --list, read with --show ID)')
    .option('--list', 'list saved briefs, newest first')
    .option('--show <id>', 'print a saved brief (in --format, else the format it was saved in)')
    .option('--limit <n>', 'items per section', '10')
    .option('--json', 'the assembled brief as JSON')
    .action(async (opts: BriefOptions) => {
      const store = await ctx.store();
      if (opts.list) {
        const list = await store.listBriefs();
        if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
        if (list.length === 0) return ctx.err('no saved briefs (make one with readout brief --save)');
        return ctx.out(list.map((b) => `${String(b.id).padStart(4)}  ${b.createdAt}  ${b.format.padEnd(4)}  ${String(b.itemCount).padStart(3)} items  ${b.title}`).join('\n'));
      }
      const write = (text: string) => {
        if (opts.output) writeFileSync(opts.output, text);
        else ctx.out(text);
      };
      if (opts.show !== undefined) {
        const id = Number(opts.show);
        const saved = Number.isSafeInteger(id) ? await store.getBrief(id) : null;
        if (!saved) throw new ReadoutError('input', `no saved brief ${opts.show}`, { hint: 'list them with readout brief --list' });
        if (opts.json) return write(saved.data);
        const as = format(opts.format, saved.format);
        return write(as === saved.format ? saved.content : renderBrief(JSON.parse(saved.data) as Brief, as));
      }

      const as = format(opts.format, 'md');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ReadoutError('input', `--limit must be a whole number ≥ 1, not "${opts.limit}"`);
      const now = new Date();
      const since = briefSince(opts.since, now);
      const until = untilDay(opts.until) ?? now.toISOString().slice(0, 10);
      if (since > until) throw new ReadoutError('input', '--since is after --until');
      const registry = loadRegistry(await registryOptions(ctx.config(), store));
      let focus: string | null = null;
      if (opts.focus !== undefined) {
        focus = opts.focus.trim().toUpperCase();
        if (!/^[A-Z]{3}$/.test(focus) || !registry.country(focus)) throw new ReadoutError('input', `--focus must be an ISO 3166 alpha-3 country code (PRK, USA …), not "${opts.focus}"`);
      }
      const brief = await makeBrief(store, registry, { since, until, focus, limit, now });
      const text = opts.json ? JSON.stringify(brief, null, 2) : renderBrief(brief, as);
      if (opts.save) {
        const saved = await store.saveBrief({ since, until, focus, title: brief.title, format: as, itemCount: itemCount(brief), content: opts.json ? renderBrief(brief, as) : text, data: JSON.stringify(brief) });
        ctx.err(`saved brief ${saved.id} (${saved.itemCount} items)`);
      }
      write(text);
    });
}
