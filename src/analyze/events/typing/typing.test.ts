import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../../../core/errors.js';
import { loadRegistry } from '../../../registry/load.js';
import { candidates } from '../../../../scripts/events/candidates.js';
import { analyzeArticle } from '../../analyze.js';
import { HashBuffer } from '../../ner/hash-buffer.js';
import { loadTypingModel, typeHit } from './classify.js';
import { hitFeatures } from './features.js';
import { TYPING_LABELS } from './model.js';

const registry = loadRegistry();
const model = loadTypingModel();

/** The typer's own best label for the one candidate event of a sentence (with the rule's vote among its features). */
function typerLabel(sentence: string): string {
  const found = candidates(sentence, registry).filter((c) => c.ctx.hit.type !== 'STATEMENT');
  expect(found, sentence).toHaveLength(1);
  const b = new HashBuffer();
  hitFeatures(found[0]!.ctx, b);
  const p = model.probabilities(b.view());
  return TYPING_LABELS[p.indexOf(Math.max(...p))]!;
}

describe('learned event typer', () => {
  it.each([
    ['Troops from Mali attacked a border post in Niger at dawn.', 'ASSAULT'],
    ['The Danish prime minister visited Tallinn for two days.', 'CONSULT'],
    ['Police in Lagos detained two journalists overnight.', 'COERCE'],
    ['Thousands of nurses protested outside the health ministry.', 'PROTEST'],
    ['The rebels released four foreign engineers on Monday.', 'RETREAT'],
    ['Rwanda accused Burundi of harbouring armed groups.', 'ACCUSE'],
    ['Chad expelled the French ambassador.', 'SANCTION'],
    ['Uganda threatened to close its border with Kenya.', 'THREATEN'],
  ])('types a clear case: %s', (sentence, type) => {
    expect(typerLabel(sentence)).toBe(type);
  });

  it('drops a byline as no event, and keeps the event next to it', () => {
    const byline = 'By Ines Moreau | 8:20 a.m. GMT | a summit in Geneva';
    // The rules alone read a meeting here.
    expect(candidates(byline, registry).map((c) => c.ctx.hit.type)).toContain('CONSULT');
    const text = [byline, 'Chad expelled the French ambassador on Tuesday.'].join('\n\n');
    const events = analyzeArticle({ text, published: '2024-05-02' }, registry).events;
    expect(events.map((e) => [e.type, e.trigger?.text])).toEqual([['SANCTION', 'expelled']]);
  });

  it('leaves STATEMENT hits to the rules', () => {
    const c = candidates('Kenya said on Monday it was disappointed.', registry).find((x) => x.ctx.hit.type === 'STATEMENT');
    expect(c).toBeDefined();
    expect(typeHit(c!.ctx, model)).toEqual({ kind: 'keep' });
  });

  it('names the missing model file and the command that rebuilds it', () => {
    try {
      loadTypingModel('/nonexistent/events.bin.gz');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReadoutError);
      expect((e as ReadoutError).message).toContain('/nonexistent/events.bin.gz');
      expect((e as ReadoutError).hint).toContain('npm run train:events');
    }
  });
});
