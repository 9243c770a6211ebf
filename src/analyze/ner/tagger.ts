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
import { extractFeatures, type TagFeatures } from './features.js';
import { gazetteerCodes } from './gazetteer.js';
import { documentSpans, type Span } from './labels.js';
import { historyFeatures } from './history.js';
import { TaggerModel } from './model.js';
import { WordAtomizer } from './word-atoms.js';

/** Bump when features.ts or word-atoms.ts change what a feature means; the model must be retrained. */
export const FEATURE_VERSION = 3;
/** First pass (word and context features) and second pass (plus how the first pass labelled the article). */
export const MODEL_FILES = [dataPath('models', 'ner-1.bin.gz'), dataPath('models', 'ner-2.bin.gz')] as const;

export interface Tagger {
  first: TaggerModel;
  second: TaggerModel;
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
  shipped ??= { first: loadModel(MODEL_FILES[0]), second: loadModel(MODEL_FILES[1]) };
  return shipped;
}

export function loadModel(path: string): TaggerModel {
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

/** Labels of every token, decoded sentence by sentence. */
export function decodeAll(seg: Segmented, features: TagFeatures[], model: TaggerModel): Uint8Array {
  const labels = new Uint8Array(seg.tokens.length);
  const toks = seg.tokens;
  for (let from = 0; from < toks.length; ) {
    let to = from + 1;
    while (to < toks.length && toks[to]!.sentence === toks[from]!.sentence) to++;
    labels.set(model.decode(features, from, to), from);
    from = to;
  }
  return labels;
}

/** Name spans (token ranges, never across sentences) found by the two passes. */
export function tagSpans(seg: Segmented, features: TagFeatures, tagger = loadTagger()): Span[] {
  const first = decodeAll(seg, [features], tagger.first);
  return documentSpans(seg, decodeAll(seg, [features, historyFeatures(seg, first)], tagger.second)).flatMap((s) => splitAtBreaks(seg, s));
}

/** Brackets, commas, semicolons and quotation marks end a name ("Rui Costa (Fiorentina)" is two). */
const BREAK = /^[()[\]{},;:"“”«»]$/;

function splitAtBreaks(seg: Segmented, s: Span): Span[] {
  const out: Span[] = [];
  let a = s.start;
  for (let k = s.start; k <= s.end; k++) {
    if (k < s.end && !BREAK.test(seg.tokens[k]!.text)) continue;
    if (k > a) out.push({ start: a, end: k, type: s.type });
    a = k + 1;
  }
  return out;
}
