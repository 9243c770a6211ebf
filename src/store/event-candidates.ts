// Candidate events for merging and response linking, read through indexes (migration 9), so the
// work per analysed article does not grow with the store: only events of the right source or
// target country (or of an unknown one) in the date window the pure functions accept, newest
// first, at most *_CANDIDATES per query.
// Country is the key because actorAgreement (src/events/identity.ts) rules out two actors whose
// countries are both known and differ (unless they share a registry id, which names one actor
// of one country); an actor without a country matches any, so those rows are always read too.
// The caps only bite when one country has more events in the window than that (hundreds in a
// week); the newest are kept, the rest are not compared.
import type { Kysely } from 'kysely';
import { compatibleTypes, WINDOW_DAYS } from '../events/identity.js';
import { RESPONSE_WINDOW_DAYS } from '../events/responses.js';
import { addDays } from '../events/text.js';
import type { EventReport, MergedEvent } from '../events/types.js';
import type { Database } from './schema.js';

/** Events a new report is compared with (per report, per country branch). */
export const MERGE_CANDIDATES = 100;
/** Earlier events a responder is linked against (per country branch). */
export const LINK_CANDIDATES = 100;
/** Later events re-checked against a changed event (per country branch). */
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

async function ids(
  db: Kysely<Database>, branches: Branch[], date: DateColumn, from: string, to: string, limit: number, newestFirst: boolean,
  extra?: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
): Promise<Set<number>> {
  const out = new Set<number>();
  for (const b of branches) {
    let q = base(db).where(date, '>=', from).where(date, '<=', to);
    if (b.column) q = b.country === null ? q.where(b.column, 'is', null) : q.where(b.column, '=', b.country);
    if (b.needsTarget) q = q.where('has_target', '=', 1);
    if (extra) q = extra(q);
    const dir = newestFirst ? 'desc' : 'asc';
    for (const r of await q.orderBy(date, dir).orderBy('id', dir).limit(limit).execute()) out.add(Number(r.id));
  }
  return out;
}
function base(db: Kysely<Database>) {
  return db.selectFrom('merged_events').select('id');
}

/**
 * Merged events a pending report could join (merge.ts clusterScore): anchors within the
 * matching window, a source of its country (or unknown), a target of its target's country (or
 * none/unknown), a compatible type.
 */
export async function mergeCandidates(db: Kysely<Database>, report: EventReport): Promise<Set<number>> {
  const from = addDays(report.anchor, -WINDOW_DAYS - 1);
  const to = addDays(report.anchor, WINDOW_DAYS + 1);
  const types = compatibleTypes(report.type);
  const target = report.target?.country ?? null;
  return ids(db, agreeing('source_country', report.source.country), 'anchor', from, to, MERGE_CANDIDATES, true, (q) => {
    let r = q.where('last_anchor', '>=', from);
    if (types) r = r.where('type', 'in', types);
    if (target) r = r.where((eb) => eb.or([eb('target_country', '=', target), eb('target_country', 'is', null)]));
    return r;
  });
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
