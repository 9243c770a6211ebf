import { describe, expect, it } from 'vitest';
import { entityLexicon } from '../entities/lexicon.js';
import { scanRegistry } from '../entities/registry-scan.js';
import { shoutedSentences } from '../entities/tokens.js';
import { loadRegistry } from '../../registry/load.js';
import { segment } from '../segment.js';
import { allowed, beginOf, insideOf, LABELS, N_LABELS, spansOf } from './labels.js';
import { constrained, TaggerModel, viterbi } from './model.js';
import { forceOutside } from './features.js';
import { historyFeatures } from './history.js';
import { loadTagger, tagFeatures, tagSpans } from './tagger.js';

const registry = loadRegistry();
const lex = entityLexicon();
const spans = (text: string) => {
  const seg = segment(text);
  const shouted = shoutedSentences(seg);
  return tagSpans(seg, tagFeatures(seg, registry, lex, scanRegistry(seg, registry, shouted), shouted)).map((s) => ({
    text: text.slice(seg.tokens[s.start]!.start, seg.tokens[s.end - 1]!.end),
    type: s.type,
  }));
};

describe('labels', () => {
  it('reads spans from BIO labels, a stray I- opening a span', () => {
    const labels = [beginOf('PER'), insideOf('PER'), 0, insideOf('LOC'), beginOf('ORG'), beginOf('ORG')];
    expect(spansOf(labels)).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'ORG' },
      { start: 5, end: 6, type: 'ORG' },
    ]);
  });

  it('allows I- only after B- or I- of its type', () => {
    expect(allowed(beginOf('PER'), insideOf('PER'))).toBe(true);
    expect(allowed(0, insideOf('PER'))).toBe(false);
    expect(allowed(beginOf('ORG'), insideOf('PER'))).toBe(false);
  });
});

describe('decoding', () => {
  it('never emits I- after O, even when the emission prefers it', () => {
    const em = new Float32Array(2 * N_LABELS);
    em[0] = 10; // token 0: clearly O
    em[N_LABELS + insideOf('PER')] = 5; // token 1: I-PER scores best on its own
    em[N_LABELS + beginOf('PER')] = 1;
    const tr = constrained(new Float32Array((N_LABELS + 1) * N_LABELS));
    expect([...viterbi(em, 2, tr)]).toEqual([0, beginOf('PER')]);
  });

  it('round-trips a model through its file format', () => {
    const model = loadTagger().first;
    const copy = TaggerModel.deserialize(model.serialize());
    expect(copy.size).toBe(model.size);
    expect(copy.header.labels).toEqual(LABELS);
    const seg = segment('Foreign Minister Ana Ruiz met officials in Lima.');
    const shouted = shoutedSentences(seg);
    const f = tagFeatures(seg, registry, lex, scanRegistry(seg, registry, shouted), shouted);
    const n = seg.tokens.length;
    expect([...copy.decode(copy.emissions([f], n), [[0, n]], n)]).toEqual([...model.decode(model.emissions([f], n), [[0, n]], n)]);
  });

  it('scores both passes from the shared table exactly as each model does alone', () => {
    const { first, second, pair } = loadTagger();
    const seg = segment('Defence Minister Tomasz Wrona met Wrona Holdings in Gdansk. Wrona said talks went well.');
    const shouted = shoutedSentences(seg);
    const f = tagFeatures(seg, registry, lex, scanRegistry(seg, registry, shouted), shouted);
    const n = seg.tokens.length;
    const [a, b] = pair.baseEmissions(f, n);
    expect([...a]).toEqual([...first.emissions([f], n)]);
    const history = historyFeatures(seg, first.decode(a, [[0, n]], n));
    second.addBlock(history, n, b);
    forceOutside(b, f.words!, N_LABELS);
    expect([...b]).toEqual([...second.emissions([f, history], n)]);
  });
});

describe('the shipped tagger', () => {
  it('finds people, organisations and places in sentences it has never seen', () => {
    const found = spans('Defence Minister Tomasz Wrona told the Baltic Energy Authority in Gdansk that talks would resume.');
    expect(found).toContainEqual({ text: 'Tomasz Wrona', type: 'PER' });
    expect(found).toContainEqual({ text: 'Baltic Energy Authority', type: 'ORG' });
    expect(found).toContainEqual({ text: 'Gdansk', type: 'LOC' });
  });

  it('keeps names with diacritics, hyphenated given names and Arabic particles whole', () => {
    const found = spans('Çağlar Öztürkmen met Ri Chol-gwang and Hamid al-Rashidi in Ankara on Monday.');
    expect(found.filter((s) => s.type === 'PER').map((s) => s.text)).toEqual(['Çağlar Öztürkmen', 'Ri Chol-gwang', 'Hamid al-Rashidi']);
  });

  it('runs a name on over a hyphenated syllable, not over an English compound', () => {
    const people = spans('Envoy Pak Sok-chol met Jo Yong-won after the Kim-led delegation left.').filter((s) => s.type === 'PER').map((s) => s.text);
    expect(people).toEqual(expect.arrayContaining(['Pak Sok-chol', 'Jo Yong-won']));
    expect(people).not.toContain('Kim-led');
  });

  it('keeps caption and credit words out of names', () => {
    const people = spans('Foreign Minister Tomasz Wrona Credit: Piotr Malek/Reuters\nFile photo of Hamid al-Rashidi Credit Getty Images')
      .filter((s) => s.type === 'PER')
      .map((s) => s.text);
    expect(people).toEqual(expect.arrayContaining(['Tomasz Wrona', 'Hamid al-Rashidi']));
    expect(people.some((p) => /Credit|Photo|Getty/.test(p))).toBe(false);
  });

  it('ends names at handles and stray symbols, and drops spans without a capital', () => {
    const found = spans('Minister Ana Ruiz (@anaruiz_gov) spoke ─ watch link here.').map((s) => s.text);
    expect(found).toContain('Ana Ruiz');
    expect(found.some((t) => /@|─|link/.test(t))).toBe(false);
  });

  it('does not run a name across a bracket', () => {
    const found = spans('Midfielder Tiago Ramalho (Porto) scored twice.');
    expect(found.map((s) => s.text)).not.toContain('Tiago Ramalho (Porto');
    expect(found).toContainEqual({ text: 'Tiago Ramalho', type: 'PER' });
  });
});
