// Candidate events for merging and response linking, read through indexes (migration 10), so the
// work per analysed article does not grow with the store: only events of the right source or
// target country (or of an unknown one) in the date window the pure functions accept, newest
// first, at most *_CANDIDATES per report or event.
// Country is the key because actorAgreement (src/events/identity.ts) rules out two actors whose
// countries are both known and differ (unless they share a registry id, which names one actor
// of one country); an actor without a country matches any, so those rows are always read too.
// The caps are per report or event (across the queries it takes), and only bite when more events
// than that fit the country, type and window (hundreds in a week); the newest (for responders: the
// closest) are kept, the rest are not compared.
import type { Kysely } from 'kysely';
import { EVENT_TYPES } from '../analyze/types.js';
import { compatibleTypes, WINDOW_DAYS } from '../events/identity.js';
import { RESPONSE_WINDOW_DAYS } from '../events/responses.js';
import { addDays } from '../events/text.js';
import type { EventReport, MergedEvent } from '../events/types.js';
import type { Database } from './schema.js';

/** Events a new report is compared with. */
export const MERGE_CANDIDATES = 100;
/** Earlier events a responder is linked against. */
export const LINK_CANDIDATES = 100;
/** Later events re-checked against a changed event. */
export const RESPONDER_CANDIDATES = 100;

type Column = 'source_country' | 'target_country';
type DateColumn = 'anchor' | 'sort_date';

interface Branch {
  column: Column | null;
  /** The country; null: rows whose column is NULL. Ignored without a column (any row). */
  country: string | null;
  /** Only events that have a target (the target IS NULL branch of the linking rules). */
  needsTarget?: boolean;
}

/** The branches "column agrees with this actor's country": its country and unknown, or any row when it has none. */
function agreeing(column: Column, country: string | null | undefined, needsTarget = false): Branch[] {
  if (!country) return [{ column: null, country: null, needsTarget }];
  return [{ column, country, needsTarget }, { column, country: null, needsTarget }];
}

interface Row {
  id: number;
  at: string;
}

/** Rows of each branch (each read newest or closest first, at most `limit`). */
async function rows(
  db: Kysely<Database>, branches: Branch[], date: DateColumn, from: string, to: string, limit: number, newestFirst: boolean,
  extra?: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
): Promise<Row[]> {
  const out: Row[] = [];
  for (const b of branches) {
    let q = base(db, date).where(date, '>=', from).where(date, '<=', to);
    if (b.column) q = b.country === null ? q.where(b.column, 'is', null) : q.where(b.column, '=', b.country);
    // A known target country implies a target (has_target), so only the other branches need the row.
    if (b.needsTarget && !(b.column === 'target_country' && b.country !== null)) q = q.where('has_target', '=', 1);
    if (extra) q = extra(q);
    const dir = newestFirst ? 'desc' : 'asc';
    for (const r of await q.orderBy(date, dir).orderBy('id', dir).limit(limit).execute()) out.push({ id: Number(r.id), at: (r as Record<DateColumn, string>)[date] });
  }
  return out;
}

/** The `limit` newest (or closest) of all branches' rows: the cap is per event, not per query. */
function cut(all: Row[], limit: number, newestFirst: boolean): Set<number> {
  const sign = newestFirst ? -1 : 1;
  const unique = [...new Map(all.map((r) => [r.id, r])).values()];
  unique.sort((a, b) => sign * (a.at.localeCompare(b.at) || a.id - b.id));
  return new Set(unique.slice(0, limit).map((r) => r.id));
}

async function ids(
  db: Kysely<Database>, branches: Branch[], date: DateColumn, from: string, to: string, limit: number, newestFirst: boolean,
): Promise<Set<number>> {
  return cut(await rows(db, branches, date, from, to, limit, newestFirst), limit, newestFirst);
}
/** Only id and the date column: both are in the indexes (with the country columns), so SQLite reads no table row. */
function base(db: Kysely<Database>, date: DateColumn) {
  return db.selectFrom('merged_events').select(date === 'anchor' ? ['id', 'anchor'] : ['id', 'sort_date']);
}

/**
 * Merged events a pending report could join (merge.ts clusterScore): anchors within the
 * matching window, a source of its country (or unknown), a target of its target's country (or
 * none/unknown), a compatible type. One query per (source, target, type): each reads a range of
 * the (source_country, target_country, type, anchor) index, of (source_country, type, anchor)
 * when the report names no target country, or of (type, anchor) when it names no source country;
 * read newest first, each query stops at MERGE_CANDIDATES matching rows, and the newest of all are kept.
 * (No last_anchor condition: an event's last anchor is never before its first, so anchor >= from covers it.)
 */
export async function mergeCandidates(db: Kysely<Database>, report: EventReport): Promise<Set<number>> {
  const from = addDays(report.anchor, -WINDOW_DAYS - 1);
  const to = addDays(report.anchor, WINDOW_DAYS + 1);
  const target = report.target?.country ?? null;
  const found: Row[] = [];
  for (const source of agreeing('source_country', report.source.country)) {
    for (const type of compatibleTypes(report.type) ?? EVENT_TYPES) {
      for (const t of target ? [target, null] : [undefined]) {
        found.push(...(await rows(db, [source], 'anchor', from, to, MERGE_CANDIDATES, true, (q) => {
          const r = q.where('type', '=', type);
          return t === undefined ? r : t === null ? r.where('target_country', 'is', null) : r.where('target_country', '=', t);
        })));
      }
    }
  }
  return cut(found, MERGE_CANDIDATES, true);
}

/**
 * Earlier events `responder` could answer (responses.ts linkResponses): within the response
 * window before it, and either acted by its target (it acts on their speaker) or aimed at its
 * source (it speaks as the one addressed).
 */
export async function linkCandidates(db: Kysely<Database>, responder: MergedEvent): Promise<Set<number>> {
  const from = addDays(responder.sortDate, -RESPONSE_WINDOW_DAYS);
  const to = responder.sortDate;
  const branches: Branch[] = [...(responder.target ? agreeing('source_country', responder.target.country) : []), ...agreeing('target_country', responder.source.country, true)];
  return ids(db, branches, 'sort_date', from, to, LINK_CANDIDATES, true);
}

/**
 * Later events that could answer `event` (the mirror of linkCandidates): within the response
 * window after it, aimed at its source or acted by its target. Closest first.
 */
export async function responderCandidates(db: Kysely<Database>, event: MergedEvent): Promise<Set<number>> {
  const from = event.sortDate;
  const to = addDays(event.sortDate, RESPONSE_WINDOW_DAYS);
  const branches: Branch[] = [...agreeing('target_country', event.source.country, true), ...(event.target ? agreeing('source_country', event.target.country) : [])];
  return ids(db, branches, 'sort_date', from, to, RESPONDER_CANDIDATES, false);
}
