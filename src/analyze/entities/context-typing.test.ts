import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.js';
import { segment } from '../segment.js';
import type { Entity } from '../types.js';
import { findEntities } from './index.js';

// Unknown names typed from their surroundings; every name here is invented.
const registry = loadRegistry();
const entities = (text: string): Entity[] => findEntities(segment(text), registry, { text, published: '2024-03-15' }).entities;
const typeOf = (text: string, name: string) => entities(text).find((e) => e.mentions.some((m) => m.text === name))?.type;

describe('typing unknown names from context', () => {
  it('reads a hyphenated romanised name as one mention', () => {
    const text = 'Kim Yo-jong issued a statement.';
    expect(entities(text).find((e) => e.type === 'person')?.mentions.map((m) => m.text)).toEqual(['Kim Yo-jong']);
  });

  it('types the members of a list of people as people', () => {
    const text = 'The squad: Dr. Arvo Peltonen, Odile Marchetti, Teodor Vask and Ilse Brandvold.';
    for (const name of ['Odile Marchetti', 'Teodor Vask', 'Ilse Brandvold']) expect(typeOf(text, name)).toBe('person');
  });

  it('reads a name in brackets after a person as their party or club', () => {
    // A bare word in brackets is as often a country or town ("(Kenya)"): the tagger reads context.
    // ("Nordic Union" would be no test: CoNLL writes "Soviet Union" as a place.)
    expect(typeOf('Lawmaker Ana Kovar (Liberal Alliance) voted against the bill.', 'Liberal Alliance')).toBe('organization');
    expect(typeOf('Defender Arvo Peltonen (Vaskaby United) was recalled.', 'Vaskaby United')).toBe('organization');
  });

  it('reads an all-capitals word opening a paragraph before a comma as a dateline place', () => {
    expect(typeOf('KORVALA, March 3 - The talks resumed.', 'KORVALA')).toBe('place');
    expect(typeOf('SOCCER - Korvala United won again.', 'SOCCER')).not.toBe('place');
  });

  it('links the short form of an organisation to its full name', () => {
    const ents = entities('Brandvold Mining Corp raised its bid. Brandvold said the offer was final.');
    const org = ents.find((e) => e.type === 'organization');
    expect(org?.mentions.map((m) => m.text)).toEqual(['Brandvold Mining Corp', 'Brandvold']);
  });

  it('splits a long title at its last role word', () => {
    const e = entities('Overseas Development Minister Odile Marchetti spoke first.').find((x) => x.type === 'person');
    expect(e).toMatchObject({ name: 'Odile Marchetti' });
    expect(e?.roles).toEqual(['Overseas Development Minister']);
  });

  it('reads a name next to a score as a team', () => {
    expect(typeOf('Result: Korvala Rovers 2 Vaskaby 1', 'Vaskaby')).toBe('organization');
  });

  it('keeps a state\'s bare code and reads no territory\'s code as its name', () => {
    expect(entities('Vaskaby rejected the US offer of talks.').some((e) => e.id === 'country:USA')).toBe(true);
    expect(entities('Korvala Rovers 2 Vaskaby 1. GF 10 GA 4').some((e) => e.id === 'country:GUF')).toBe(false);
    expect(entities('The vote closes at 5:30 p.m. (EST) on Friday.').some((e) => e.id === 'country:EST')).toBe(false);
  });

  it('finds states, regions and seas from the registry', () => {
    const ents = entities('Ships crossed the Yellow Sea while officials in Colorado and across the Middle East watched.');
    expect(ents.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['Colorado', 'Middle East', 'Yellow Sea']);
  });
});
