import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../../../core/errors.js';
import { loadRegistry } from '../../../registry/load.js';
import { candidates } from '../../../../scripts/events/candidates.js';
import { analyzeArticle } from '../../analyze.js';
import { HashBuffer } from '../../ner/hash-buffer.js';
import { keepsHit, loadTypingModel } from './classify.js';
import { hitFeatures } from './features.js';
import { TYPING_LABELS } from './model.js';

const registry = loadRegistry();
const model = loadTypingModel();

/** The one candidate event of a sentence: the typer's own best label and the type the event coder ends with. */
function typed(sentence: string): { typer: string; final: string | null } {
  const found = candidates(sentence, registry).filter((c) => c.ctx.hit.type !== 'STATEMENT');
  expect(found, sentence).toHaveLength(1);
  const { ctx } = found[0]!;
  const b = new HashBuffer();
  hitFeatures(ctx, b);
  const p = model.probabilities(b.view());
  return { typer: TYPING_LABELS[p.indexOf(Math.max(...p))]!, final: keepsHit(ctx, model) ? ctx.hit.type : null };
}

describe('learned event typer', () => {
  const clear: [string, string][] = [
    ['Troops from Mali attacked a border post in Niger at dawn.', 'ASSAULT'],
    ['The Danish prime minister visited Tallinn for two days.', 'CONSULT'],
    ['Police in Lagos detained two journalists overnight.', 'COERCE'],
    ['Thousands of nurses protested outside the health ministry.', 'PROTEST'],
    ['The rebels released four foreign engineers on Monday.', 'RETREAT'],
    ['Rwanda accused Burundi of harbouring armed groups.', 'ACCUSE'],
    ['Chad expelled the French ambassador.', 'SANCTION'],
    ['Uganda threatened to close its border with Kenya.', 'THREATEN'],
  ];

  it.each(clear)('ends with the right type for a clear case: %s', (sentence, type) => {
    expect(typed(sentence).final).toBe(type);
  });

  it('types most clear cases right on its own', () => {
    // Alone it is weaker than the rules (the event coder only lets it drop hits): 5-fold CV on the
    // hand-written examples is about 0.72 alone.
    const right = clear.filter(([sentence, type]) => typed(sentence).typer === type);
    expect(right.length).toBeGreaterThanOrEqual(6);
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
    expect(keepsHit(c!.ctx, model)).toBe(true);
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
