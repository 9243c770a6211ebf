import { describe, expect, it } from 'vitest';
import { loadRegistryForTests } from './test-registry.js';
import { findEntities } from '../entities/index.js';
import { segment } from '../segment.js';
import { findQuotes } from './index.js';
import { findQuotedSpans } from './quote-marks.js';

// Fictional people and sentences written for these tests.
const registry = loadRegistryForTests();
function run(text: string) {
  const seg = segment(text);
  const entities = findEntities(seg, registry, { text, published: '2024-03-15' });
  return { quotes: findQuotes(seg, entities), entities };
}
const spans = (text: string) => findQuotedSpans(text).map((q) => text.slice(q.start, q.end));

describe('quoted spans', () => {
  it('finds every quotation-mark style', () => {
    expect(spans('He said "plain words" and “curly words” then «guillemets» and »German« and 「CJK」.')).toEqual(['plain words', 'curly words', 'guillemets', 'German', 'CJK']);
    expect(spans("She called it 'a sham' and ‘a farce’ today.")).toEqual(['a sham', 'a farce']);
  });
  it('does not take apostrophes for quotes', () => {
    expect(spans("The Koreas' leaders don't recall the '90s, rock 'n' roll or O'Brien's view.")).toEqual(['n']);
    expect(spans('Nobody’s view of the Koreas’ talks changed.')).toEqual([]);
  });
  it('keeps nested quotes inside the outer one', () => {
    expect(spans('"They called it ‘a joke,’ and “a farce,”" he said.')).toEqual(['They called it ‘a joke,’ and “a farce,”']);
  });
  it('runs an unclosed quote to its paragraph end and continues it into a paragraph opening with a mark', () => {
    const text = '“The first part is long and never closed.\n\n“The second part closes,” he said.\n\nNo quote here.';
    const q = findQuotedSpans(text);
    expect(q).toHaveLength(1);
    expect(text.slice(q[0]!.start, q[0]!.end)).toBe('The first part is long and never closed.\n\n“The second part closes,');
  });
  it("reads '' pairs as double quotes", () => {
    expect(spans("''We will not yield,'' the minister said.")).toEqual(['We will not yield,']);
  });
});

describe('findQuotes', () => {
  it('finds a speaker after the quote, inverted or not', () => {
    const a = run('Talks stalled. “We will not move an inch,” said Jonas Whitfield.').quotes;
    expect(a[0]).toMatchObject({ kind: 'direct', text: 'We will not move an inch,', speaker: { name: 'Jonas Whitfield' } });
    const b = run('“We will not move an inch,” Jonas Whitfield said.').quotes;
    expect(b[0]?.speaker?.name).toBe('Jonas Whitfield');
  });
  it('finds a speaker before the quote (colon, that)', () => {
    const q = run('Jonas Whitfield said: “The border stays closed for now.”').quotes;
    expect(q[0]).toMatchObject({ kind: 'direct', speaker: { name: 'Jonas Whitfield' } });
    const t = run('Jonas Whitfield noted that “the border stays closed for now.”').quotes;
    expect(t[0]?.speaker?.name).toBe('Jonas Whitfield');
  });
  it('gives a document\'s words to whoever issued it', () => {
    const issued = run('Jonas Whitfield issued a statement on Thursday. The statement says, "We condemn the attack in the strongest terms."').quotes;
    expect(issued[0]?.speaker).toMatchObject({ name: 'Jonas Whitfield', description: 'The statement' });
    const country = run('Chile released a report on Friday. "The border is calm," the report said.').quotes;
    expect(country[0]?.speaker).toMatchObject({ name: 'Chile', entityId: 'country:CHL' });
    const possessed = run('Marta Kovalenko’s statement came late. "The border is calm," the statement said.').quotes;
    expect(possessed[0]?.speaker?.name).toBe('Marta Kovalenko');
    // Nobody named as issuing it: the document stays a description.
    const orphan = run('A statement appeared online. "The border is calm," the statement said.').quotes;
    expect(orphan[0]?.speaker).toMatchObject({ name: null, description: 'the statement' });
  });
  it('gives both parts of a split quote one speaker', () => {
    const q = run('“The talks,” Marta Kovalenko said, “are over for this year.”').quotes;
    expect(q.map((x) => x.speaker?.name)).toEqual(['Marta Kovalenko', 'Marta Kovalenko']);
  });
  it('keeps a multi-sentence quote whole', () => {
    const q = run('“We tried. We failed. We will try again,” said Marta Kovalenko.').quotes;
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('We tried. We failed. We will try again,');
  });
  it('resolves a pronoun speaker and records the mention', () => {
    const { quotes, entities } = run('Marta Kovalenko arrived late. “Nothing has changed since spring,” she said.');
    expect(quotes[0]?.speaker?.name).toBe('Marta Kovalenko');
    const e = entities.entities.find((x) => x.name === 'Marta Kovalenko');
    expect(e?.mentions.some((m) => m.text === 'she')).toBe(true);
  });
  it('flags anonymous sources and keeps their description', () => {
    const q = run('“The order came on Friday,” said a high-level source in Varnholm.').quotes;
    expect(q[0]?.speaker).toMatchObject({ anonymous: true, name: null, description: 'a high-level source in Varnholm' });
    const o = run('Officials said the convoy had turned back before dawn.').quotes;
    expect(o[0]?.speaker).toMatchObject({ anonymous: true, name: null });
    const s = run('“We expect a reply soon,” a senior administration official told reporters.').quotes;
    expect(s[0]?.speaker?.anonymous).toBe(true);
  });
  it('finds indirect speech with the reported clause as the span', () => {
    const q = run('Jonas Whitfield warned that the ceasefire would not hold through winter.').quotes;
    expect(q[0]).toMatchObject({ kind: 'indirect', text: 'the ceasefire would not hold through winter', speaker: { name: 'Jonas Whitfield' } });
    const b = run('Jonas Whitfield said the talks failed after two days.').quotes;
    expect(b[0]?.text).toBe('the talks failed after two days');
  });
  it('reads "According to X," as a cue', () => {
    const q = run('According to Marta Kovalenko, the shipment left port on Monday.').quotes;
    expect(q[0]).toMatchObject({ kind: 'indirect', speaker: { name: 'Marta Kovalenko' } });
  });
  it('marks a short quoted phrase inside the speaker sentence as partial', () => {
    const q = run('Jonas Whitfield called the naval drills “a rehearsal for invasion” on Monday.').quotes;
    expect(q[0]).toMatchObject({ kind: 'partial', text: 'a rehearsal for invasion', speaker: { name: 'Jonas Whitfield' } });
  });
  it('drops scare quotes and quoted titles without a cue', () => {
    expect(run('The so-called “hostile policy” remains in place.').quotes).toEqual([]);
    expect(run('He appeared on “Morning Policy Hour” last week to discuss trade.').quotes.filter((q) => q.kind !== 'indirect')).toEqual([]);
  });
  it('gives a quote carried by a medium to the person who spoke', () => {
    const q = run('“The drills are a provocation,” said a statement by the vice minister carried by the state news agency.').quotes;
    expect(q[0]?.speaker?.description ?? q[0]?.speaker?.name).toBe('the vice minister');
  });
  it('gives a partial quote after "…, calling it" to the clause subject, past a dateline', () => {
    const q = run('KORVALA, March 4 (Wire) -- Marta Kovalenko on Tuesday rejected the offer, calling it “a cheap trick,” in a statement.').quotes;
    expect(q.find((x) => x.kind === 'partial')).toMatchObject({ text: 'a cheap trick,', speaker: { name: 'Marta Kovalenko' } });
  });
  it('finds the person after a capitalised title with "of" and a relative clause', () => {
    const q = run('Secretary of State Jonas Whitfield, who met envoys in Hanoi on Monday, said the allies were united.').quotes;
    expect(q[0]).toMatchObject({ kind: 'indirect', speaker: { name: 'Jonas Whitfield' } });
  });
  it('is deterministic', () => {
    const text = 'Marta Kovalenko spoke first. “We will wait,” she said. Officials said the plan was on hold.';
    expect(JSON.stringify(run(text).quotes)).toBe(JSON.stringify(run(text).quotes));
  });
});
