// Where the names are: registry hits (longest alias) and the learned tagger's spans, reconciled.
// The tagger decides what is a name and where it ends; a registry hit it agrees with (same span or
// inside it) keeps its registry identity. A longer tagged name around a country or place hit is a
// different name ("Bank of Korea", "Korea Development Bank") and the hit yields to it; a registry
// person or institution keeps its span against a tagged span that runs past it.
import type { Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { Span } from '../ner/labels.js';
import { tagFeatures, tagSpans } from '../ner/tagger.js';
import { isDateline } from './dateline.js';
import type { EntityLexicon } from './lexicon.js';
import type { RawMention } from './mention-types.js';
import { cityByName } from './places.js';
import { scanRegistry } from './registry-scan.js';
import { bare, isHonorific } from './title-lexicon.js';

export interface NameMentions {
  /** Registry hits kept (not yet resolved among their candidate actors). */
  found: RawMention[];
  /** Tagged names the registry does not know, typed from the tagger. */
  unknown: RawMention[];
}

export function findNames(seg: Segmented, registry: Registry, lex: EntityLexicon, shouted: Set<number>): NameMentions {
  const scanned = scanRegistry(seg, registry, shouted);
  const spans = tagSpans(seg, tagFeatures(seg, registry, lex, scanned, shouted));
  // Surname-only hits wait for context (a surname resolves to a person named in the article).
  const hits = scanned.filter((m) => !m.hits.every((h) => h.via === 'surname')).map((m) => withoutArticle(seg, m));
  const found: RawMention[] = [];
  const claimed = new Uint8Array(spans.length);
  let s = 0;
  for (const m of hits) {
    while (s < spans.length && spans[s]!.end <= m.tokStart) s++;
    const overlapping: number[] = [];
    for (let k = s; k < spans.length && spans[k]!.start < m.tokEnd; k++) overlapping.push(k);
    let keep = true;
    let mention = m;
    for (const k of overlapping) {
      const span = spans[k]!;
      if (isStateName(seg, m, span, registry)) mention = widened(seg, m, span);
      else if (yieldsTo(m, span, registry)) keep = false;
      claimed[k] = keep ? 1 : 0;
    }
    if (keep) found.push(mention);
  }
  const unknown = spans.filter((_, k) => !claimed[k]).map((span) => unknownMention(seg, span.type === 'PER' ? withoutTitles(seg, span, lex) : span));
  return { found, unknown };
}

/**
 * A country, place or demonym hit yields to a tagged name around it ("Bank of Korea") and to the
 * same words read as a team or a person ("Florida beat Boston", "Jordan scored"); an institution
 * yields to a longer tagged organisation name around it.
 */
function yieldsTo(m: RawMention, span: Span, registry: Registry): boolean {
  if (span.start > m.tokStart || span.end < m.tokEnd) return false;
  const type = registry.get(m.hits[0]!.actorId)?.type;
  const longer = span.end - span.start > m.tokEnd - m.tokStart;
  // "U.S. Senate Banking Committee" is a body of its own, not the Senate.
  if (type === 'organization') return longer && span.type === 'ORG';
  if (type !== 'country' && type !== 'place' && m.hits[0]!.via !== 'demonym') return false;
  return longer || span.type === 'ORG' || span.type === 'PER';
}

/** Words of a state's formal name around its short one ("the Republic of Congo", "Islamic Republic of Iran"). */
const STATE_WORDS = new Set(['republic', 'kingdom', 'state', 'states', 'democratic', 'people', "people's", 'peoples', 'islamic', 'federal', 'federation', 'united', 'arab', 'socialist', 'of', 'the', "'s", '’s']);

function isStateName(seg: Segmented, m: RawMention, span: Span, registry: Registry): boolean {
  if (span.type !== 'LOC' || span.start > m.tokStart || span.end < m.tokEnd || registry.get(m.hits[0]!.actorId)?.type !== 'country') return false;
  for (let k = span.start; k < span.end; k++) if ((k < m.tokStart || k >= m.tokEnd) && !STATE_WORDS.has(seg.tokens[k]!.lower)) return false;
  return true;
}

function widened(seg: Segmented, m: RawMention, span: Span): RawMention {
  const a = seg.tokens[span.start]!;
  const b = seg.tokens[span.end - 1]!;
  return { ...m, tokStart: span.start, tokEnd: span.end, start: a.start, end: b.end, text: seg.text.slice(a.start, b.end) };
}

/** "Cdr Varthaman", "Sheikh Ali Hamdan": title words the tagger took into a person's name stay outside it (they are read as the role). */
function withoutTitles(seg: Segmented, span: Span, lex: EntityLexicon): Span {
  let start = span.start;
  while (start < span.end - 1) {
    const w = seg.tokens[start]!.text;
    if (!lex.personTitles.has(bare(w)) && !isHonorific(w)) break;
    start++;
  }
  return start === span.start ? span : { ...span, start };
}

/** "The EU" at a sentence start: the article is not part of the name (aliases like "the White House" keep it in the registry). */
function withoutArticle(seg: Segmented, m: RawMention): RawMention {
  if (m.tokEnd - m.tokStart < 2 || seg.tokens[m.tokStart]!.lower !== 'the') return m;
  const first = seg.tokens[m.tokStart + 1]!;
  return { ...m, tokStart: m.tokStart + 1, start: first.start, text: seg.text.slice(first.start, m.end) };
}

const TYPE_OF = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' } as const;

function unknownMention(seg: Segmented, span: Span): RawMention {
  const a = seg.tokens[span.start]!;
  const b = seg.tokens[span.end - 1]!;
  const text = seg.text.slice(a.start, b.end);
  const type = TYPE_OF[span.type];
  const city = type === 'place' || isDateline(seg, span.start, span.end) ? cityByName(text) : undefined;
  return {
    start: a.start, end: b.end, text, tokStart: span.start, tokEnd: span.end, sentence: a.sentence, type,
    hits: [], actorId: null, via: 'run', roles: [], affiliation: null, country: city?.country ?? null, confidence: 2,
  };
}
