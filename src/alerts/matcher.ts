// The pure half of alerting: which rules fire for a merged event, and the keys that make an
// alert fire once per real-world event. No I/O; the store and the pipeline call it
// (src/alerts/evaluate.ts).
import type { TimelineEntry } from '../events/timeline.js';
import type { ActorRef, EventReport } from '../events/types.js';
import type { ActorMatch } from '../store/types.js';
import type { RoleRecord } from '../insights/types.js';
import type { ResolvedMatch, RuleMatch } from './rules.js';

/** What a matcher needs of a rule. */
export interface MatchableRule {
  spec: { enabled: boolean; match: RuleMatch };
  resolved: ResolvedMatch;
}

/** True when the actor reference is one of the matched actors (registry id, country or name). */
export function actorMatches(ref: ActorRef | null, m: ActorMatch): boolean {
  if (!ref) return false;
  const ids = m.ids ?? [];
  if ((ref.entityId && ids.includes(ref.entityId)) || (ref.institution && ids.includes(ref.institution))) return true;
  if (ref.country && (m.countries ?? []).some((c) => c.toUpperCase() === ref.country!.toUpperCase())) return true;
  const name = ref.name?.toLowerCase();
  return name !== undefined && (m.names ?? []).some((n) => n.toLowerCase() === name);
}

function textHas(text: string | null, keyword: string): boolean {
  return text !== null && text.toLowerCase().includes(keyword.toLowerCase());
}

/**
 * Why the rule fires for this merged event (one reason per condition, for the alert body), or
 * null when it does not. Every condition given must hold; a rule with no condition never fires.
 */
export function matchEvent(rule: MatchableRule, entry: TimelineEntry): string[] | null {
  const { match } = rule.spec;
  if (!rule.spec.enabled) return null;
  // Personnel and spike rules fire on moves and spikes (matchPersonnel, evaluate.ts), never on events.
  if (match.personnel || match.spike) return null;
  const e = entry.event;
  const reasons: string[] = [];
  if (match.skipNegated && e.negated) return null;
  if (rule.resolved.actors.length) {
    const hit = rule.resolved.actors.findIndex((a) => actorMatches(e.source, a) || actorMatches(e.target, a));
    if (hit < 0) return null;
    reasons.push(`actor ${match.actors?.[hit] ?? '?'}`);
  }
  const dyad = rule.resolved.dyad;
  if (dyad) {
    const ab = actorMatches(e.source, dyad.a) && actorMatches(e.target, dyad.b);
    const ba = !dyad.directed && actorMatches(e.source, dyad.b) && actorMatches(e.target, dyad.a);
    if (!ab && !ba) return null;
    reasons.push(`dyad ${match.dyad?.a ?? '?'}${dyad.directed ? ' → ' : ' – '}${match.dyad?.b ?? '?'}`);
  }
  if (match.types?.length) {
    if (!match.types.includes(e.type)) return null;
    reasons.push(`type ${e.type}`);
  }
  if (match.minAbsIntensity !== undefined) {
    if (Math.abs(e.intensity) < match.minAbsIntensity) return null;
    reasons.push(`|intensity| ${Math.abs(e.intensity)} ≥ ${match.minAbsIntensity}`);
  }
  if (match.minIntensity !== undefined) {
    if (e.intensity < match.minIntensity) return null;
    reasons.push(`intensity ${e.intensity} ≥ ${match.minIntensity}`);
  }
  if (match.maxIntensity !== undefined) {
    if (e.intensity > match.maxIntensity) return null;
    reasons.push(`intensity ${e.intensity} ≤ ${match.maxIntensity}`);
  }
  if (match.keywords?.length) {
    const texts = [e.quote, ...entry.reports.flatMap((r) => [r.quote, r.sentence])];
    const keyword = match.keywords.find((k) => texts.some((t) => textHas(t, k)));
    if (keyword === undefined) return null;
    reasons.push(`keyword "${keyword}"`);
  }
  return reasons.length ? reasons : null;
}

/** A report's identity across re-analysis: its article and its event id inside the article. */
export function reportKey(r: Pick<EventReport, 'articleId' | 'eventId'>): string {
  return `${r.articleId}:${r.eventId}`;
}

/** The event's first report (earliest seen, then lowest article id and position). */
export function firstReport(entry: TimelineEntry): EventReport | null {
  const sorted = [...entry.reports].sort((a, b) => a.seenAt.localeCompare(b.seenAt) || a.articleId - b.articleId || a.seq - b.seq);
  return sorted[0] ?? null;
}

/** An observed move with the institution it is in (src/insights/personnel.ts institutionOf). */
export interface PersonnelMove {
  record: Pick<RoleRecord, 'personKey' | 'person' | 'title' | 'org' | 'change' | 'date'>;
  institution: { id: string | null; name: string };
}

/**
 * Why a personnel rule fires for an observed move, or null. "holds" is no move; every
 * condition given must hold (no condition: every move).
 */
export function matchPersonnel(rule: MatchableRule, move: PersonnelMove): string[] | null {
  const p = rule.spec.match.personnel;
  if (!rule.spec.enabled || !p) return null;
  const r = move.record;
  if (r.change === 'holds') return null;
  const reasons: string[] = [];
  if (p.changes?.length) {
    if (!(p.changes as readonly string[]).includes(r.change)) return null;
    reasons.push(`change ${r.change}`);
  } else reasons.push(`change ${r.change}`);
  const resolved = rule.resolved.personnel;
  if (p.person !== undefined) {
    const m = resolved?.person ?? { ids: [p.person], names: [p.person.toLowerCase()] };
    if (!(m.ids ?? []).includes(r.personKey) && !(m.names ?? []).includes(r.person.toLowerCase())) return null;
    reasons.push(`person ${p.person}`);
  }
  if (p.org !== undefined) {
    const o = resolved?.org ?? { ids: [p.org], names: [p.org.toLowerCase()] };
    const inst = move.institution;
    const hit = (inst.id !== null && o.ids.includes(inst.id)) || o.names.includes(inst.name.toLowerCase()) || (r.org !== null && o.names.includes(r.org.toLowerCase()));
    if (!hit) return null;
    reasons.push(`org ${p.org}`);
  }
  return reasons;
}

/** A move's identity across re-ingest, re-analysis and other outlets: person, post, change and day. */
export function personnelKey(r: Pick<RoleRecord, 'personKey' | 'title' | 'change' | 'date'>): string {
  return `personnel:${r.personKey}|${r.title.toLowerCase()}|${r.change}|${r.date}`;
}

/** A spike alert's identity: one per rule and bucket. */
export function spikeKey(bucket: string): string {
  return `spike:${bucket}`;
}
