// `npm run train:ner`: rebuilds the entity tagger (data/models/ner-1.bin.gz and ner-2.bin.gz) from
// CoNLL-2003 train (../shared/train/conllpp/train.txt), choosing the number of epochs of each pass
// on its dev.txt. The second pass learns from how the first pass labelled the rest of the article;
// on the training set those first-pass labels come from 5-fold jackknifing (each fold labelled by
// a model that never saw it), so the second pass trains on first-pass errors like the ones it will
// meet. Deterministic: fixed document order, a seeded shuffle per epoch, integer updates. About
// 4 minutes on one core (the time is printed). Options: --data DIR, --epochs N (most tried per pass),
// --cv (also the 5-fold cross-validated score of both passes together, about 2 minutes more).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { entityLexicon } from '../src/analyze/entities/lexicon.js';
import { scanRegistry } from '../src/analyze/entities/registry-scan.js';
import { shoutedSentences } from '../src/analyze/entities/tokens.js';
import type { TagFeatures } from '../src/analyze/ner/features.js';
import { historyFeatures } from '../src/analyze/ner/history.js';
import { documentSpans, LABELS } from '../src/analyze/ner/labels.js';
import type { TaggerModel } from '../src/analyze/ner/model.js';
import { FEATURE_VERSION, MODEL_FILES, sentenceRanges, tagFeatures } from '../src/analyze/ner/tagger.js';
import { loadRegistry } from '../src/registry/load.js';
import { augmentDoc } from './ner/augment.js';
import { labelDoc, readRawConll, toDoc, type LabelledDoc, type RawDoc } from './ner/conll.js';
import { rng } from './ner/names.js';
import { formatScores, score, type Scores } from './ner/evaluate.js';
import { Perceptron } from './ner/perceptron.js';

const { values } = parseArgs({
  options: { data: { type: 'string', default: '../shared/train/conllpp' }, epochs: { type: 'string', default: '20' }, cv: { type: 'boolean', default: false } },
});
const SEED = 13;
const FOLDS = 5;
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const registry = loadRegistry();
const lex = entityLexicon();

/** A labelled document with its features; `origin` is the index of the document it was copied from. */
type Prepared = LabelledDoc & { base: TagFeatures; sentences: [number, number][]; origin: number };

function prepare(raw: RawDoc[], origins: number[]): Prepared[] {
  return raw.map((r, i) => {
    const d = labelDoc(toDoc(r));
    const shouted = shoutedSentences(d.seg);
    const base = tagFeatures(d.seg, registry, lex, scanRegistry(d.seg, registry, shouted), shouted);
    // The rare gold name token written like an ordinary word between ordinary words ("post-war
    // ministry of interior") cannot be reached by the decoder: train towards what it can output.
    base.words!.outside.forEach((o, k) => {
      if (o) d.labels[k] = 0;
    });
    return { ...d, base, sentences: [...sentenceRanges(d.seg)], origin: origins[i]! };
  });
}

const header = (trained: Record<string, unknown>) => ({ features: FEATURE_VERSION, labels: LABELS, trained });

interface PassInputs {
  /** Feature blocks of a document. */
  featuresOf: (d: Prepared) => TagFeatures[];
}

/** Labels a model gives a document. */
function label(model: TaggerModel, d: Prepared, pass: PassInputs): Uint8Array {
  const n = d.seg.tokens.length;
  return model.decode(model.emissions(pass.featuresOf(d), n), d.sentences, n);
}

/** Trains `epochs` epochs (or, with dev, up to `epochs` keeping the best on dev; stops after 3 without a gain). */
function trainPass(docs: Prepared[], pass: PassInputs, epochs: number, dev?: { docs: Prepared[]; pass: PassInputs }): { model: TaggerModel; epoch: number; dev: Scores | null } {
  const units = docs.flatMap((d) => d.sentences.map(([a, b]) => ({ f: pass.featuresOf(d), labels: d.labels, a, b })));
  const random = rng(SEED);
  const p = new Perceptron();
  let best: { model: TaggerModel; epoch: number; dev: Scores | null } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = units.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [units[i], units[j]] = [units[j]!, units[i]!];
    }
    for (const u of units) p.train(u.f, u.a, u.b, u.labels);
    if (!dev) continue;
    const model = p.toModel(header({}), 1e-3);
    const s = score(dev.docs, (d) => documentSpans(d.seg, label(model, d as Prepared, dev.pass)));
    console.log(`  epoch ${epoch}: dev ${formatScores(s)} (${model.size} features, ${elapsed()})`);
    if (!best || s.overall!.f1 > best.dev!.overall!.f1) best = { model, epoch, dev: s };
    else if (epoch - best.epoch >= 3) break;
  }
  return best ?? { model: p.toModel(header({}), 1e-3), epoch: epochs, dev: null };
}

const trainRaw = readRawConll(resolve(values.data!, 'train.txt'));
const devRaw = readRawConll(resolve(values.data!, 'dev.txt'));
// Augmented copies of every training document (augment.ts), each in the same fold as its original.
// Two copies with different picks: one copy left single names' fate to chance.
const COPIES = 2;
const augmentRandom = rng(SEED);
const copies = Array.from({ length: COPIES }, () => trainRaw.map((d) => augmentDoc(d, augmentRandom))).flat();
const train = prepare([...trainRaw, ...copies], [...trainRaw.keys(), ...Array.from({ length: COPIES }, () => [...trainRaw.keys()]).flat()]);
// Folds are contiguous runs of documents. The file is in date order, and neighbouring documents
// often continue one story (a league's results, a crisis): folds of every fifth document would
// put a story's other instalments in training and score the tagger on names it has just seen.
const foldOf = (d: Prepared): number => Math.floor((d.origin * FOLDS) / trainRaw.length);
const dev = prepare(devRaw, [...devRaw.keys()]);
console.log(`prepared ${trainRaw.length} train documents (and ${copies.length} augmented copies) and ${dev.length} dev documents (${elapsed()})`);

const base: PassInputs = { featuresOf: (d) => [d.base] };
console.log('first pass');
const first = trainPass(train, base, Number(values.epochs), { docs: dev, pass: base });

console.log(`first-pass labels of the training set by ${FOLDS}-fold jackknifing (${first.epoch} epochs each)`);
const jack = new Map<Prepared, Uint8Array>();
for (let fold = 0; fold < FOLDS; fold++) {
  const m = trainPass(train.filter((d) => foldOf(d) !== fold), base, first.epoch).model;
  for (const d of train.filter((d) => foldOf(d) === fold)) jack.set(d, label(m, d, base));
}
const jackScore = score(train.slice(0, trainRaw.length), (d) => documentSpans(d.seg, jack.get(d as Prepared)!));
console.log(`  first pass, ${FOLDS}-fold cross-validated on train: ${formatScores(jackScore)} (${elapsed()})`);

console.log('second pass (the same features and the first pass\'s labels of the rest of the article)');
const devFirst = new Map(dev.map((d) => [d, label(first.model, d, base)]));
const secondPass = (firstPass: Map<Prepared, Uint8Array>): PassInputs => {
  const cache = new Map<Prepared, TagFeatures[]>();
  return {
    featuresOf: (d) => {
      let f = cache.get(d);
      if (!f) cache.set(d, (f = [d.base, historyFeatures(d.seg, firstPass.get(d)!)]));
      return f;
    },
  };
};
const second = trainPass(train, secondPass(jack), Number(values.epochs), { docs: dev, pass: secondPass(devFirst) });

if (values.cv) {
  // Both passes cross-validated: for each fold, a second pass trained on the other folds (their
  // jackknifed first-pass labels), scored on the fold with the labels of the first-pass model that
  // never saw it.
  const folds = new Map<Prepared, Uint8Array>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const m = trainPass(train.filter((d) => foldOf(d) !== fold), secondPass(jack), second.epoch).model;
    for (const d of train.slice(0, trainRaw.length).filter((d) => foldOf(d) === fold)) folds.set(d, label(m, d, secondPass(jack)));
  }
  console.log(`  both passes, ${FOLDS}-fold cross-validated on train: ${formatScores(score(train.slice(0, trainRaw.length), (d) => documentSpans(d.seg, folds.get(d as Prepared)!)))} (${elapsed()})`);
}

const facts = (pass: typeof first, extra: Record<string, unknown> = {}) => ({
  data: 'CoNLL-2003 train (CrossWeigh conllpp/train.txt) and two augmented copies of each document, epochs chosen on dev.txt', epochs: pass.epoch, seed: SEED,
  dev: Object.fromEntries(Object.entries(pass.dev!).map(([k, v]) => [k, Number(v.f1.toFixed(4))])), ...extra,
});
first.model.header.trained = facts(first, { cv5: Number(jackScore.overall!.f1.toFixed(4)) });
second.model.header.trained = facts(second);
for (const [pass, file] of [[first, MODEL_FILES[0]], [second, MODEL_FILES[1]]] as const) {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = pass.model.serialize();
  writeFileSync(file, bytes);
  console.log(`wrote ${file} (${(bytes.length / 1e6).toFixed(2)} MB, ${pass.model.size} features, epoch ${pass.epoch})`);
}
console.log(`dev.txt, both passes: ${formatScores(second.dev!)}; took ${elapsed()}`);
