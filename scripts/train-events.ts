// `npm run train:events`: rebuilds the learned event typer (data/models/events.bin.gz) from the
// synthetic PLOVER stories and CoNLL-2003 sport reports in ../shared/train and the hand-written
// examples in data/training/event-examples.yaml (scripts/events/data.ts says how each becomes
// examples). Per-label thresholds are calibrated on 5-fold held-out predictions; DEV is never read.
// Deterministic (fixed order, seeded shuffles); the time taken is printed. Options: --data DIR,
// --out FILE, --limit N (first N stories and CoNLL documents, for a quick try), --cv (also the
// 5-fold cross-validated scores, with each fold's thresholds calibrated on the other folds).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataPath } from '../src/core/data-path.js';
import { MODEL_FILE } from '../src/analyze/events/typing/classify.js';
import { N_TYPING, NONE_INDEX, TYPING_LABELS } from '../src/analyze/events/typing/model.js';
import { loadRegistry } from '../src/registry/load.js';
import { build } from './events/build.js';
import { conllExamples, FOLDS, handExamples, storyExamples } from './events/data.js';
import { argmax, calibrate, finalLabel, fmt, scores } from './events/evaluate.js';
import { DEFAULTS, type Example } from './events/learner.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/train' },
    out: { type: 'string', default: MODEL_FILE },
    limit: { type: 'string' },
    cv: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const limit = values.limit ? Number(values.limit) : Infinity;
const registry = loadRegistry();

const examples: Example[] = [
  ...storyExamples(resolve(values.data!, 'plover-synthetic/stories.jsonl'), registry, limit),
  ...conllExamples(resolve(values.data!, 'conllpp/train.txt'), registry, limit),
  ...handExamples(dataPath('training', 'event-examples.yaml'), registry, (m) => console.warn(`  warning: ${m}`)),
];
const byOrigin = new Map<string, number>();
for (const e of examples) byOrigin.set(e.origin, (byOrigin.get(e.origin) ?? 0) + 1);
const byLabel = new Array<number>(N_TYPING).fill(0);
for (const e of examples) byLabel[e.label]!++;
console.log(`${examples.length} examples (${[...byOrigin].map(([o, n]) => `${o} ${n}`).join(', ')}) in ${elapsed()}`);
console.log(`  by label: ${TYPING_LABELS.map((l, k) => `${l} ${byLabel[k]}`).join(', ')}`);

const { model, oof } = build(examples, {
  data: 'plover-synthetic stories (headline, lede, same-type and background hits), CoNLL-2003 train sport reports (NONE), data/training/event-examples.yaml',
  examples: examples.length,
});

if (values.cv) {
  // Each fold's final labels use thresholds calibrated on the other folds' held-out predictions.
  const final = new Array<number>(examples.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const rest = examples.map((e, i) => i).filter((i) => examples[i]!.fold !== fold);
    const th = calibrate(rest.map((i) => examples[i]!), rest.map((i) => oof[i]!));
    examples.forEach((e, i) => {
      if (e.fold === fold) final[i] = finalLabel(e, oof[i]!, th);
    });
  }
  const report = (name: string, keep: (e: Example) => boolean): void => {
    const idx = examples.map((_, i) => i).filter((i) => keep(examples[i]!));
    const gold = idx.map((i) => examples[i]!.label);
    console.log(`${FOLDS}-fold cross-validated, ${name}:`);
    console.log(`  rules alone          ${fmt(scores(gold, idx.map((i) => examples[i]!.rule)))}`);
    console.log(`  typer alone (argmax) ${fmt(scores(gold, idx.map((i) => argmax(oof[i]!))))}`);
    console.log(`  rules + typer        ${fmt(scores(gold, idx.map((i) => final[i]!)))}`);
  };
  report('all examples', () => true);
  report('headlines and ledes (label = the story\'s type)', (e) => e.origin === 'title' || e.origin === 'lede');
  report('hand-written examples', (e) => e.origin === 'hand');
  // The hits the typer dropped, by source: right (no event), wrong (the rule was right), neither.
  const moves = new Map<string, [number, number, number]>();
  examples.forEach((e, i) => {
    if (final[i] !== NONE_INDEX || e.rule === NONE_INDEX) return;
    const m = moves.get(e.origin) ?? [0, 0, 0];
    m[e.label === NONE_INDEX ? 0 : e.label === e.rule ? 1 : 2]++;
    moves.set(e.origin, m);
  });
  console.log(`  dropped (right / wrong / neither): ${[...moves].map(([o, [a, b, c]]) => `${o} ${a}/${b}/${c}`).join(', ')}`);
}

console.log(`"no event" threshold: ${model.header.thresholds.NONE}`);
mkdirSync(dirname(values.out!), { recursive: true });
const bytes = model.serialize();
writeFileSync(values.out!, bytes);
console.log(`wrote ${values.out} (${(bytes.length / 1e6).toFixed(2)} MB, ${model.size} features, ${DEFAULTS.epochs} epochs); took ${elapsed()}`);
