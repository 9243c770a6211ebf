// The event coder's lexicon (data/lexicon/events.yaml): the intensity scale per type/mode and the
// trigger phrases, loaded once per process and compiled into a first-word index of sticky regexes,
// so the pure analysis only scans tokens and tries the few phrases a token can start.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../../core/data-path.js';
import { EVENT_TYPES, type EventType } from '../types.js';

const words = z.array(z.string());
const Level = z.object({ intensity: z.number().min(-10).max(10), cameo: z.string().optional() });
const Schema = z.object({
  version: z.number(),
  negated_factor: z.number(),
  scale: z.record(z.string(), z.object({ cameo: z.string(), intensity: z.number().min(-10).max(10), modes: z.record(z.string(), Level).optional() })),
  triggers: z.record(z.string(), words),
  negation: words,
  planned: words,
  hypothetical: words,
  reported: words,
  speculation: words,
  anonymous: words,
  expert: words,
  media: words,
  state_media: words,
  response: words,
});

export interface TriggerPhrase {
  type: EventType;
  mode: string | null;
  /** Sticky, case-insensitive: set lastIndex to a token start and exec. */
  re: RegExp;
  /** Number of written words (a longer phrase beats a shorter overlapping one). */
  words: number;
}

export interface EventLexicon {
  /** Lower-cased first word → the phrases that can start there. */
  byFirst: Map<string, TriggerPhrase[]>;
  level(type: EventType, mode: string | null): { intensity: number; cameo: string };
  negatedFactor: number;
  negation: Set<string>;
  plannedRe: RegExp;
  hypotheticalRe: RegExp;
  reportedRe: RegExp;
  speculationRe: RegExp;
  anonymousRe: RegExp;
  expertRe: RegExp;
  mediaRe: RegExp;
  stateMediaRe: RegExp;
  responseRe: RegExp;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forms of a regular verb written "visit~" (visit, visits, visited, visiting, + doubled CVC forms). */
export function inflect(w: string): string[] {
  if (/e$/.test(w)) return [w, `${w}s`, `${w}d`, `${w.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`, `${w.slice(0, -1)}ied`, `${w}ing`];
  const out = [w, /(?:s|sh|ch|x|z)$/.test(w) ? `${w}es` : `${w}s`, `${w}ed`, `${w}ing`];
  if (/(?:^|[^aeiou])[aeiou][bdgklmnprt]$/.test(w)) out.push(`${w}${w.at(-1)}ed`, `${w}${w.at(-1)}ing`);
  return out;
}

/** Alternatives one written word stands for ("meet|met", "visit~"). */
function forms(word: string): string[] {
  return word.split('|').flatMap((x) => (x.endsWith('~') ? inflect(x.slice(0, -1)) : [x]));
}

function compile(phrase: string): { re: RegExp; first: string[]; words: number } {
  const parts = phrase.trim().toLowerCase().split(/\s+/);
  let src = '';
  let gap = false;
  let n = 0;
  for (const part of parts) {
    if (part === '…') {
      gap = true;
      continue;
    }
    const optional = part.endsWith('?') && part.length > 1;
    const alts = forms(optional ? part.slice(0, -1) : part).map(esc).sort((a, b) => b.length - a.length);
    const word = `(?:${alts.join('|')})`;
    const lead = n === 0 ? '' : gap ? `(?:\\s+[^\\s.;]+){0,4}?\\s+` : '\\s+';
    src += optional ? `(?:${lead}${word})?` : `${lead}${word}`;
    gap = false;
    n++;
  }
  const first = forms(parts[0]!.replace(/\?$/, ''));
  return { re: new RegExp(`${src}(?![\\w’'-])`, 'iy'), first, words: n };
}

const phraseRe = (xs: string[]): RegExp =>
  new RegExp(`(?<![\\w’'])(?:${[...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length).map((x) => esc(x).replace(/ /g, '\\s+')).join('|')})(?![\\w’'])`, 'i');

let cached: EventLexicon | undefined;

export function eventLexicon(): EventLexicon {
  if (cached) return cached;
  const raw = Schema.parse(parse(readFileSync(dataPath('lexicon', 'events.yaml'), 'utf8')));
  const types = new Set<string>(EVENT_TYPES);
  const byFirst = new Map<string, TriggerPhrase[]>();
  for (const [key, phrases] of Object.entries(raw.triggers)) {
    const [type, mode = null] = key.split('.') as [string, string | undefined];
    if (!types.has(type)) throw new Error(`data/lexicon/events.yaml: unknown event type "${type}"`);
    if (mode && !raw.scale[type]?.modes?.[mode]) throw new Error(`data/lexicon/events.yaml: mode "${key}" has no scale entry`);
    for (const p of phrases) {
      const { re, first, words: n } = compile(p);
      const t: TriggerPhrase = { type: type as EventType, mode, re, words: n };
      // The token index is by whole token; a hyphenated first word is also keyed by its first part.
      for (const f of new Set(first.flatMap((x) => [x, x.split('-')[0]!]))) {
        const list = byFirst.get(f) ?? [];
        list.push(t);
        byFirst.set(f, list);
      }
    }
  }
  for (const t of EVENT_TYPES) if (!raw.scale[t]) throw new Error(`data/lexicon/events.yaml: no scale for ${t}`);
  cached = {
    byFirst,
    level(type, mode) {
      const s = raw.scale[type]!;
      const m = mode ? s.modes?.[mode] : undefined;
      return { intensity: m?.intensity ?? s.intensity, cameo: m?.cameo ?? s.cameo };
    },
    negatedFactor: raw.negated_factor,
    negation: new Set(raw.negation.map((x) => x.toLowerCase())),
    plannedRe: phraseRe(raw.planned),
    hypotheticalRe: phraseRe(raw.hypothetical),
    reportedRe: phraseRe(raw.reported),
    speculationRe: phraseRe(raw.speculation),
    anonymousRe: phraseRe(raw.anonymous),
    expertRe: phraseRe(raw.expert),
    mediaRe: phraseRe(raw.media),
    stateMediaRe: phraseRe(raw.state_media),
    responseRe: phraseRe(raw.response),
  };
  return cached;
}
