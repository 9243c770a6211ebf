// `readout timeline [--actor A] [--dyad AAA-BBB [--directed]] [--type T,…] [--since D] [--until D] [--json|--md]`:
// the merged real-world events (one per event, however many outlets reported it), in date
// order, with their reports and response arrows. JSON follows ../shared/contracts/cli.md.
//
// --actor takes a registry id ("country:PRK", "org:prk-mfa"), an ISO3 code ("PRK") or a name
// ("North Korea", resolved through the registry, and matched as written too). --dyad A-B takes
// two ISO3 codes (or two actors separated by a comma: "org:prk-mfa,USA") and matches events
// between them either way (A → B and B → A: an exchange and its answers); --directed keeps A → B.
// --type keeps events of any of the PLOVER types listed (THREATEN,SANCTION).
import type { Command } from 'commander';
import { EVENT_TYPES } from '../../analyze/types.js';
import { parseList } from '../../outputs/plan.js';
import { ReadoutError } from '../../core/errors.js';
import { formatHuman, formatMarkdown, toJson } from '../../events/timeline.js';
import type { TimelineFilter } from '../../store/types.js';
import type { CliContext } from '../context.js';
import { lazyRegistry } from '../filters.js';
import { resolveActor, resolveDyad } from '../../registry/resolve.js';
import { day } from '../../core/days.js';


interface TimelineOptions {
  actor?: string;
  dyad?: string;
  directed?: boolean;
  type?: string;
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
  md?: boolean;
}

export function registerTimeline(program: Command, ctx: CliContext): void {
  program
    .command('timeline')
    .description('merged real-world events in date order (one per event, however many reports), with response arrows')
    .option('--actor <actor>', 'events with this actor as source or target: a registry id, an ISO3 code or a name')
    .option('--dyad <A-B>', 'events between two actors, either way (AAA-BBB with ISO3 codes, or A,B)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--type <types>', `events of any of these types, comma-separated (${EVENT_TYPES.join(', ')})`)
    .option('--since <date>', 'events dated on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'events dated on or before this day (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many events', '1000')
    .option('--json', 'JSON output (the contract in ../shared/contracts/cli.md)')
    .option('--md', 'Markdown table, for briefs')
    .action(async (opts: TimelineOptions) => {
      if (opts.json && opts.md) throw new ReadoutError('input', 'choose one of --json and --md');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ReadoutError('input', `--limit must be a whole number ≥ 1, not "${opts.limit}"`);
      if (opts.directed && !opts.dyad) throw new ReadoutError('input', '--directed needs --dyad');
      const reg = lazyRegistry(ctx);
      const filter: TimelineFilter = { since: day(opts.since, '--since'), until: day(opts.until, '--until'), limit, types: parseList(opts.type, '--type', EVENT_TYPES, (s) => s.toUpperCase()) };
      if (opts.actor) filter.actor = resolveActor(opts.actor, reg());
      if (opts.dyad) {
        filter.dyad = { ...resolveDyad(opts.dyad, reg()), directed: !!opts.directed };
      }
      const store = await ctx.store();
      const entries = await store.timeline(filter);
      if (opts.json) return ctx.out(JSON.stringify(entries.map(toJson), null, 2));
      if (entries.length === 0) return ctx.err('no events (they appear as articles are analysed; widen the filters?)');
      ctx.out(opts.md ? formatMarkdown(entries) : formatHuman(entries));
    });
}
