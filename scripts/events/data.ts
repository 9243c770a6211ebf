// Training examples for the event typer, one per candidate event (trigger hit), from three sources:
// - the synthetic PLOVER stories (one noisy type per story): the headline's and lede's main hit
//   carries the story's type (the hit the rules typed so if there is one, else the first hit);
//   later hits the rules typed as the story's type carry it too, at a lower weight; later hits with
//   a past time attached ("since 1979", "in 2018", "two years ago") are background: NONE. Other
//   hits are left out (the story may report a second event; its label says nothing of it).
//   (Marking every later sentence with a year or "previously" as background was tried: it cost
//   more on the held-out headlines, ledes and hand-written examples than it gained.)
// - CoNLL-2003 sport reports (non-political news): every hit is NONE ("beat", "attack", "strike").
// - data/training/event-examples.yaml: hand-written examples, at a higher weight.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { hitFeatures } from '../../src/analyze/events/typing/features.js';
import { NONE_INDEX, TYPING_LABELS } from '../../src/analyze/events/typing/model.js';
import { HashBuffer } from '../../src/analyze/ner/hash-buffer.js';
import type { Registry } from '../../src/registry/types.js';
import { readRawConll } from '../ner/conll.js';
import { candidates, type Candidate } from './candidates.js';
import type { Example } from './learner.js';

export const FOLDS = 5;
const labelIndex = (t: string): number => TYPING_LABELS.indexOf(t as (typeof TYPING_LABELS)[number]);

const buffer = new HashBuffer(256);
function features(c: Candidate, withRule: boolean): Uint32Array {
  buffer.length = 0;
  hitFeatures(c.ctx, buffer, withRule);
  return buffer.view().slice();
}

/** An example of a candidate, or null for STATEMENT hits (speech is left to the rules). */
function example(c: Candidate, label: number, weight: number, fold: number, origin: string): Example | null {
  const rule = labelIndex(c.ctx.hit.type);
  if (rule < 0) return null;
  return { withRule: features(c, true), noRule: features(c, false), label, rule, weight, fold, origin };
}

const WEIGHTS = { title: 1, lede: 1, forcedTitle: 0.5, forcedLede: 0.3, story: 0.4, background: 0.4, conll: 0.1, hand: 2, boilerplate: 0.5 };
/** A past time attached to the trigger's clause: "since 1979", "in 2018", "last year", "two years ago", "as it did last year". */
const PAST_NEAR = /\b(?:(?:in|since|of|during|until) (?:the )?(?:(?:early |late |mid-)?(?:19|20)\d\ds?|last (?:year|decade|century))|last year|(?:years|decades) ago|as it did)\b/i;
/** Text within `n` characters either side of the hit, inside its sentence. */
function around(c: Candidate, n: number): string {
  const s = c.ctx.seg.text;
  return s.slice(Math.max(0, c.ctx.hit.start - n), Math.min(s.length, c.ctx.hit.end + n)).split('\n').join(' ');
}

// Headline placeholders are filled with ordinary names, picked by the story's index (deterministic).
const COUNTRIES = ['Kenya', 'Peru', 'Vietnam', 'Norway', 'Turkey', 'Ecuador', 'Bangladesh', 'Ghana', 'Chile', 'Poland', 'Egypt', 'Indonesia', 'Nepal', 'Zambia', 'Uruguay', 'Romania'];
const CITIES = ['Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Ankara', 'Quito', 'Dhaka', 'Accra'];

interface Story {
  text: string;
  title: string;
  label: string;
}

/** The main hit of a headline or lede: the one the rules typed as the story's type, else the first. */
function mainHit(hits: Candidate[], label: number): { hit: Candidate; agrees: boolean } | null {
  const typed = hits.filter((c) => labelIndex(c.ctx.hit.type) >= 0);
  const agree = typed.find((c) => labelIndex(c.ctx.hit.type) === label);
  if (agree) return { hit: agree, agrees: true };
  return typed[0] ? { hit: typed[0], agrees: false } : null;
}

export function storyExamples(path: string, registry: Registry, limit = Infinity): Example[] {
  const stories = readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, limit).map((l) => JSON.parse(l) as Story);
  // Stories written from one headline share a fold, so no headline is both trained on and tested.
  const titleFold = new Map<string, number>();
  const out: Example[] = [];
  const push = (e: Example | null): void => void (e && out.push(e));
  stories.forEach((s, i) => {
    const label = labelIndex(s.label);
    if (label < 0) return;
    let fold = titleFold.get(s.title);
    if (fold === undefined) {
      titleFold.set(s.title, (fold = titleFold.size % FOLDS));
      let n = 0;
      const title = s.title.replace(/\{(country_\d|city)\}/g, (_, k: string) => (k === 'city' ? CITIES[i % CITIES.length]! : COUNTRIES[(i + 3 * n++) % COUNTRIES.length]!));
      const m = mainHit(candidates(title.trim(), registry), label);
      if (m) push(example(m.hit, label, m.agrees ? WEIGHTS.title : WEIGHTS.forcedTitle, fold, 'title'));
    }
    const cands = candidates(s.text, registry);
    const lede = mainHit(cands.filter((c) => c.sentence === 0), label);
    if (lede) push(example(lede.hit, label, lede.agrees ? WEIGHTS.lede : WEIGHTS.forcedLede, fold, 'lede'));
    for (const c of cands) {
      if (c.sentence === 0) continue;
      const rule = labelIndex(c.ctx.hit.type);
      if (PAST_NEAR.test(around(c, 40))) push(example(c, NONE_INDEX, WEIGHTS.background, fold, 'background'));
      else if (rule === label) push(example(c, label, WEIGHTS.story, fold, 'story'));
    }
  });
  return out;
}

const SPORT = /^(?:SOCCER|CRICKET|BASEBALL|TENNIS|CYCLING|GOLF|ATHLETICS|RUGBY UNION|RUGBY LEAGUE|RALLYING|MOTOR RACING|BASKETBALL|HORSE RACING|BADMINTON|MOTORCYCLING|SQUASH|MOTOCROSS|ICE HOCKEY|BOXING|SWIMMING|NFL|NHL|NBA|ALPINE SKIING|ROWING|YACHTING|SKIING) -/i;

/** CoNLL tokens back into running text ("Arafat 's flight ." → "Arafat's flight."). */
function detokenize(words: string[]): string {
  return words.join(' ').replace(/ ([.,;:!?%)])/g, '$1').replace(/([($]) /g, '$1').replace(/ (['’]s|n't)\b/g, '$1').replace(/ " ([^"]*) "/g, ' "$1"');
}

export function conllExamples(path: string, registry: Registry, limit = Infinity): Example[] {
  const out: Example[] = [];
  readRawConll(path).slice(0, limit).forEach((d, i) => {
    const head = d.sentences[0]?.words.join(' ') ?? '';
    if (!SPORT.test(head)) return;
    // The headline (in capitals) and the dateline are left out; the body is one sentence a line.
    const body = d.sentences.slice(2).map((s) => detokenize(s.words)).filter((s) => /\p{Ll}/u.test(s));
    for (const c of candidates(body.join('\n'), registry)) {
      const e = example(c, NONE_INDEX, WEIGHTS.conll, i % FOLDS, 'conll');
      if (e) out.push(e);
    }
  });
  return out;
}

export function handExamples(path: string, registry: Registry, warn: (msg: string) => void = () => {}): Example[] {
  const raw = parse(readFileSync(path, 'utf8')) as { examples: [string, string, string][]; boilerplate?: Boilerplate };
  const out: Example[] = [];
  boilerplateLines(raw.boilerplate).forEach((line, i) => {
    for (const c of candidates(line, registry)) {
      const e = example(c, NONE_INDEX, WEIGHTS.boilerplate, i % FOLDS, 'boilerplate');
      if (e) out.push(e);
    }
  });
  raw.examples.forEach(([type, trigger, text], i) => {
    const label = labelIndex(type);
    if (label < 0) throw new Error(`${path}: unknown label ${type} (example ${i + 1})`);
    const cands = candidates(text, registry);
    const at = trigger ? text.search(new RegExp(`\\b${trigger.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')) : -1;
    if (trigger && at < 0) throw new Error(`${path}: trigger "${trigger}" is not in example ${i + 1}`);
    const chosen = trigger ? cands.filter((c) => c.ctx.hit.start < at + trigger.length && at < c.ctx.hit.end) : cands;
    const made = chosen.map((c) => example(c, label, WEIGHTS.hand, i % FOLDS, 'hand')).filter((e): e is Example => !!e);
    if (!made.length && label !== NONE_INDEX) warn(`example ${i + 1} (${type}): no candidate event at "${trigger}"`);
    out.push(...made);
  });
  return out;
}

interface Boilerplate {
  frames: string[];
  topics: string[];
  [slot: string]: string[];
}

/** Every frame with every topic; the other slots are filled in turn (deterministic). */
function boilerplateLines(b: Boilerplate | undefined): string[] {
  if (!b) return [];
  const out: string[] = [];
  let n = 0;
  for (const frame of b.frames) {
    for (const topic of b.topics) {
      n++;
      out.push(frame.replace(/\{(\w+)\}/g, (_, slot: string) => (slot === 'topic' ? topic : (b[slot]?.[n % b[slot].length] ?? slot))));
    }
  }
  return out;
}
