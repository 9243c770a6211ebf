// Who a statement belongs to across sentences and paragraphs. Each attributed quote is remembered
// with the words of its speaker phrase; later cues that name nobody new ("the spokesman said", "she
// added", "the statement said", "it said") go back to the statement's author: the most recent
// speaker the phrase fits. A quote is never given to the news outlet that carried it when the text
// names the author, nor to a name that appears only in the headline.
import type { Entity, EntityIndex, Speaker } from '../types.js';

export interface QuoteContext {
  /** End of the headline when the text opens with the article's title, else 0. */
  titleEnd: number;
  /** A news outlet (the registry kind, else a medium's word ending the name). */
  isOutlet: (e: Entity) => boolean;
  /** Entities mentioned outside the headline. */
  inBody: Set<Entity>;
}

interface Remembered {
  speaker: Speaker;
  entity: Entity | null;
  /** Lower-case words of the speaker phrase ("spokesman", "ministry"). */
  words: Set<string>;
  /** Documents the speaker is said to speak through ("said in a statement", "a statement by X"). */
  through: Set<string>;
  at: number;
  paragraph: number;
}

const WORDS = /[\p{L}\p{N}]+/gu;
const wordsOf = (s: string): Set<string> => new Set((s.toLowerCase().match(WORDS) ?? []).map(singular));
const singular = (w: string): string => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** How many paragraphs back a statement's author is still the one a bare cue means. */
const REACH = 3;

// Compiled once per lexicon (one memory is made per article).
const compiled = new Map<string, { through: RegExp; by: RegExp }>();

/** "(, in a statement carried by Y,) said in a statement" after a speaker phrase; "a statement by X" as the phrase. */
function statementCues(speechVerbRe: string, adverbRe: string, utteranceHeads: readonly string[]): { through: RegExp; by: RegExp } {
  const key = `${speechVerbRe}\u0000${adverbRe}\u0000${utteranceHeads.join('|')}`;
  let cues = compiled.get(key);
  if (!cues) {
    const heads = utteranceHeads.map((h) => h.replace(/ /g, '\\s+')).join('|');
    const det = '(?:a|an|its|his|her|their|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?';
    cues = {
      through: new RegExp(
        `^\\s*(?:,[^,]{1,160},\\s*)?(?:(?:${adverbRe})\\s+){0,2}(?:(?:${speechVerbRe})\\s+(?:[\\p{L}-]+\\s+){0,2}?)?(?:in|through|via)\\s+${det}(${heads})\\b|^\\s*,\\s*(?:in|through)\\s+${det}(${heads})\\b`,
        'iu',
      ),
      by: new RegExp(`^${det}(${heads})\\s+(?:issued\\s+|released\\s+)?(?:by|from)\\b`, 'iu'),
    };
    compiled.set(key, cues);
  }
  return cues;
}

export class SpeakerMemory {
  private items: Remembered[] = [];

  private readonly throughRe: RegExp;
  private readonly byRe: RegExp;

  constructor(
    private readonly entities: EntityIndex,
    speechVerbRe: string,
    adverbRe: string,
    utteranceHeads: readonly string[],
  ) {
    ({ through: this.throughRe, by: this.byRe } = statementCues(speechVerbRe, adverbRe, utteranceHeads));
  }

  /** The entity a speaker names, if any. */
  entityOf(s: Speaker | null): Entity | null {
    if (!s?.name) return null;
    return this.entities.entities.find((e) => e.name === s.name && e.id === s.entityId) ?? null;
  }

  /** `phrase`: the speaker phrase; `after`: the rest of the cue's sentence after the phrase. */
  remember(speaker: Speaker, phrase: string, after: string, at: number, paragraph: number): void {
    const through = new Set<string>();
    // "Trump's comments through a report": a possessor speaks through nothing.
    const m = /['’]s?$/.test(phrase) ? null : (this.throughRe.exec(after) ?? this.byRe.exec(phrase));
    if (m) through.add(singular((m[1] ?? m[2]!).toLowerCase().replace(/\s+/g, ' ')));
    this.items.push({ speaker, entity: this.entityOf(speaker), words: wordsOf(phrase), through, at, paragraph });
  }

  /** The latest named author said to speak through a document with this head noun. */
  author(head: string, paragraph: number, skip: (r: Remembered) => boolean): Speaker | null {
    const h = singular(head.toLowerCase());
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.items[i]!;
      if (paragraph - r.paragraph > REACH * 2) break;
      if (r.speaker.name && r.through.has(h) && !skip(r)) return r.speaker;
    }
    return null;
  }

  /** The most recent author whose phrase holds `head` ("spokesman", "ministry", "statement"). */
  byWord(head: string, paragraph: number, skip?: (r: Remembered) => boolean): Speaker | null {
    const w = singular(head.toLowerCase());
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.items[i]!;
      if (paragraph - r.paragraph > REACH * 2) break;
      if (skip?.(r)) continue;
      if (r.words.has(w) && (r.speaker.name || r.speaker.description)) return r.speaker;
    }
    return null;
  }

  /** The most recent named author a pronoun can stand for: a person for he/she, an organisation, country or document for "it". */
  last(pronoun: string, paragraph: number, isOutlet: (e: Entity) => boolean): Speaker | null {
    const p = pronoun.toLowerCase();
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.items[i]!;
      if (paragraph - r.paragraph > REACH) break;
      if (!r.speaker.name || r.speaker.anonymous) continue;
      if (r.entity && isOutlet(r.entity)) continue;
      const type = r.entity?.type ?? 'person';
      if ((p === 'he' || p === 'she') && type !== 'person') continue;
      if (p === 'it' && type === 'person') continue;
      return r.speaker;
    }
    return null;
  }
}
