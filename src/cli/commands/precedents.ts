// `readout precedents EVENT_ID [--days N] [--limit K] [--json]`: the merged events most like an
// event that came before it (same type and dyad, the same direction counting more than the
// reverse, similar quote/trigger wording) and what followed each within N days (the dyad's
// events, either way, with their type, intensity and response links). The event's own crisis
// (the exchange it answers, and the CRISIS_DAYS before it) is never a precedent; a day offset
// that counts from a report day because a date is not a day is printed "~+N". Rules and scores:
// src/insights/precedents.ts; the query: src/store/precedents.ts.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { actorLabel, eventRef } from '../../events/timeline.js';
import { CRISIS_DAYS, DEFAULT_FOLLOW_DAYS, DEFAULT_PRECEDENT_LIMIT, precedentsJson, type FollowUp, type PrecedentsResult } from '../../insights/precedents.js';
import type { CliContext } from '../context.js';

interface PrecedentsOptions {
  days: string;
  limit: string;
  json?: boolean;
}

/** "ev42" or "42" → 42. */
export function parseEventId(arg: string): number {
  const m = /^\s*(?:ev)?(\d+)\s*$/i.exec(arg);
  const id = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new ReadoutError('input', `EVENT_ID must be an event id like ev42 (see readout timeline), not "${arg}"`);
  return id;
}

function whole(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ReadoutError('input', `${flag} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const flags = (x: { negated: boolean; modality: string }) => {
  const out = [x.negated ? 'NOT' : '', x.modality !== 'asserted' ? x.modality : ''].filter(Boolean);
  return out.length ? ` [${out.join(', ')}]` : '';
};

function followLine(f: FollowUp): string {
  const links = f.respondsTo.map((l) => `↳ ${eventRef(l.id)} (${l.rule}${l.cue ? ` “${l.cue}”` : ''}, ${l.confidence})`).join(' ');
  const offset = `${f.approximate ? '~' : ''}+${f.daysAfter}`;
  return `      ${offset.padEnd(5)} ${(f.date ?? `${f.sortDate}?`).padEnd(11)} ${eventRef(f.id)}  ${actorLabel(f.source)} → ${actorLabel(f.target)}  ${f.type}${f.mode ? `/${f.mode}` : ''} ${signed(f.intensity)}${flags(f)}${links ? `  ${links}` : ''}`;
}

export function formatPrecedents(result: PrecedentsResult): string {
  const e = result.event.event;
  const out = [`${e.date ?? `${e.sortDate}?`}  ${eventRef(e.id)}  ${actorLabel(e.source)} → ${actorLabel(e.target)}  ${e.type}${e.mode ? `/${e.mode}` : ''} ${signed(e.intensity)}${flags(e)}`];
  if (e.quote) out.push(`    “${e.quote}”`);
  if (result.precedents.length === 0) {
    out.push('', `no earlier event of this type between these two sides (outside this event's own exchange and the ${CRISIS_DAYS} days before it)`);
    return out.join('\n');
  }
  out.push('', `precedents (what followed within ${result.days} days):`, `  (this event's own exchange and the ${CRISIS_DAYS} days before it are its crisis, not precedents; ~ marks an offset counted from a report day)`);
  for (const p of result.precedents) {
    const x = p.entry.event;
    out.push('', `  ${(x.date ?? `${x.sortDate}?`).padEnd(11)} ${eventRef(x.id)}  ${actorLabel(x.source)} → ${actorLabel(x.target)}  ${x.type}${x.mode ? `/${x.mode}` : ''} ${signed(x.intensity)}${flags(x)}  score ${p.score} (${p.direction} direction, wording ${p.wording})`);
    if (x.quote) out.push(`      “${x.quote}”`);
    const r = p.entry.reports[0];
    if (r) out.push(`      · ${r.outlet ?? 'source'}: ${r.url}`);
    if (p.followed.length === 0) out.push('      nothing followed between them');
    for (const f of p.followed) out.push(followLine(f));
  }
  return out.join('\n');
}

export function registerPrecedents(program: Command, ctx: CliContext): void {
  program
    .command('precedents')
    .description('earlier events most like this one (same type and dyad, similar wording) and what followed each')
    .argument('<event>', 'a merged event id (ev42, as readout timeline prints it)')
    .option('--days <n>', 'what followed: the dyad\'s events up to this many days after each precedent', String(DEFAULT_FOLLOW_DAYS))
    .option('--limit <k>', 'at most this many precedents', String(DEFAULT_PRECEDENT_LIMIT))
    .option('--json', 'JSON output')
    .action(async (arg: string, opts: PrecedentsOptions) => {
      const id = parseEventId(arg);
      const days = whole(opts.days, '--days', 3660);
      const limit = whole(opts.limit, '--limit', 100);
      const store = await ctx.store();
      const result = await store.precedents(id, { days, limit });
      if (!result) throw new ReadoutError('input', `no event ${eventRef(id)}`, { hint: 'list events with readout timeline' });
      ctx.out(opts.json ? JSON.stringify(precedentsJson(result), null, 2) : formatPrecedents(result));
    });
}
