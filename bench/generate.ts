// Bench-only bulk generator: fills an empty store with a realistic synthetic corpus fast
// enough for `npm run bench` to measure on 100,000 articles (~41 s for 100k on the 2-core
// project machine, instead of ~5 minutes at ~2.5 ms an article through insertArticle +
// saveAnalysis + mergeEvents).
// NOT a data path of the app: rows are written with multi-row Kysely inserts in large
// transactions straight into the tables, mirroring what the app writes:
// - articles (+ article_urls, article_bands; the FTS5 index through the app's own triggers,
//   the PostgreSQL tsvector as the generated column), outlets as sources;
// - analyses (the Analysis JSON without document.text, current analyzer/registry versions),
//   article_entities, role_observations, actor_candidates (counted as saveAnalysis counts);
// - article_events (every report merged, with its stored words), merged_events (fields and fingerprints from the app's own
//   mergedFields() over their reports), event_links (in-article, cue and reciprocity links).
// Texts vary (templates over a few hundred topic words, registry names, fictional people), so
// search has work to do; near-duplicate rewrites share a group and most LSH bands. Actors are
// real registry ids (countries, institutions, people); unknown people become candidates.
// Deterministic for a given seed. Ids are given explicitly, so the store must be empty.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Analysis, AnalysisEvent, Entity, EventType, Quote, RoleObservation } from '../src/analyze/types.js';
import { ANALYZER_VERSION } from '../src/analyze/analyze.js';
import { encodeFingerprint } from '../src/events/fingerprint.js';
import { reportWords } from '../src/events/identity.js';
import { mergedFields } from '../src/events/merge.js';
import { encodeWords } from '../src/events/words.js';
import type { ActorRef, EventReport } from '../src/events/types.js';
import { LSH_BANDS, MINHASH_SIZE } from '../src/extract/fingerprint.js';
import { loadRegistry } from '../src/registry/load.js';
import type { Actor } from '../src/registry/types.js';
import { candidateKey } from '../src/store/analyses.js';
import { KyselyStore } from '../src/store/kysely-store.js';
import { silentLogger } from '../src/core/logger.js';
import { openStore } from '../src/store/open.js';
import type { Database } from '../src/store/schema.js';
import type { Store } from '../src/store/types.js';

export interface GenerateOptions {
  /** Number of articles. */
  articles: number;
  /** First day (YYYY-MM-DD) and articles per day (default 2023-01-01, 100: 100k articles ≈ 2.7 years). */
  start?: string;
  perDay?: number;
  seed?: number;
  /** Articles per transaction (default 5000). */
  batch?: number;
  progress?: (done: number) => void;
}

export interface GenerateSummary {
  articles: number;
  reports: number;
  mergedEvents: number;
  links: number;
  entities: number;
  candidates: number;
  seconds: number;
}

// ---- vocabulary ----------------------------------------------------------------------------

/** Countries with weights (how often they act): the desk's usual suspects first. */
const COUNTRY_WEIGHTS: [string, number][] = [
  ['USA', 20], ['PRK', 16], ['KOR', 14], ['CHN', 14], ['JPN', 10], ['RUS', 10], ['UKR', 6], ['IRN', 5], ['ISR', 4], ['GBR', 4],
  ['FRA', 4], ['DEU', 4], ['IND', 3], ['TUR', 3], ['TWN', 3], ['VNM', 2], ['AUS', 2], ['BRA', 2], ['ZAF', 1], ['EGY', 1],
  ['SAU', 2], ['PAK', 2], ['PHL', 2], ['MNG', 1], ['CAN', 2], ['POL', 1], ['ITA', 1], ['IDN', 1], ['SGP', 1], ['QAT', 1],
];

/** Event types: intensity (cooperation + / conflict −), CAMEO root, trigger verbs (past), modes. */
const TYPES: Record<EventType, { intensity: number; cameo: string; verbs: string[]; modes?: string[]; weight: number }> = {
  STATEMENT: { intensity: 0, cameo: '01', verbs: ['said', 'stated', 'declared', 'noted'], weight: 18 },
  CONSULT: { intensity: 1, cameo: '04', verbs: ['met', 'held talks with', 'called', 'hosted'], modes: ['meeting', 'visit', 'call'], weight: 14 },
  AGREE: { intensity: 4, cameo: '03', verbs: ['agreed with', 'signed an accord with', 'reached a deal with'], weight: 6 },
  SUPPORT: { intensity: 3.5, cameo: '05', verbs: ['backed', 'endorsed', 'praised'], weight: 6 },
  CONCEDE: { intensity: 5, cameo: '08', verbs: ['eased curbs on', 'made concessions to'], weight: 2 },
  COOPERATE: { intensity: 5, cameo: '06', verbs: ['expanded cooperation with', 'held joint drills with'], weight: 5 },
  AID: { intensity: 7, cameo: '07', verbs: ['sent aid to', 'pledged assistance to'], modes: ['offered', 'delivered'], weight: 3 },
  RETREAT: { intensity: 4, cameo: '08', verbs: ['withdrew troops near', 'released detainees from'], weight: 1 },
  REQUEST: { intensity: -1, cameo: '02', verbs: ['urged', 'called on', 'asked'], weight: 8 },
  ACCUSE: { intensity: -2, cameo: '11', verbs: ['accused', 'criticised', 'blamed'], weight: 9 },
  REJECT: { intensity: -4, cameo: '12', verbs: ['rejected', 'dismissed', 'rebuffed'], weight: 6 },
  THREATEN: { intensity: -6, cameo: '13', verbs: ['threatened', 'warned'], weight: 5 },
  PROTEST: { intensity: -4.5, cameo: '14', verbs: ['protested to', 'lodged a complaint with'], weight: 3 },
  SANCTION: { intensity: -8, cameo: '16', verbs: ['sanctioned', 'imposed tariffs on', 'expelled diplomats of'], weight: 4 },
  MOBILIZE: { intensity: -7, cameo: '15', verbs: ['deployed forces near', 'launched a missile toward'], weight: 3 },
  COERCE: { intensity: -7, cameo: '17', verbs: ['seized a vessel of', 'detained citizens of'], weight: 1 },
  ASSAULT: { intensity: -10, cameo: '18', verbs: ['attacked', 'shelled'], weight: 1 },
};
const RESPONSE_TYPES = new Set<EventType>(['REJECT', 'ACCUSE', 'PROTEST', 'THREATEN', 'STATEMENT', 'SANCTION', 'REQUEST']);
const CUES = ['in response to', 'in retaliation for', 'responding to', 'after'];

const OUTLETS = [
  'Harbor Ledger', 'Northern Wire', 'Daily Meridian', 'Capital Courier', 'Tidewater Post', 'Eastern Standard', 'Pacific Bulletin',
  'Continental Review', 'Morning Dispatch', 'Summit Gazette', 'Riverside Chronicle', 'Atlas Newswire',
];
const TOPICS = (
  'sanctions missile nuclear summit talks tariffs trade exports imports shipping strait border ceasefire drills navy coast guard ' +
  'satellite launch enrichment inspectors reactor uranium embassy consulate visa students refugees aid food fertiliser grain ' +
  'energy pipeline gas oil prices semiconductors chips supply chains investment bonds currency inflation election parliament ' +
  'coalition opposition protests police court verdict corruption reform budget defence spending alliance treaty fisheries ' +
  'whaling islands reef airspace drone cyberattack hackers espionage defector detainees hostages prisoners exchange hotline ' +
  'reunification families tourism railway port harbour bridge typhoon earthquake flooding drought vaccine pandemic climate ' +
  'emissions coal steel automobiles batteries lithium rare earths copper wheat rice soybeans beef pork migration labour unions ' +
  'strike pension housing rents banks lenders credit regulators antitrust telecoms broadband censorship journalists media ' +
  'propaganda broadcasts leaflets loudspeakers artillery tanks fighter jets submarines carriers bases troops veterans memorial ' +
  'anniversary history textbook apology compensation wartime labourers shrine visit delegation envoy ambassador minister ' +
  'ministry spokesperson lawmakers senators governor mayor military general admiral intelligence agency officials diplomats ' +
  'negotiators mediators observers analysts scholars researchers think tank institute university business federation chamber'
).split(' ');
const ADJECTIVES = 'firm cautious sharp measured stern conciliatory blunt vague pointed muted defiant guarded swift delayed formal informal'.split(' ');
const PLACES = 'Seoul Pyongyang Tokyo Beijing Washington Moscow Kyiv Geneva Vienna Singapore Hanoi Panmunjom Brussels Jakarta Manila Ankara Doha Delhi'.split(' ');
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const GIVEN = 'Anna Boris Chen Dara Elif Farid Greta Hana Ivo Jun Kenji Lena Mirela Nadia Odile Pavel Quinn Rosa Sami Tomas Uma Vera Wen Yuki Zora Arvo Liv Teodor Ines Malik'.split(' ');
const FAMILY = 'Kowal Marchetti Peltonen Brannstrom Vask Castellan Okafor Lindqvist Moreau Haddad Novak Sato Park Ivanova Reyes Dumont Weber Costa Nakamura Yilmaz Horvat Larsen Petrov Silva Tanaka'.split(' ');
const TITLES = ['spokesperson', 'vice minister', 'deputy minister', 'envoy', 'ambassador', 'director general', 'negotiator', 'adviser'];
const CHANGES: RoleObservation['change'][] = ['holds', 'holds', 'holds', 'holds', 'appointed', 'dismissed', 'resigned', 'promoted', 'former', 'nominated'];
const KINDS: [Analysis['document']['kind'], number][] = [['news', 85], ['opinion', 7], ['analysis', 5], ['press-release', 2], ['transcript', 1]];
const MODALITIES: [NonNullable<AnalysisEvent['modality']>, number][] = [['asserted', 76], ['reported', 15], ['planned', 6], ['hypothetical', 3]];
const SOURCING: NonNullable<AnalysisEvent['sourcing']>[] = ['official', 'official', 'official', 'anonymous-source', 'media-report', 'expert', 'unknown'];

// ---- helpers -------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: [T, number][]): (r: number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let s = 0;
  for (const [, w] of items) cum.push((s += w / total));
  return (r) => {
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return items[i]![0];
    return items[items.length - 1]![0];
  };
}

/** The app's band key (src/extract/fingerprint.ts): FNV-1a of "band:hex slice", signed 32-bit. */
function bandKeys(minhash: string): number[] {
  const rows = MINHASH_SIZE / LSH_BANDS;
  return Array.from({ length: LSH_BANDS }, (_, b) => {
    const s = `${b}:${minhash.slice(b * rows * 8, (b + 1) * rows * 8)}`;
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h | 0;
  });
}

const addDaysTo = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Side {
  ref: ActorRef;
  /** Entity of the analysis (the country, institution or person named). */
  entity: Entity;
  countryEntity: Entity;
}

interface RealEvent {
  id: number;
  type: EventType;
  mode: string | null;
  source: Side;
  target: Side | null;
  date: string | null;
  day: string;
  negated: boolean;
  modality: NonNullable<AnalysisEvent['modality']>;
  quote: string | null;
  reports: EventReport[];
  closesAfter: number;
}

interface Link {
  event_id: number;
  responds_to: number;
  rule: string;
  confidence: number;
  article_id: number;
  cue: string | null;
  sentence: string;
}

interface CandidateAgg {
  name: string;
  type: string;
  country: string | null;
  roles: Set<string>;
  first: string;
  last: string;
  articles: number;
}

// ---- the generator -------------------------------------------------------------------------

/** Fills an empty store (see the header); returns what was written. */
export async function generateStore(store: Store, options: GenerateOptions): Promise<GenerateSummary> {
  if (!(store instanceof KyselyStore)) throw new Error('generateStore: needs the Kysely store (openStore)');
  const db: Kysely<Database> = store.db;
  const existing = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('generateStore: the store must be empty (ids are assigned here)');
  const started = process.hrtime.bigint();
  const n = options.articles;
  const perDay = options.perDay ?? 100;
  const start = options.start ?? '2023-01-01';
  const batch = options.batch ?? 5000;
  const rnd = prng(options.seed ?? 20261201);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;

  const registry = loadRegistry();
  const registryVersion = registry.version;
  const country = weighted(COUNTRY_WEIGHTS.filter(([c]) => registry.country(c)));
  const type = weighted(Object.entries(TYPES).map(([t, v]) => [t as EventType, v.weight]));
  const modality = weighted(MODALITIES);
  const kind = weighted(KINDS);
  // Topic words follow a Zipf-like law: a few are in many articles, most are rare.
  const topic = weighted(TOPICS.map((w, i) => [w, 1 / (i + 8)]));
  const institutions = new Map<string, Actor[]>();
  const people = new Map<string, Actor[]>();
  for (const a of registry.all()) {
    if (!a.country) continue;
    const into = a.type === 'person' ? people : a.type === 'organization' && a.kind && /ministry|office|government|security-council|military|news-agency/.test(a.kind) ? institutions : null;
    if (into) into.set(a.country, [...(into.get(a.country) ?? []), a]);
  }
  const entityOf = (a: Actor): Entity => ({ id: a.id, name: a.name, type: a.type, country: a.country, roles: [], mentions: [] });
  const countryEntity = (code: string): Entity => entityOf(registry.country(code)!);
  /** One side of an event: the country itself (60%), one of its institutions or people. */
  const side = (code: string): Side => {
    const c = countryEntity(code);
    const r = rnd();
    const pool = r < 0.6 ? null : r < 0.85 ? institutions.get(code) : people.get(code);
    const entity = pool?.length ? entityOf(pick(pool)) : c;
    const institution = entity.type === 'person' ? (institutions.get(code)?.[0]?.id ?? null) : null;
    return { ref: { name: entity.name, entityId: entity.id, country: code, institution }, entity, countryEntity: c };
  };

  const outletSources: { id: number; name: string }[] = [];
  for (const name of OUTLETS) {
    const s = await store.addSource({ url: `https://${name.toLowerCase().replaceAll(' ', '-')}.example/feed.xml`, kind: 'feed', title: name, intervalSeconds: 900 });
    outletSources.push({ id: s.id, name });
  }

  const now = new Date().toISOString();
  const open: RealEvent[] = [];
  const lastByDyad = new Map<string, RealEvent>();
  const candidates = new Map<string, CandidateAgg>();
  const pendingLinks = new Map<string, Link>();
  const written = new Set<number>();
  const recent: { id: number; group: number; minhash: string; body: string }[] = [];
  let nextMerged = 1;
  const summary: GenerateSummary = { articles: 0, reports: 0, mergedEvents: 0, links: 0, entities: 0, candidates: 0, seconds: 0 };

  // Rows of the current transaction.
  let articles: Insertable<Database['articles']>[] = [];
  let urls: Insertable<Database['article_urls']>[] = [];
  let bands: Insertable<Database['article_bands']>[] = [];
  let analyses: Insertable<Database['analyses']>[] = [];
  let entities: Insertable<Database['article_entities']>[] = [];
  let roles: Insertable<Database['role_observations']>[] = [];
  let reports: Insertable<Database['article_events']>[] = [];
  let merged: Insertable<Database['merged_events']>[] = [];
  let fingerprints: Insertable<Database['event_fingerprints']>[] = [];

  const closeEvent = (e: RealEvent) => {
    const f = mergedFields(e.reports);
    merged.push({
      id: e.id, date: f.date, sort_date: f.sortDate, anchor: f.anchor, last_anchor: f.lastAnchor, type: f.type, mode: f.mode,
      source_name: f.source.name, source_entity: f.source.entityId, source_country: f.source.country, source_institution: f.source.institution,
      target_name: f.target?.name ?? null, target_entity: f.target?.entityId ?? null, target_country: f.target?.country ?? null, target_institution: f.target?.institution ?? null,
      has_target: f.target ? 1 : 0, intensity: f.intensity, negated: f.negated ? 1 : 0, modality: f.modality, quote: f.quote, report_count: f.reportCount,
      outlets: JSON.stringify(f.outlets), first_seen: f.firstSeen, last_seen: f.lastSeen, dirty: 0, updated_at: now,
    });
    const fingerprint = encodeFingerprint(e.reports, reportWords);
    if (fingerprint) fingerprints.push({ event_id: e.id, reports: fingerprint });
  };
  const addLink = (l: Link) => {
    if (l.event_id === l.responds_to) return;
    const key = `${l.event_id}:${l.responds_to}`;
    const prev = pendingLinks.get(key);
    if (!prev || prev.confidence < l.confidence) pendingLinks.set(key, l);
  };

  const flush = async (final: boolean) => {
    for (let i = open.length - 1; i >= 0; i--) {
      if (final || open[i]!.closesAfter < summary.articles) {
        closeEvent(open[i]!);
        open.splice(i, 1);
      }
    }
    for (const m of merged) written.add(m.id!);
    const links = [...pendingLinks.values()].filter((l) => written.has(l.event_id) && written.has(l.responds_to));
    for (const l of links) pendingLinks.delete(`${l.event_id}:${l.responds_to}`);
    await db.transaction().execute(async (trx) => {
      const put = async <T extends keyof Database>(table: T, rows: Insertable<Database[T]>[], per: number) => {
        for (let i = 0; i < rows.length; i += per) await trx.insertInto(table).values(rows.slice(i, i + per) as never).execute();
      };
      await put('articles', articles, 400);
      await put('article_urls', urls, 2000);
      await put('article_bands', bands, 8000);
      await put('analyses', analyses, 1000);
      await put('article_entities', entities, 2000);
      await put('role_observations', roles, 1000);
      await put('article_events', reports, 500);
      await put('merged_events', merged, 500);
      await put('event_fingerprints', fingerprints, 500);
      await put('event_links', links, 1000);
    });
    summary.reports += reports.length;
    summary.mergedEvents += merged.length;
    summary.links += links.length;
    summary.entities += entities.length;
    articles = [];
    urls = [];
    bands = [];
    analyses = [];
    entities = [];
    roles = [];
    reports = [];
    merged = [];
    fingerprints = [];
    options.progress?.(summary.articles);
  };

  for (let id = 1; id <= n; id++) {
    const dayIndex = Math.floor((id - 1) / perDay);
    const day = addDaysTo(start, dayIndex);
    const minute = Math.floor(rnd() * 1440);
    const published = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
    const fetchedAt = new Date(Date.parse(published) + 3_600_000).toISOString();
    const outlet = pick(outletSources);
    const weekday = WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;

    // Events: 1–3 slots, each a new real event or another report of an open one.
    const slots = chance(0.5) ? 1 : chance(0.7) ? 2 : 3;
    const used = new Set<number>();
    const mine: { real: RealEvent; event: AnalysisEvent }[] = [];
    const replies: Link[] = [];
    for (let s = 0; s < slots; s++) {
      let real: RealEvent | undefined;
      if (open.length && chance(0.5)) {
        const candidate = open[open.length - 1 - Math.floor(rnd() * Math.min(open.length, 400))]!;
        if (!used.has(candidate.id)) real = candidate;
      }
      if (!real) {
        const a = country(rnd());
        let b = country(rnd());
        for (let k = 0; b === a && k < 5; k++) b = country(rnd());
        const t = type(rnd());
        const date = chance(0.75) ? addDaysTo(day, -Math.floor(rnd() * 2)) : chance(0.5) ? day.slice(0, 7) : null;
        real = {
          id: nextMerged++, type: t, mode: TYPES[t].modes ? pick(TYPES[t].modes!) : null, source: side(a), target: b === a || chance(0.08) ? null : side(b),
          date, day, negated: chance(0.03), modality: modality(rnd()), quote: chance(0.3) ? `${pick(ADJECTIVES)} ${pick(TOPICS)} ${pick(['must stop', 'will continue', 'is unacceptable', 'remains possible'])}` : null,
          reports: [], closesAfter: id + 300 + Math.floor(rnd() * 300),
        };
        open.push(real);
        // A reply to an earlier event of the reverse dyad: a cross-article response link.
        const earlier = real.target ? lastByDyad.get(`${real.target.ref.country}>${real.source.ref.country}`) : undefined;
        if (earlier && RESPONSE_TYPES.has(t) && earlier.day >= addDaysTo(day, -7) && chance(0.35)) {
          const cued = chance(0.5);
          replies.push({
            event_id: real.id, responds_to: earlier.id, rule: cued ? 'cue' : 'reciprocity', confidence: cued ? 0.6 + Math.floor(rnd() * 30) / 100 : 0.35 + Math.floor(rnd() * 40) / 100,
            article_id: id, cue: cued ? pick(CUES) : null, sentence: '',
          });
        }
        if (real.target) lastByDyad.set(`${real.source.ref.country}>${real.target.ref.country}`, real);
      }
      used.add(real.id);
      const spec = TYPES[real.type];
      const verb = pick(spec.verbs);
      const src = real.source.entity.name;
      const tgt = real.target?.entity.name ?? `${pick(TOPICS)} ${pick(TOPICS)}`;
      const respondsTo = s > 0 && chance(0.25) ? mine[0]!.event.id : null;
      const cue = respondsTo ? pick(CUES) : null;
      const sentence = `${cue ? `${cap(cue)} that, ` : ''}${src} ${real.negated ? 'denied it had ' : ''}${verb} ${tgt} on ${weekday} over ${pick(TOPICS)} and ${pick(TOPICS)}${real.quote ? `, saying "${real.quote}"` : ''}, ${pick(['officials said', 'the ministry said', 'state media reported', 'a spokesperson said'])}.`;
      const event: AnalysisEvent = {
        id: `e${s + 1}`, date: real.date, type: real.type, mode: real.mode, source: real.source.ref, target: real.target?.ref ?? null,
        intensity: spec.intensity + (rnd() < 0.3 ? (rnd() < 0.5 ? -0.5 : 0.5) : 0), cameo: spec.cameo, negated: real.negated, modality: real.modality, sourcing: pick(SOURCING),
        sentence: { start: 0, end: sentence.length, text: sentence }, trigger: { start: src.length + 1, end: src.length + 1 + verb.length, text: verb },
        quote: real.quote, respondsTo, responseCue: cue,
      };
      mine.push({ real, event });
    }

    // People and quotes: a registry person or a fictional (candidate) one speaks.
    const lead = mine[0]!.real.source.ref.country!;
    const fictional = chance(0.5);
    const speaker: Entity = fictional
      ? { id: null, name: `${GIVEN[Math.floor(rnd() * GIVEN.length)]} ${FAMILY[Math.floor(rnd() * FAMILY.length)]}`, type: 'person', country: lead, roles: [pick(TITLES)], mentions: [] }
      : entityOf(pick(people.get(lead) ?? [...people.values()][0]!));
    const title = `${cap(mine[0]!.real.source.entity.name)} ${pick(TYPES[mine[0]!.real.type].verbs)} ${mine[0]!.real.target?.entity.name ?? 'critics'} over ${pick(TOPICS)}`;
    const paras: string[] = [];
    for (const m of mine) paras.push(m.event.sentence!.text);
    const quotes: Quote[] = [];
    const nQuotes = Math.floor(rnd() * 3);
    for (let q = 0; q < nQuotes; q++) {
      const text = `${cap(pick(ADJECTIVES))} steps on ${pick(TOPICS)} and ${pick(TOPICS)} ${pick(['will follow', 'are needed', 'cannot wait', 'were discussed'])}`;
      const s = `"${text}," ${speaker.roles[0] ?? 'the official'} ${speaker.name} told reporters in ${pick(PLACES)}.`;
      quotes.push({ start: 1, end: 1 + text.length, text, kind: q === 0 ? 'direct' : pick(['direct', 'partial', 'indirect'] as const), speaker: { name: speaker.name, entityId: speaker.id, anonymous: false, description: null } });
      paras.push(s);
    }
    const background = 4 + Math.floor(rnd() * 8);
    for (let b = 0; b < background; b++) {
      paras.push(
        pick([
          () => `The ${pick(TOPICS)} issue has weighed on ${pick(TOPICS)} and ${pick(TOPICS)} since ${pick(PLACES)} raised it last year.`,
          () => `Analysts in ${pick(PLACES)} expected a ${pick(ADJECTIVES)} reply on ${pick(TOPICS)}, while ${pick(TOPICS)} talks stalled.`,
          () => `The ${pick(['foreign', 'defence', 'trade', 'unification'])} ministry said the ${pick(TOPICS)} plan would be reviewed by ${pick(TOPICS)} officials.`,
          () => `${cap(pick(TOPICS))} and ${pick(TOPICS)} remain at the centre of the dispute, according to ${pick(TOPICS)} experts.`,
          () => `An envoy is due in ${pick(PLACES)} next week to discuss ${pick(TOPICS)}, ${pick(TOPICS)} and ${pick(TOPICS)}.`,
          () => `A firm reply on ${pick(TOPICS)} is not expected before ${pick(WEEKDAYS)}, ${pick(['diplomats', 'officials', 'lawmakers'])} said.`,
          () => `${cap(pick(ADJECTIVES))} remarks about ${topic(rnd())} and ${topic(rnd())} drew ${pick(ADJECTIVES)} criticism in ${pick(PLACES)}.`,
          () => `Data on ${topic(rnd())} showed ${pick(['a rise', 'a fall', 'little change'])} in ${topic(rnd())} for the ${pick(['month', 'quarter', 'year'])}.`,
        ])(),
      );
    }
    // A syndicated rewrite (3%): a new first sentence over an earlier article's body.
    const source = recent.length && chance(0.03) ? pick(recent) : null;
    const body = source ? source.body : paras.join(' ');
    const text = source ? `${paras[0]} ${body}` : body;
    const contentHash = createHash('sha256').update(text).digest('hex');
    let minhash = createHash('sha512').update(text).digest('hex').slice(0, MINHASH_SIZE * 8 > 128 ? 128 : MINHASH_SIZE * 8);
    while (minhash.length < MINHASH_SIZE * 8) minhash += createHash('sha256').update(minhash).digest('hex');
    minhash = minhash.slice(0, MINHASH_SIZE * 8);
    if (source) minhash = source.minhash.slice(0, MINHASH_SIZE * 8 - 48) + minhash.slice(MINHASH_SIZE * 8 - 48);
    const group = source ? source.group : id;
    if (!source) {
      recent.push({ id, group, minhash, body });
      if (recent.length > 50) recent.shift();
    }
    const slug = `${day}/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}-${id}`;
    const host = outlet.name.toLowerCase().replaceAll(' ', '-');
    const canonical = `https://${host}.example/${slug}`;
    const docKind = kind(rnd());
    articles.push({
      id, url: canonical, canonical_url: canonical, source_id: outlet.id, source_name: outlet.name, title, byline: chance(0.8) ? `${pick(GIVEN)} ${pick(FAMILY)}` : null,
      published, language: 'en', kind: docKind, section: chance(0.6) ? pick(['World', 'Asia', 'Politics', 'Business', 'Opinion']) : null, content_hash: contentHash,
      simhash: contentHash.slice(0, 16), shingle_count: text.split(' ').length - 2, raw_hash: null, fetched_at: fetchedAt, dated_at: published, group_id: group, created_at: now,
      minhash, text,
    });
    urls.push({ url: canonical, article_id: id, created_at: now });
    if (chance(0.2)) urls.push({ url: `${canonical}?utm_source=feed`, article_id: id, created_at: now });
    for (const band of new Set(bandKeys(minhash))) bands.push({ band, article_id: id });

    // Entities: every event side, its country, the speaker; mentions as the analyzer lists them.
    const ents = new Map<string, Entity>();
    const mention = (e: Entity, times: number) => {
      const key = e.id ?? e.name;
      const have = ents.get(key) ?? { ...e, mentions: [] };
      for (let k = 0; k < times; k++) {
        const at = text.indexOf(e.name);
        have.mentions.push({ start: Math.max(0, at), end: Math.max(0, at) + e.name.length, text: e.name, via: k === 0 ? 'name' : 'alias' });
      }
      ents.set(key, have);
    };
    for (const { real } of mine) {
      for (const s of [real.source, real.target]) {
        if (!s) continue;
        mention(s.entity, 1 + Math.floor(rnd() * 3));
        if (s.countryEntity.id !== s.entity.id) mention(s.countryEntity, 1);
      }
    }
    mention(speaker, 1 + nQuotes);
    const roleList: RoleObservation[] = [];
    if (chance(0.2)) {
      const change = pick(CHANGES);
      const s = `${cap(speaker.roles[0] ?? 'minister')} ${speaker.name} ${change === 'holds' ? 'spoke' : change} on ${weekday}, the ministry said.`;
      roleList.push({
        person: speaker.name, personId: speaker.id, title: speaker.roles[0] ?? 'minister', org: null, orgId: null, country: speaker.country, change,
        date: change === 'holds' ? null : day, sentence: { start: 0, end: s.length, text: s },
      });
    }
    const analysis: Analysis = {
      document: { title, published, language: 'en', url: canonical, byline: null, kind: docKind, text: '' },
      entities: [...ents.values()],
      quotes,
      events: mine.map((m) => m.event),
      dates: mine.filter((m) => m.real.date).map((m) => ({ start: 0, end: 10, text: weekday, value: m.real.date, granularity: m.real.date!.length === 10 ? ('day' as const) : ('month' as const) })),
      roles: roleList,
      analyzer: { version: ANALYZER_VERSION, registry: registryVersion },
    };
    const { text: _omit, ...document } = analysis.document;
    analyses.push({ article_id: id, analyzer_version: ANALYZER_VERSION, registry_version: registryVersion, analyzed_at: now, analysis: JSON.stringify({ ...analysis, document }) });
    for (const e of ents.values()) {
      const key = e.id ?? candidateKey(e.name)!;
      entities.push({ article_id: id, entity_key: key, name: e.name, type: e.type, country: e.country, mention_count: e.mentions.length });
      if (e.id === null) {
        const c = candidates.get(key) ?? { name: e.name, type: e.type, country: e.country, roles: new Set<string>(), first: published, last: published, articles: 0 };
        for (const r of e.roles) c.roles.add(r);
        c.articles++;
        if (published < c.first) c.first = published;
        if (published > c.last) c.last = published;
        candidates.set(key, c);
      }
    }
    roleList.forEach((r, seq) =>
      roles.push({ article_id: id, seq, person_key: r.personId ?? candidateKey(r.person) ?? `name:${r.person}`, person: r.person, title: r.title, org: r.org, change: r.change, date: r.date, sentence: r.sentence.text }),
    );
    mine.forEach(({ real, event }, seq) => {
      const anchor = event.date && event.date.length === 10 ? event.date : day;
      const row = {
        article_id: id, seq, event_id: event.id, date: event.date, anchor, type: event.type, mode: event.mode ?? null,
        source_name: event.source.name, source_entity: event.source.entityId, source_country: event.source.country, source_institution: event.source.institution ?? null,
        target_name: event.target?.name ?? null, target_entity: event.target?.entityId ?? null, target_country: event.target?.country ?? null, target_institution: event.target?.institution ?? null,
        has_target: event.target ? 1 : 0, intensity: event.intensity, cameo: event.cameo ?? null, negated: event.negated ? 1 : 0, modality: event.modality ?? 'asserted',
        sourcing: event.sourcing ?? null, trigger: event.trigger?.text ?? null, quote: event.quote ?? null, responds_to: event.respondsTo ?? null, response_cue: event.responseCue ?? null,
        merged_id: real.id, sentence: event.sentence!.text,
        words: encodeWords(reportWords({ quote: event.quote ?? null, sentence: event.sentence!.text, trigger: event.trigger?.text ?? null, source: event.source as ActorRef, target: event.target as ActorRef | null })),
      };
      reports.push(row);
      real.reports.push({
        articleId: id, seq, eventId: event.id, date: event.date, anchor, type: event.type, mode: row.mode, source: event.source as ActorRef, target: event.target as ActorRef | null,
        intensity: event.intensity, cameo: row.cameo, negated: !!event.negated, modality: row.modality, sourcing: row.sourcing, sentence: row.sentence, trigger: row.trigger,
        quote: row.quote, respondsTo: row.responds_to, responseCue: row.response_cue, outlet: outlet.name, url: canonical, published, seenAt: published, mergedId: real.id,
      });
      if (event.respondsTo) {
        const answered = mine.find((m) => m.event.id === event.respondsTo)!;
        addLink({ event_id: real.id, responds_to: answered.real.id, rule: 'in-article', confidence: 0.95, article_id: id, cue: event.responseCue ?? null, sentence: row.sentence });
      }
    });
    // Cross-article links carry the responder's first sentence as evidence.
    for (const l of replies) addLink({ ...l, sentence: mine.find((m) => m.real.id === l.event_id)?.event.sentence?.text ?? title });

    summary.articles = id;
    if (id % batch === 0 || id === n) await flush(id === n);
  }

  // Candidate actors, counted as saveAnalysis counts them (articles naming the key).
  const cands = [...candidates].map(([key, c]) => ({
    key, name: c.name, type: c.type, country: c.country, roles: JSON.stringify([...c.roles].slice(0, 20)), affiliation: null,
    first_seen: c.first, last_seen: c.last, article_count: c.articles, status: 'candidate', created_at: now, updated_at: now,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < cands.length; i += 500) await trx.insertInto('actor_candidates').values(cands.slice(i, i + 500)).execute();
    // DIALECT: explicit ids leave PostgreSQL's identity sequences behind; SQLite's AUTOINCREMENT follows max(id).
    if (store.dialect === 'postgres') {
      for (const t of ['articles', 'merged_events'] as const) await sql`SELECT setval(pg_get_serial_sequence(${t}, 'id'), (SELECT max(id) FROM ${sql.table(t)}))`.execute(trx);
    }
  });
  summary.candidates = cands.length;
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return summary;
}

/**
 * Generates a store file at path (a SQLite file, or a postgres:// URL of an empty database) in a
 * child process, so the generator's memory does not count in the caller's heap and RSS
 * figures. Returns what was written.
 */
export function generateStoreFile(path: string, articles: number, layout: Pick<GenerateOptions, 'perDay' | 'start'> = {}): GenerateSummary {
  const args = [path, String(articles), ...(layout.perDay ? [String(layout.perDay), layout.start ?? '2023-01-01'] : [])];
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as GenerateSummary;
}

const shared = new Map<number, { path: string; summary: GenerateSummary }>();

/**
 * A generated SQLite store of n articles shared by the benchmarks of one `npm run bench` run
 * (generated on first use, removed when the process exits). Callers only read it (the API
 * benchmark adds its token). fresh: generated by this call.
 */
export function sharedStore(n: number): { path: string; summary: GenerateSummary; fresh: boolean } {
  const known = shared.get(n);
  if (known) return { ...known, fresh: false };
  const dir = mkdtempSync(join(tmpdir(), 'readout-bench-store-'));
  if (shared.size === 0) process.on('exit', () => { for (const s of shared.values()) rmSync(join(s.path, '..'), { recursive: true, force: true }); });
  const path = join(dir, 'bench.db');
  const entry = { path, summary: generateStoreFile(path, n) };
  shared.set(n, entry);
  return { ...entry, fresh: true };
}

/** One line on the generated store (for the benchmarks' output). */
export function describeStore(s: { summary: GenerateSummary; fresh: boolean }): string {
  const m = s.summary;
  const what = `${m.articles} articles, ${m.reports} event reports in ${m.mergedEvents} merged events, ${m.links} response links, ${m.entities} entity rows`;
  return s.fresh ? `  generated ${what} in ${m.seconds.toFixed(1)} s (bench/generate.ts)` : `  reusing the store generated above (${what})`;
}

// `tsx bench/generate.ts PATH N [PER_DAY START]`: generates N articles into PATH and prints the summary as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, count, perDay, start] = process.argv.slice(2);
  if (!path || !count) throw new Error('usage: tsx bench/generate.ts PATH ARTICLES [PER_DAY START]');
  const store = await openStore(path, silentLogger());
  try {
    console.log(JSON.stringify(await generateStore(store, { articles: Number(count), ...(perDay ? { perDay: Number(perDay), start } : {}) })));
  } finally {
    await store.close();
  }
}
