// The event typer's training (scripts/events) is deterministic: the same examples give the same
// model bytes, and the seed is what decides (another seed gives other bytes).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/events/build.js';
import { handExamples } from '../scripts/events/data.js';
import { DEFAULTS } from '../scripts/events/learner.js';
import { TYPING_LABELS } from '../src/analyze/events/typing/model.js';
import { loadRegistry } from '../src/registry/load.js';

const FIXTURE = `
version: 1
examples:
  - [CONSULT, visited, "The Irish president visited Lisbon on Monday."]
  - [CONSULT, met, "The two foreign ministers met in Oslo."]
  - [CONSULT, held talks, "Envoys held talks in Geneva about the dam."]
  - [ASSAULT, attacked, "Gunmen attacked a convoy on the coast road."]
  - [ASSAULT, shelled, "Artillery shelled the northern suburbs."]
  - [ASSAULT, killed, "An airstrike killed six fighters near the river."]
  - [COERCE, arrested, "Police arrested the union leader at dawn."]
  - [COERCE, detained, "Guards detained two reporters at the border."]
  - [COERCE, seized, "Customs officers seized a cargo of rifles."]
  - [NONE, "", "The striker scored as Ajax beat Utrecht 2-0."]
  - [NONE, "", "Sign up for our newsletter for daily updates."]
`;

describe('train:events determinism', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-evtype-'));
  const file = join(dir, 'examples.yaml');
  writeFileSync(file, FIXTURE);
  const registry = loadRegistry();
  const examples = handExamples(file, registry);
  const opt = { ...DEFAULTS, epochs: 4 };

  it('builds the same bytes twice, and other bytes with another seed', () => {
    expect(examples.length).toBeGreaterThanOrEqual(11);
    const a = build(examples, { data: 'fixture' }, opt).model.serialize();
    const b = build(handExamples(file, registry), { data: 'fixture' }, opt).model.serialize();
    expect(a.equals(b)).toBe(true);
    const c = build(examples, { data: 'fixture' }, { ...opt, seed: opt.seed + 1 }).model.serialize();
    expect(a.equals(c)).toBe(false);
  });

  it('learns its own examples', () => {
    const { model } = build(examples, { data: 'fixture' }, opt);
    const right = examples.filter((e) => {
      const p = model.probabilities(e.withRule);
      return TYPING_LABELS[p.indexOf(Math.max(...p))] === TYPING_LABELS[e.label];
    });
    expect(right.length).toBe(examples.length);
  });
});
