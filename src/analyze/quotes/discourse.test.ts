import { describe, expect, it } from 'vitest';
import { findEntities } from '../entities/index.js';
import { segment } from '../segment.js';
import { findQuotes, titleEnd } from './index.js';
import { loadRegistryForTests } from './test-registry.js';

// Invented people, places and articles written for these tests.
const registry = loadRegistryForTests();
function run(text: string, title: string | null = null) {
  const seg = segment(text);
  const entities = findEntities(seg, registry, { text, published: '2024-03-15', title });
  return findQuotes(seg, entities, { title }).filter((q) => q.kind !== 'indirect');
}
const names = (text: string, title: string | null = null) => run(text, title).map((q) => q.speaker?.name ?? null);

describe('attribution across paragraphs', () => {
  it('gives a quote paragraph to whoever "X said:" or "X told reporters," introduced', () => {
    const colon = 'The talks in Korvala ended late on Monday. Marta Kovalenko said:\n\n“We have not agreed on anything yet, and we will not pretend otherwise.”';
    expect(names(colon)).toEqual(['Marta Kovalenko']);
    const comma = 'After the vote, Jonas Whitfield told reporters,\n\n“The port will stay open for as long as the ceasefire holds.”';
    expect(names(comma)).toEqual(['Jonas Whitfield']);
    const inStatement = 'Jonas Whitfield said in a statement:\n\n“The port will stay open for as long as the ceasefire holds.”';
    expect(names(inStatement)).toEqual(['Jonas Whitfield']);
  });

  it('reads "a statement by X:" as naming the author', () => {
    const text = 'Late on Friday the ministry published a statement by Foreign Minister Arvid Holm:\n\n“Our patience with these provocations has limits, and those limits are near.”';
    expect(names(text)).toEqual(['Arvid Holm']);
  });

  it('keeps one speaker through a statement set off in several paragraphs', () => {
    const text = [
      'Arvid Holm said:',
      '“The first part of the statement runs on and is never closed here.',
      '“The second part closes the quotation.”',
      '“A third paragraph follows with no attribution of its own.”',
      'Trade figures were released the same day.',
    ].join('\n\n');
    const q = run(text);
    expect(q.map((x) => x.speaker?.name)).toEqual(['Arvid Holm', 'Arvid Holm']);
    expect(q[0]!.text).toContain('second part');
  });

  it('gives a quote paragraph to the speaker the paragraph before reports', () => {
    const text = 'The border crossing will reopen next week, Marta Kovalenko said on Tuesday.\n\n“Nobody gains from a closed border, least of all the farmers on either side.”';
    expect(names(text)).toEqual(['Marta Kovalenko']);
    const inverted = 'The border crossing will reopen next week, said Marta Kovalenko.\n\n“Nobody gains from a closed border, least of all the farmers on either side.”';
    expect(names(inverted)).toEqual(['Marta Kovalenko']);
    // A noun that looks like a verb reports nobody's words.
    const noun = 'Those reports worried the markets in Korvala.\n\n“Nobody gains from a closed border, least of all the farmers on either side.”';
    expect(names(noun)).toEqual([null]);
  });
});

describe("the statement's author", () => {
  it('resolves "the spokesman said" to the spokesman named before and his institution', () => {
    const text = [
      '“The exercise is a rehearsal for an invasion,” a spokesman for the Korvala Defence Ministry said in a statement.',
      'The drills began on Monday.',
      '“We will answer every provocation,” the spokesman said.',
    ].join('\n\n');
    const q = run(text);
    expect(q[0]?.speaker?.name).toMatch(/Korvala Defence Ministry|Defence Ministry/);
    expect(q[1]?.speaker?.name).toBe(q[0]?.speaker?.name);
  });

  it('gives "the statement said" to the speaker who spoke in a statement', () => {
    const text = [
      '“The border stays closed,” Marta Kovalenko said in a statement on Thursday.',
      'Shops in the capital were shut.',
      '“Nobody should travel to the region this week,” the statement said.',
    ].join('\n\n');
    expect(names(text)).toEqual(['Marta Kovalenko', 'Marta Kovalenko']);
  });

  it('reads "X was quoted as saying" and "the agency quoted X as saying"', () => {
    expect(names('“We will not move an inch,” Jonas Whitfield was quoted as saying by a local newspaper.')).toEqual(['Jonas Whitfield']);
    expect(names('The newspaper quoted Jonas Whitfield as saying, “We will not move an inch from this position.”')).toEqual(['Jonas Whitfield']);
  });
});

describe('outlets and headlines', () => {
  it('hands a statement an outlet carried to its author', () => {
    const text = [
      '“The border stays closed,” Marta Kovalenko said in a statement carried by the Korvala News Agency.',
      '“Nobody should travel to the region this week,” the Korvala News Agency said.',
    ].join('\n\n');
    expect(names(text)).toEqual(['Marta Kovalenko', 'Marta Kovalenko']);
  });

  it('never gives a quote to the wire named in the dateline', () => {
    const text = 'KORVALA, March 4 (Korvala News Agency) - Shops stayed shut on Monday.\n\n“Nobody should travel to the region this week,” the Korvala News Agency said.';
    const q = run(text);
    expect(q[0]?.speaker?.name ?? null).toBeNull();
  });

  it('does not give a body quote to a name found only in the headline', () => {
    const title = 'Kovalenko rejects the offer from Norland';
    const text = `${title}\n\nThe offer came late on Friday.\n\n“It is a cheap trick and nothing more,” she said.`;
    expect(titleEnd(text, title)).toBe(title.length);
    expect(names(text, title)[0]).not.toBe('Marta Kovalenko');
    expect(names(text, title)[0]).not.toBe('Kovalenko');
  });
});
