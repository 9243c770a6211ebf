import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.js';
import { analyzeArticle } from './analyze.js';

// Input a feed or a broken page can deliver: analysis must end and return a well-formed result.
// (Time is measured by the benchmarks, not here.)
const registry = loadRegistry();
const analyze = (text: string) => analyzeArticle({ text, published: '2024-01-15' }, registry);

describe('analysis of hostile input', () => {
  it('reads a 1 MB text without a single full stop', () => {
    const words = ['Minister', 'Vask', 'said', 'the', 'Iran', 'talks', 'would', 'continue', 'and', 'Seoul'];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += words[i % words.length] + (i % 7 ? ' ' : ', ');
    const a = analyze(text);
    expect(a.entities.some((e) => e.id === 'country:IRN')).toBe(true);
  }, 120_000);

  it('reads text written all in capitals', () => {
    const a = analyze('FOREIGN MINISTER TOMASZ WRONA SAID ON TUESDAY THAT WARSAW WOULD RESPOND TO MOSCOW. '.repeat(500));
    expect(a.document.text.length).toBeGreaterThan(0);
    expect(a.entities.length).toBeGreaterThan(0);
  });

  it('reads text in scripts it has no model for', () => {
    const text = '북한 외무성 대변인은 화요일 성명을 발표했다. Министр иностранных дел заявил. وقال وزير الخارجية '.repeat(1000);
    const a = analyze(text);
    expect(a.document.text).toBe(text);
    // Whatever it finds points into the text it was given.
    for (const m of a.entities.flatMap((e) => e.mentions)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
