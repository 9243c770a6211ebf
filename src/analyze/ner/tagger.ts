// The learned entity tagger: a linear-chain model (averaged structured perceptron, trained by
// scripts/train-ner.ts on CoNLL-2003 train) over the features in features.ts. It finds the spans of
// names and gives each a CoNLL type; the entity finder then resolves them against the registry and
// types them further (person, institution, country, place) from the registry and the context.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../../core/data-path.js';
import { ReadoutError } from '../../core/errors.js';
import type { Registry } from '../../registry/types.js';
import type { Segmented } from '../types.js';
import type { EntityLexicon } from '../entities/lexicon.js';
import type { RawMention } from '../entities/mention-types.js';
import { extractFeatures, forceOutside, type TagFeatures } from './features.js';
import { gazetteerCodes } from './gazetteer.js';
import { documentSpans, N_LABELS, type Span } from './labels.js';
import { historyFeatures } from './history.js';
import { TaggerModel } from './model.js';
import { PassPair } from './pass-pair.js';
import { WordAtomizer } from './word-atoms.js';

/** Bump when features.ts, word-atoms.ts or the entity word lists change what a feature means; retrain then. */
export const FEATURE_VERSION = 6;
/** First pass (word and context features) and second pass (plus how the first pass labelled the article). */
export const MODEL_FILES = [dataPath('models', 'ner-1.bin.gz'), dataPath('models', 'ner-2.bin.gz')] as const;

export interface Tagger {
  first: TaggerModel;
  second: TaggerModel;
  /** Both models in one table, for the base features both passes read. */
  pair: PassPair;
}

let atomizer: WordAtomizer | undefined;
let shipped: Tagger | undefined;

/** Features of a whole text, from its registry hits (scanRegistry) and sentences in capitals. */
export function tagFeatures(seg: Segmented, registry: Registry, lex: EntityLexicon, found: RawMention[], shouted: Set<number>): TagFeatures {
  atomizer ??= new WordAtomizer(lex);
  const g = gazetteerCodes(seg, registry, found);
  return extractFeatures({ seg, atomizer, gazetteers: [g.registry, g.city], shouted });
}

export function loadTagger(): Tagger {
  if (!shipped) {
    const first = loadModel(MODEL_FILES[0]);
    const second = loadModel(MODEL_FILES[1]);
    shipped = { first, second, pair: new PassPair(first, second) };
  }
  return shipped;
}

function loadModel(path: string): TaggerModel {
  if (!existsSync(path)) {
    throw new ReadoutError('config', `entity tagger model missing: ${path}`, { hint: 'run `npm run train:ner` to rebuild it' });
  }
  const m = TaggerModel.deserialize(readFileSync(path));
  if (m.header.features !== FEATURE_VERSION) {
    throw new ReadoutError('config', `entity tagger model ${path} was trained with feature version ${m.header.features}, the code has ${FEATURE_VERSION}`, {
      hint: 'run `npm run train:ner` to rebuild it',
    });
  }
  return m;
}

/** Token ranges [from, to) of the sentences. */
export function* sentenceRanges(seg: Segmented): Generator<[number, number]> {
  const toks = seg.tokens;
  for (let from = 0; from < toks.length; ) {
    let to = from + 1;
    while (to < toks.length && toks[to]!.sentence === toks[from]!.sentence) to++;
    yield [from, to];
    from = to;
  }
}

/**
 * Name spans (token ranges, never across sentences). The second pass reads the same features plus
 * how the first pass labelled the rest of the article (history.ts).
 */
export function tagSpans(seg: Segmented, features: TagFeatures, tagger = loadTagger()): Span[] {
  const n = seg.tokens.length;
  const [firstScores, secondScores] = tagger.pair.baseEmissions(features, n);
  const first = tagger.first.decode(firstScores, sentenceRanges(seg), n);
  tagger.second.addBlock(historyFeatures(seg, first), n, secondScores);
  if (features.words) forceOutside(secondScores, features.words, N_LABELS);
  const second = tagger.second.decode(secondScores, sentenceRanges(seg), n);
  return documentSpans(seg, second)
    .flatMap((s) => splitAtBreaks(seg, s))
    .filter((s) => hasCapital(seg, s))
    .map((s) => (s.type === 'PER' ? withGluedSyllables(seg, s) : s));
}

/** A name is written with a capital somewhere ("al-Qaeda", "de Klerk"); a span without one is a misreading. */
function hasCapital(seg: Segmented, s: Span): boolean {
  for (let k = s.start; k < s.end; k++) if (/\p{Lu}/u.test(seg.tokens[k]!.text)) return true;
  return false;
}

/** A lower-case syllable glued to a name by a hyphen ("Han-bum", "Yo-jong"), not an English compound ("-led", "-era"). */
const SYLLABLE = /^\p{Ll}{1,5}$/u;
const COMPOUND = /(?:ed|ing|era|run|ism|ist|ite|ian|wise|like|made|type|style)$/;

/** Romanised given names are split by the segmenter at the hyphen; the name runs on over the syllable. */
function withGluedSyllables(seg: Segmented, s: Span): Span {
  const toks = seg.tokens;
  let end = s.end;
  while (end + 1 < toks.length) {
    const hyphen = toks[end]!;
    const next = toks[end + 1]!;
    const glued = hyphen.text === '-' && hyphen.start === toks[end - 1]!.end && next.start === hyphen.end && next.sentence === hyphen.sentence;
    if (!glued || !SYLLABLE.test(next.text) || COMPOUND.test(next.text)) break;
    end += 2;
  }
  return end === s.end ? s : { ...s, end };
}

/**
 * Tokens that end a name: punctuation other than what names hold (hyphens, "&", apostrophes, dots),
 * so brackets, commas, quotation marks, slashes and stray symbols ("Rui Costa (Fiorentina)" is two),
 * and social-media handles and hashtags.
 */
const NAME_PUNCT = /^[-‐‑&'’.]$/;
const isBreak = (text: string): boolean => (!/[\p{L}\p{N}]/u.test(text) && !NAME_PUNCT.test(text)) || /^[@#]/.test(text);

function splitAtBreaks(seg: Segmented, s: Span): Span[] {
  const out: Span[] = [];
  let a = s.start;
  for (let k = s.start; k <= s.end; k++) {
    if (k < s.end && !isBreak(seg.tokens[k]!.text)) continue;
    if (k > a) out.push({ start: a, end: k, type: s.type });
    a = k + 1;
  }
  return out;
}
