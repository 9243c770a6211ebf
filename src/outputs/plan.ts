// Planning an export from user options (CLI flags or API query): checks each option against
// the export kind (errors name the flag), resolves actors through the registry, and says what to
// read from the store and how its rows look. Shared by `readout export` and GET /export/{kind}.
import { EVENT_TYPES, type Quote } from '../analyze/types.js';
import { ARTICLE_KINDS, type ArticleKind } from '../core/types.js';
import { ReadoutError } from '../core/errors.js';
import { resolveActor, resolveDyad } from '../registry/resolve.js';
import type { ActorType, Registry } from '../registry/types.js';
import type { ActorMatch, Store } from '../store/types.js';
import { actorRows, exportActors } from './actors.js';
import { articleRows, eventRows, quoteRows } from './rows.js';
import { EXPORT_FORMATS, type ExportFormat, type RowSpec } from './write.js';

export const EXPORT_KINDS = ['events', 'articles', 'quotes', 'actors'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const QUOTE_KINDS: readonly Quote['kind'][] = ['direct', 'partial', 'indirect'];
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

export function parseLimit(value: string | undefined): number | undefined {
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
        dyad = { ...resolveDyad(opts.dyad, registry()), directed: !!opts.directed };
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
