// A synthetic set of event reports for measuring merging: real-world events told by several
// fictional outlets in paraphrase (different wording, attribution to the country or its
// ministry, date given or not, target sometimes left out, published 0–2 days later), and hard
// negatives: other events of the same dyad and type days apart, on the same or another issue,
// and hypothetical versions of real offers. Deterministic for a seed.
import type { EventType } from '../analyze/types.js';
import { addDays, anchorOf } from './text.js';
import type { ActorRef, EventReport, Modality } from './types.js';

interface Country {
  iso: string;
  names: string[];
  ministry: string;
}

const COUNTRIES: Country[] = [
  { iso: 'PRK', names: ['North Korea', 'Pyongyang', 'the DPRK'], ministry: "North Korea's foreign ministry" },
  { iso: 'USA', names: ['the United States', 'Washington', 'the US'], ministry: 'the State Department' },
  { iso: 'CHN', names: ['China', 'Beijing'], ministry: "China's foreign ministry" },
  { iso: 'JPN', names: ['Japan', 'Tokyo'], ministry: "Japan's foreign ministry" },
  { iso: 'KOR', names: ['South Korea', 'Seoul'], ministry: "South Korea's unification ministry" },
  { iso: 'RUS', names: ['Russia', 'Moscow', 'the Kremlin'], ministry: "Russia's foreign ministry" },
];

/** Issues: each a list of interchangeable phrasings (synonym sets), and the verbs per type. */
const ISSUES: string[][][] = [
  [['offer of talks', 'proposal for dialogue', 'offer of negotiations'], ['without preconditions', 'with no conditions attached']],
  [['sanctions resolution', 'new sanctions package', 'sanctions measures'], ['at the Security Council', 'before the UN Security Council']],
  [['joint military drills', 'joint exercises', 'combined military exercises'], ['near the peninsula', 'off the coast']],
  [['food aid', 'humanitarian aid', 'emergency food assistance'], ['for flood victims', 'after the floods']],
  [['missile launch', 'ballistic missile test', 'missile firing'], ['over the sea', 'into the sea']],
  [['fishing boat seizure', 'seizure of a fishing vessel', 'detention of a trawler'], ['in disputed waters', 'near the maritime border']],
  [['nuclear test site', 'nuclear testing ground', 'atomic test facility'], ['in the north', 'near the border']],
  [['ambassador expulsion', 'expulsion of the envoy', 'decision to expel the ambassador'], ['over spying claims', 'citing espionage']],
];

const VERBS: Partial<Record<EventType, string[]>> = {
  REJECT: ['rejected', 'dismissed', 'turned down', 'spurned'],
  ACCUSE: ['accused', 'blamed', 'condemned'],
  THREATEN: ['threatened', 'warned', 'vowed retaliation against'],
  AID: ['offered', 'pledged', 'proposed to send'],
  PROTEST: ['protested', 'lodged a protest against', 'denounced'],
};

const OUTLETS = ['Harbor Ledger', 'Northern Wire', 'Daily Meridian', 'Capital Courier', 'Tidewater Post', 'Eastern Signal'];

/** Mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticReport extends EventReport {
  /** The real-world event the report tells: reports with equal truth are the same event. */
  truth: number;
}

interface BaseEvent {
  truth: number;
  source: Country;
  target: Country;
  type: EventType;
  issue: number;
  date: string;
  modality: Modality;
}

/** Generates `events` base events (with hard-negative siblings) and 2–4 reports of each. */
export function syntheticReports(seed = 1, events = 120): SyntheticReport[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const types = Object.keys(VERBS) as EventType[];
  const base: BaseEvent[] = [];
  let truth = 0;
  while (base.length < events) {
    const source = pick(COUNTRIES);
    let target = pick(COUNTRIES);
    while (target === source) target = pick(COUNTRIES);
    const e: BaseEvent = { truth: truth++, source, target, type: pick(types), issue: Math.floor(r() * ISSUES.length), date: addDays('2026-03-01', Math.floor(r() * 60)), modality: 'asserted' };
    base.push(e);
    // Hard negatives: the same dyad and type again, 1–10 days later, often on the same issue.
    const siblings = Math.floor(r() * 3);
    for (let i = 0; i < siblings; i++) {
      base.push({ ...e, truth: truth++, date: addDays(e.date, 1 + Math.floor(r() * 10)), issue: r() < 0.5 ? e.issue : Math.floor(r() * ISSUES.length) });
    }
    // A hypothetical version ("would offer … if") reported the same day.
    if (e.type === 'AID' && r() < 0.5) base.push({ ...e, truth: truth++, modality: 'hypothetical' });
  }

  const out: SyntheticReport[] = [];
  let articleId = 0;
  for (const e of base) {
    const n = 2 + Math.floor(r() * 3);
    const outlets = [...OUTLETS].sort(() => r() - 0.5).slice(0, n);
    // One quote per event (a sibling on the same issue says it in other words), trimmed by each outlet.
    const topic = `${ISSUES[e.issue]![0]![0]} ${ISSUES[e.issue]![1]![0]}`;
    const canonicalQuote = pick([
      `We will never accept the ${topic}, it is a provocation`,
      `The ${topic} is a reckless gamble that threatens regional peace`,
      `Our patience with the ${topic} has limits and the response will be firm`,
      `This ${topic} shows the hostile intent of the other side`,
      `There is no reason to discuss the ${topic} while pressure continues`,
    ]);
    for (const outlet of outlets) {
      articleId++;
      const published = addDays(e.date, Math.floor(r() * 3));
      const dated = r() < 0.6;
      const ministry = r() < 0.4;
      const srcName = ministry ? e.source.ministry : pick(e.source.names);
      const source: ActorRef = { name: srcName, entityId: ministry ? `org:${e.source.iso.toLowerCase()}-mfa` : `country:${e.source.iso}`, country: e.source.iso, institution: null };
      const withTarget = r() < 0.85;
      const target: ActorRef | null = withTarget ? { name: pick(e.target.names), entityId: `country:${e.target.iso}`, country: e.target.iso, institution: null } : null;
      const issue = ISSUES[e.issue]!.map((syn) => pick(syn));
      const verb = pick(VERBS[e.type]!);
      const hedge = e.modality === 'hypothetical' ? 'would provide' : verb;
      const when = dated ? ` on ${weekday(e.date)}` : '';
      const templates = [
        `${srcName}${when} ${hedge} ${target ? `${target.name}'s ` : 'the '}${issue[0]} ${r() < 0.5 ? issue[1] : ''}`,
        `In a statement carried by state media, ${srcName} ${hedge} the ${issue.join(' ')}${target ? ` from ${target.name}` : ''}${when}`,
        `${srcName} ${hedge}${when} what it called ${target ? `${target.name}'s` : 'the'} ${issue[0]}${e.modality === 'hypothetical' ? ' if sanctions were eased' : ''}`,
      ];
      const quote = r() < 0.5 ? canonicalQuote.split(' ').filter(() => r() < 0.85).join(' ') : null;
      out.push({
        truth: e.truth, articleId, seq: 0, eventId: 'e1', date: dated ? e.date : null, anchor: anchorOf(dated ? e.date : null, published, `${published}T12:00:00.000Z`),
        type: e.type, mode: null, source, target, intensity: -4, cameo: null, negated: false, modality: e.modality, sourcing: 'official',
        sentence: pick(templates).replace(/\s+/g, ' ').trim(), trigger: verb, quote, respondsTo: null, responseCue: null,
        outlet, url: `https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example/${articleId}`, published, seenAt: `${published}T12:00:00.000Z`, mergedId: null,
      });
    }
  }
  return out;
}

function weekday(date: string): string {
  return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

export interface PairScores {
  pairs: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** Precision and recall over every pair of reports of the same dyad and type, given a same-event predicate. */
export function pairScores(reports: SyntheticReport[], same: (a: SyntheticReport, b: SyntheticReport) => boolean): PairScores {
  let tp = 0, fp = 0, fn = 0, pairs = 0, positives = 0;
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i]!;
      const b = reports[j]!;
      if (a.type !== b.type || a.source.country !== b.source.country) continue;
      pairs++;
      const truth = a.truth === b.truth;
      if (truth) positives++;
      const predicted = same(a, b);
      if (predicted && truth) tp++;
      else if (predicted) fp++;
      else if (truth) fn++;
    }
  }
  return { pairs, positives, tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}
