// `readout export events|articles|quotes|actors [--format csv|jsonl] [--output FILE] [filters]`:
// bulk exports for spreadsheets, R/pandas and other tools, streamed in constant memory (the
// store is read one keyset page at a time and written with backpressure; src/store/exports.ts,
// src/outputs/*). CSV is RFC 4180 with a header row and formula-injection guarding (see
// src/outputs/csv.ts); JSONL is one object per line with the same keys. `--json` means jsonl.
//
// Filters (each export takes those that make sense for it; others are refused naming the flag):
//   events    --since --until (event day) --actor --dyad [--directed] --type (PLOVER types) --source (outlet)
//   articles  --since --until (article date) --actor (named in the analysis) --source --kind (article kind) --with-text
//   quotes    --since --until --actor (the speaker) --source --kind (direct|partial|indirect)
//   actors    --actor (id, name or country) --type (actor type) --kind (organisation kind) --with-counts
// --actor and --dyad take what `readout timeline` takes (registry id, ISO3 code or name).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { EVENT_TYPES, type Quote } from '../../analyze/types.js';
import { ARTICLE_KINDS, type ArticleKind } from '../../core/types.js';
import { ReadoutError } from '../../core/errors.js';
import { actorRows, exportActors } from '../../outputs/actors.js';
import { articleRows, eventRows, quoteRows } from '../../outputs/rows.js';
import { EXPORT_FORMATS, writeRows, type ExportFormat, type RowSpec, type WriteResult } from '../../outputs/write.js';
import type { ActorType, Registry } from '../../registry/types.js';
import type { ActorMatch, Store } from '../../store/types.js';
import type { CliContext } from '../context.js';
import { lazyRegistry } from '../filters.js';
import { parseDyad, resolveActor } from '../../registry/resolve.js';

export const EXPORT_KINDS = ['events', 'articles', 'quotes', 'actors'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const QUOTE_KINDS: readonly Quote['kind'][] = ['direct', 'partial', 'indirect'];
const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'country', 'place', 'other'];

export interface ExportOptions {
  format?: string;
  json?: boolean;
  output?: string;
  since?: string;
  until?: string;
  actor?: string;
  dyad?: string;
  directed?: boolean;
  type?: string;
  source?: string;
  kind?: string;
  withText?: boolean;
  withCounts?: boolean;
  limit?: string;
}

/** The flags each export accepts (beyond --format/--json/--output/--limit). */
const ALLOWED: Record<ExportKind, readonly (keyof ExportOptions)[]> = {
  events: ['since', 'until', 'actor', 'dyad', 'directed', 'type', 'source'],
  articles: ['since', 'until', 'actor', 'source', 'kind', 'withText'],
  quotes: ['since', 'until', 'actor', 'source', 'kind'],
  actors: ['actor', 'type', 'kind', 'withCounts'],
};
const FILTERS: readonly (keyof ExportOptions)[] = ['since', 'until', 'actor', 'dyad', 'directed', 'type', 'source', 'kind', 'withText', 'withCounts'];
const FLAG: Record<string, string> = { withText: '--with-text', withCounts: '--with-counts' };
const flagOf = (k: string) => FLAG[k] ?? `--${k}`;

function input(message: string, hint?: string): ReadoutError {
  return new ReadoutError('input', message, { hint });
}

export function parseKind(arg: string): ExportKind {
  const k = arg.trim().toLowerCase();
  if ((EXPORT_KINDS as readonly string[]).includes(k)) return k as ExportKind;
  throw input(`export: unknown export "${arg}"`, `use one of ${EXPORT_KINDS.join(', ')}`);
}

export function parseFormat(opts: Pick<ExportOptions, 'format' | 'json'>): ExportFormat {
  const f = opts.format?.trim().toLowerCase();
  if (f !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(f)) {
    throw input(`--format must be csv or jsonl, not "${opts.format}"`);
  }
  if (opts.json && f === 'csv') throw input('--json means --format jsonl: choose one of --json and --format csv');
  return opts.json ? 'jsonl' : ((f as ExportFormat | undefined) ?? 'csv');
}

/** A YYYY-MM-DD day (or a full ISO timestamp, cut to its day for events), else an error naming the flag. */
export function parseDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && !Number.isNaN(Date.parse(v.includes('T') || v.includes(' ') ? v.replace(' ', 'T') : v))) {
      return v.slice(0, 10);
    }
  }
  throw input(`${flag} must be a date (YYYY-MM-DD), not "${value}"`);
}

/** A comma-separated list checked against the allowed values (case-insensitive), else an error naming the flag. */
export function parseList<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], normalise: (s: string) => string = (s) => s.toLowerCase()): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => normalise(s.trim())).filter(Boolean);
  if (!items.length) throw input(`${flag} is empty`, `use one or more of ${allowed.join(', ')}`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw input(`${flag}: unknown value "${item}"`, `use one or more of ${allowed.join(', ')} (comma-separated)`);
  }
  return items as T[];
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw input(`--limit must be a whole number ≥ 1, not "${value}"`);
  return n;
}

export interface ExportPlan<T> {
  /** What to read (called once the options are known to be good and the store is open). */
  items(store: Store): AsyncIterable<T>;
  spec: RowSpec<T>;
}

/** Checks the options and plans the export (before the store is opened): what to read and how rows look. */
export function planExport(kind: ExportKind, opts: ExportOptions, registry: () => Registry): ExportPlan<unknown> {
  for (const k of FILTERS) {
    if (opts[k] !== undefined && opts[k] !== false && !ALLOWED[kind].includes(k)) {
      throw input(`${flagOf(k)} does not apply to \`readout export ${kind}\``, `${kind} takes ${ALLOWED[kind].map(flagOf).join(', ')}`);
    }
  }
  if (opts.directed && !opts.dyad) throw input('--directed needs --dyad');
  const since = parseDay(opts.since, '--since');
  const until = parseDay(opts.until, '--until');
  if (since && until && since > until) throw input(`--since (${since}) is after --until (${until})`);
  const source = opts.source?.trim();
  if (opts.source !== undefined && !source) throw input('--source is empty', 'give a source id, feed URL or outlet name');
  const actor: ActorMatch | undefined = opts.actor !== undefined ? resolveActorFlag(opts.actor, '--actor', registry) : undefined;

  switch (kind) {
    case 'events': {
      let dyad: { a: ActorMatch; b: ActorMatch; directed: boolean } | undefined;
      if (opts.dyad !== undefined) {
        const [a, b] = parseDyad(opts.dyad);
        dyad = { a: resolveActorFlag(a, '--dyad', registry), b: resolveActorFlag(b, '--dyad', registry), directed: !!opts.directed };
      }
      const types = parseList(opts.type, '--type', EVENT_TYPES, (s) => s.toUpperCase());
      return { items: (store) => store.exportEvents({ since, until, actor, dyad, types, source }), spec: eventRows as RowSpec<unknown> };
    }
    case 'articles': {
      const kinds = parseList<ArticleKind>(opts.kind, '--kind', ARTICLE_KINDS);
      return { items: (store) => store.exportArticles({ since, until, source, kinds, actor, withText: !!opts.withText }), spec: articleRows(!!opts.withText) as RowSpec<unknown> };
    }
    case 'quotes': {
      const kinds = parseList(opts.kind, '--kind', QUOTE_KINDS);
      return { items: (store) => store.exportQuotes({ since, until, source, kinds, actor }), spec: quoteRows as RowSpec<unknown> };
    }
    case 'actors': {
      const types = parseList(opts.type, '--type', ACTOR_TYPES, (s) => (s.toLowerCase() === 'organisation' ? 'organization' : s.toLowerCase()));
      const kinds = opts.kind === undefined ? undefined : opts.kind.split(',').map((s) => s.trim()).filter(Boolean);
      if (kinds && !kinds.length) throw input('--kind is empty', 'give an organisation kind, e.g. foreign-ministry');
      return { items: (store) => exportActors(registry(), store, { types, kinds, actor, withCounts: !!opts.withCounts }), spec: actorRows(!!opts.withCounts) as RowSpec<unknown> };
    }
  }
}

function resolveActorFlag(value: string, flag: string, registry: () => Registry): ActorMatch {
  if (!value.trim()) throw input(`${flag} is empty`, 'use a registry id, an ISO3 code or a name');
  return resolveActor(value, registry());
}

/** Writes to FILE through FILE.partial, renamed when complete (a failed export leaves no half file under the name). */
async function toFile(path: string, write: (out: NodeJS.WritableStream) => Promise<WriteResult>): Promise<WriteResult> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new ReadoutError('input', `export: cannot write ${path}: ${(err as Error).message}`, { cause: err, hint: 'check that the folder exists and is writable' });
  }
  try {
    const result = await write(out);
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
    await rename(partial, path);
    return result;
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .argument('<what>', `what to export: ${EXPORT_KINDS.join(', ')}`)
    .description('export events, articles, quotes or actors as CSV or JSONL, streamed (constant memory)')
    .option('--format <format>', 'csv (RFC 4180, header row; default) or jsonl (one JSON object per line)')
    .option('--json', 'same as --format jsonl')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'on or after this day (events: event day; articles, quotes: article date)')
    .option('--until <date>', 'on or before this day')
    .option('--actor <actor>', 'events: source or target; articles: named in; quotes: speaker; actors: id, name or country')
    .option('--dyad <A-B>', 'events between two actors, either way (AAA-BBB with ISO3 codes, or A,B)')
    .option('--directed', 'with --dyad: only events from the first actor to the second')
    .option('--type <types>', 'events: PLOVER types (REJECT,ACCUSE,…); actors: person, organization, country, place, other')
    .option('--source <source>', 'outlet: source id, feed URL or outlet name')
    .option('--kind <kinds>', `articles: ${ARTICLE_KINDS.join(', ')}; quotes: ${QUOTE_KINDS.join(', ')}; actors: organisation kind`)
    .option('--with-text', 'articles: add the full text column')
    .option('--with-counts', 'actors: add article and mention counts')
    .option('--limit <n>', 'stop after this many rows')
    .action(async (what: string, opts: ExportOptions) => {
      const kind = parseKind(what);
      const format = parseFormat(opts);
      const limit = parseLimit(opts.limit);
      if (opts.output !== undefined && !opts.output.trim()) throw input('--output is empty', 'give a file path, or leave it out for standard output');
      const plan = planExport(kind, opts, lazyRegistry(ctx));
      const items = plan.items(await ctx.store());
      const write = (out: NodeJS.WritableStream) => writeRows(items, plan.spec, format, out, { limit });
      if (opts.output !== undefined) {
        const result = await toFile(opts.output, write);
        ctx.err(`exported ${result.rows} ${result.rows === 1 ? kind.replace(/s$/, '') : kind} to ${opts.output} (${format})`);
      } else {
        await write(ctx.outStream());
      }
    });
}
