// A watch rule as the form edits it (strings and flags, one per input) and as the API takes it
// (RuleSpec, src/alerts/rules.ts). The API validates; this only converts, so what the server
// says is wrong is shown next to the input it concerns (fieldOfError).
import type { EVENT_TYPES } from '../../../src/analyze/types';
import type { PERSONNEL_CHANGES, Rule, RuleSpec } from '../../../src/alerts/rules';
import { ApiFailure } from '../api/client';

export type EventType = (typeof EVENT_TYPES)[number];
export type PersonnelChangeKind = (typeof PERSONNEL_CHANGES)[number];
/** A rule as GET /rules shows it (no resolved actors; webhook secrets as "***"; `refused`: why a stored rule naming a file path does not fire). */
export type PublicRule = Omit<Rule, 'resolved'> & { refused?: string };

// The server's lists, repeated here because the dashboard may not import server values; the
// checks below fail the type check when the server adds a value this list lacks.
export const EVENT_TYPE_LIST = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'STATEMENT'] as const satisfies readonly EventType[];
export const PERSONNEL_CHANGE_LIST = ['appointed', 'dismissed', 'punished', 'kept', 'resigned', 'promoted', 'nominated', 'former'] as const satisfies readonly PersonnelChangeKind[];
type Exhaustive<T extends never> = T;
export type EventTypesComplete = Exhaustive<Exclude<EventType, (typeof EVENT_TYPE_LIST)[number]>>;
export type ChangesComplete = Exhaustive<Exclude<PersonnelChangeKind, (typeof PERSONNEL_CHANGE_LIST)[number]>>;

export type RuleKind = 'event' | 'personnel' | 'spike';

export interface DeliveryForm {
  kind: 'webhook' | 'log';
  url: string;
  /** Empty when editing a stored webhook: the stored secret stays. */
  secret: string;
  /** A log sink the operator configured (alerts.logSinks); empty: the server log. */
  sink: string;
  /** This webhook was loaded from a stored rule (its secret is not shown). */
  stored: boolean;
}

export interface RuleForm {
  name: string;
  description: string;
  enabled: boolean;
  kind: RuleKind;
  actors: string;
  dyadA: string;
  dyadB: string;
  directed: boolean;
  types: EventType[];
  minAbsIntensity: string;
  minIntensity: string;
  maxIntensity: string;
  keywords: string;
  skipNegated: boolean;
  changes: PersonnelChangeKind[];
  org: string;
  person: string;
  spikeOn: 'actor' | 'dyad' | 'keyword';
  spikeActor: string;
  spikeA: string;
  spikeB: string;
  spikeKeyword: string;
  spikeBy: 'day' | 'week';
  spikeSeries: 'articles' | 'events';
  deliver: DeliveryForm[];
}

export const EMPTY_RULE: RuleForm = {
  name: '', description: '', enabled: true, kind: 'event', actors: '', dyadA: '', dyadB: '', directed: false, types: [], minAbsIntensity: '', minIntensity: '', maxIntensity: '',
  keywords: '', skipNegated: true, changes: [], org: '', person: '', spikeOn: 'actor', spikeActor: '', spikeA: '', spikeB: '', spikeKeyword: '', spikeBy: 'day', spikeSeries: 'articles', deliver: [],
};

const list = (text: string, sep: RegExp) => text.split(sep).map((s) => s.trim()).filter(Boolean);
const num = (text: string) => (text.trim() === '' ? undefined : Number(text));
const str = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The body POST /rules, PUT /rules/{id} and POST /rules/test take. */
export function toBody(f: RuleForm): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (f.kind === 'event') {
    const actors = list(f.actors, /[,;\n]/);
    if (actors.length) match.actors = actors;
    if (f.dyadA.trim() || f.dyadB.trim()) match.dyad = { a: f.dyadA.trim(), b: f.dyadB.trim(), directed: f.directed };
    if (f.types.length) match.types = f.types;
    for (const k of ['minAbsIntensity', 'minIntensity', 'maxIntensity'] as const) if (num(f[k]) !== undefined) match[k] = num(f[k]);
    const keywords = list(f.keywords, /\n/);
    if (keywords.length) match.keywords = keywords;
    match.skipNegated = f.skipNegated;
  } else if (f.kind === 'personnel') {
    match.personnel = { changes: f.changes.length ? f.changes : undefined, org: str(f.org), person: str(f.person) };
  } else {
    const subject = f.spikeOn === 'actor' ? { actor: f.spikeActor.trim() } : f.spikeOn === 'dyad' ? { dyad: { a: f.spikeA.trim(), b: f.spikeB.trim() } } : { keyword: f.spikeKeyword.trim() };
    match.spike = { ...subject, by: f.spikeBy, series: f.spikeSeries };
  }
  const deliver = f.deliver.map((d) =>
    d.kind === 'webhook' ? { kind: 'webhook', url: d.url.trim(), secret: d.stored && d.secret === '' ? '***' : d.secret } : { kind: 'log', ...(d.sink.trim() ? { sink: d.sink.trim() } : {}) },
  );
  return { name: f.name.trim(), ...(f.description.trim() ? { description: f.description.trim() } : {}), enabled: f.enabled, match, deliver };
}

const text = (v: number | undefined) => (v === undefined ? '' : String(v));

/** A stored rule in the form, to edit it. */
export function fromSpec(spec: RuleSpec): RuleForm {
  const m = spec.match;
  const kind: RuleKind = m.personnel ? 'personnel' : m.spike ? 'spike' : 'event';
  const s = m.spike;
  return {
    ...EMPTY_RULE,
    name: spec.name, description: spec.description ?? '', enabled: spec.enabled, kind,
    actors: (m.actors ?? []).join(', '), dyadA: m.dyad?.a ?? '', dyadB: m.dyad?.b ?? '', directed: m.dyad?.directed ?? false, types: m.types ?? [],
    minAbsIntensity: text(m.minAbsIntensity), minIntensity: text(m.minIntensity), maxIntensity: text(m.maxIntensity), keywords: (m.keywords ?? []).join('\n'), skipNegated: m.skipNegated,
    changes: m.personnel?.changes ?? [], org: m.personnel?.org ?? '', person: m.personnel?.person ?? '',
    spikeOn: s?.dyad ? 'dyad' : s?.keyword !== undefined ? 'keyword' : 'actor', spikeActor: s?.actor ?? '', spikeA: s?.dyad?.a ?? '', spikeB: s?.dyad?.b ?? '', spikeKeyword: s?.keyword ?? '',
    spikeBy: s?.by ?? 'day', spikeSeries: s?.series ?? 'articles',
    deliver: spec.deliver.map((d) => (d.kind === 'webhook' ? { kind: 'webhook', url: d.url, secret: '', sink: '', stored: true } : { kind: 'log', url: '', secret: '', sink: d.sink ?? '', stored: false })),
  };
}

/** The input an API error is about: "name", "match.types", "deliver.0" …, else "form". */
export function fieldOfError(err: Error): { field: string; message: string } {
  if (!(err instanceof ApiFailure)) return { field: 'form', message: err.message };
  // The rule routes name the path in field and at the start of the message ("match.types.0: …").
  const lead = /^([\w.]+|\(top level\)): /.exec(err.message);
  const message = lead ? err.message.slice(lead[0].length) : err.message;
  const named = lead?.[1]?.startsWith('(') ? undefined : lead?.[1];
  const path = err.field && err.field !== 'body' ? err.field : (named ?? /\b(match\.\w+|deliver\.\d+)\b/.exec(message)?.[1] ?? 'form');
  const parts = path.split('.');
  if (parts[0] === 'deliver') return { field: parts.slice(0, 3).join('.'), message };
  if (parts[0] === 'match') return { field: parts[1] ? `match.${parts[1]}` : 'match', message };
  return { field: ['name', 'description', 'enabled'].includes(parts[0]!) ? parts[0]! : 'form', message };
}

/** "deliver.0.url" → "delivery 1 url", "match.types" → "types": where the form-level message points. */
export function fieldWords(field: string): string {
  return field.replace(/^deliver\.(\d+)/, (_, n: string) => `delivery ${Number(n) + 1}`).replace(/^match\.?/, '').replace(/\./g, ' ') || 'conditions';
}

/** A rule's conditions in words, for the list. */
export function describeMatch(spec: RuleSpec): string {
  const m = spec.match;
  if (m.personnel) {
    const p = m.personnel;
    return ['personnel moves', p.changes ? `(${p.changes.join(', ')})` : '(any change)', p.person ? `of ${p.person}` : '', p.org ? `in ${p.org}` : ''].filter(Boolean).join(' ');
  }
  if (m.spike) {
    const s = m.spike;
    const subject = s.actor ?? (s.dyad ? `${s.dyad.a}–${s.dyad.b}` : `“${s.keyword ?? ''}”`);
    return `a spike in ${s.series} on ${subject} per ${s.by}`;
  }
  const parts: string[] = [];
  if (m.actors?.length) parts.push(`actor ${m.actors.join(' or ')}`);
  if (m.dyad) parts.push(`${m.dyad.a} ${m.dyad.directed ? '→' : '↔'} ${m.dyad.b}`);
  if (m.types?.length) parts.push(`type ${m.types.join(' or ')}`);
  if (m.minAbsIntensity !== undefined) parts.push(`|intensity| ≥ ${m.minAbsIntensity}`);
  if (m.minIntensity !== undefined) parts.push(`intensity ≥ ${m.minIntensity}`);
  if (m.maxIntensity !== undefined) parts.push(`intensity ≤ ${m.maxIntensity}`);
  if (m.keywords?.length) parts.push(`words ${m.keywords.map((k) => `“${k}”`).join(' or ')}`);
  if (!m.skipNegated) parts.push('negated events too');
  return parts.length ? `events with ${parts.join(', ')}` : 'every event';
}
