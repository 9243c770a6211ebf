// The position lexicon (data/lexicon/positions.yaml): per issue, the cue phrases for each end of
// its hawkish ↔ engagement axis, the negation words, and the reader-tone words. Loaded once per
// process; compileLexicon() takes the parsed YAML so tests can score with a lexicon of their own.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../core/data-path.js';
import { ReadoutError } from '../core/errors.js';

const Cue = z.union([z.string().min(1), z.object({ phrase: z.string().min(1), weight: z.number().positive().max(5) })]);
const Schema = z.object({
  version: z.number(),
  negated_factor: z.number().min(0).max(1),
  quoted_factor: z.number().min(0).max(1),
  negation: z.array(z.string()),
  issues: z.record(z.string(), z.object({ label: z.string(), description: z.string().optional(), hawkish: z.array(Cue), engagement: z.array(Cue) })).refine((r) => Object.keys(r).length > 0, 'at least one issue'),
  tone: z.object({ positive: z.array(z.string()), negative: z.array(z.string()) }),
});
export type RawPositionLexicon = z.infer<typeof Schema>;

/** One cue phrase as lower-case words; the last word is a prefix when `prefix`. */
export interface CuePhrase {
  phrase: string;
  words: string[];
  prefix: boolean;
  /** −weight for a hawkish cue, +weight for an engagement cue. */
  value: number;
}

export interface Issue {
  /** The key in the YAML ("engagement-vs-pressure"). */
  name: string;
  label: string;
  description: string | null;
  /** First word (or prefix stem) → cues starting there, longest first. */
  byFirst: Map<string, CuePhrase[]>;
  prefixCues: CuePhrase[];
}

export interface PositionLexicon {
  version: number;
  negatedFactor: number;
  quotedFactor: number;
  negation: Set<string>;
  issues: Issue[];
  tone: { byFirst: Map<string, CuePhrase[]>; prefixCues: CuePhrase[] };
}

/** Words as the scorer sees them: letters/digits with inner apostrophes and hyphens, lower case. */
export const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().replace(/’/g, "'").match(WORD_RE) ?? []);
}

function compileCues(list: { phrase: string; value: number }[]): { byFirst: Map<string, CuePhrase[]>; prefixCues: CuePhrase[] } {
  const byFirst = new Map<string, CuePhrase[]>();
  const prefixCues: CuePhrase[] = [];
  for (const { phrase, value } of list) {
    const prefix = phrase.trim().endsWith('~');
    const w = words(phrase.replace(/~$/, ''));
    if (w.length === 0) continue;
    const cue: CuePhrase = { phrase: phrase.replace(/~$/, ''), words: w, prefix, value };
    if (prefix && w.length === 1) {
      prefixCues.push(cue);
      continue;
    }
    const at = byFirst.get(w[0]!) ?? [];
    at.push(cue);
    byFirst.set(w[0]!, at);
  }
  for (const cues of byFirst.values()) cues.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, prefixCues };
}

export function compileLexicon(input: unknown): PositionLexicon {
  const raw = Schema.parse(input);
  const weighted = (c: z.infer<typeof Cue>, sign: number) => (typeof c === 'string' ? { phrase: c, value: sign } : { phrase: c.phrase, value: sign * c.weight });
  return {
    version: raw.version,
    negatedFactor: raw.negated_factor,
    quotedFactor: raw.quoted_factor,
    negation: new Set(raw.negation.map((w) => w.toLowerCase().replace(/’/g, "'"))),
    issues: Object.entries(raw.issues).map(([name, issue]) => ({
      name,
      label: issue.label,
      description: issue.description ?? null,
      ...compileCues([...issue.hawkish.map((c) => weighted(c, -1)), ...issue.engagement.map((c) => weighted(c, 1))]),
    })),
    tone: compileCues([...raw.tone.positive.map((p) => ({ phrase: p, value: 1 })), ...raw.tone.negative.map((p) => ({ phrase: p, value: -1 }))]),
  };
}

let shipped: PositionLexicon | null = null;

/** The shipped lexicon, parsed once. */
export function positionLexicon(): PositionLexicon {
  shipped ??= compileLexicon(parse(readFileSync(dataPath('lexicon', 'positions.yaml'), 'utf8')));
  return shipped;
}

export const DEFAULT_ISSUE = 'engagement-vs-pressure';

/** The issue named (key or label, case-insensitive), else the lexicon's first; throws ReadoutError('input') for an unknown name. */
export function findIssue(lexicon: PositionLexicon, name?: string | null): Issue {
  if (name === undefined || name === null || name.trim() === '') return lexicon.issues.find((i) => i.name === DEFAULT_ISSUE) ?? lexicon.issues[0]!;
  const n = name.trim().toLowerCase();
  const hit = lexicon.issues.find((i) => i.name.toLowerCase() === n || i.label.toLowerCase() === n);
  if (!hit) {
    throw new ReadoutError('input', `unknown issue "${name}"`, { hint: `issues: ${lexicon.issues.map((i) => i.name).join(', ')} (data/lexicon/positions.yaml)` });
  }
  return hit;
}
