import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.js';
import type { Actor } from '../registry/types.js';
import { analyzeArticle } from './analyze.js';

// Personnel moves read from titles around people; the names are invented.
const registry = loadRegistry();
const roles = (text: string) => analyzeArticle({ text, published: '2024-05-20' }, registry).roles;

describe('observeRoles', () => {
  it('records an appointment with the date the sentence gives', () => {
    const [obs] = roles('On May 3, Odile Marchetti was appointed Special Envoy for Maritime Affairs, officials said.');
    expect(obs).toMatchObject({ person: 'Odile Marchetti', change: 'appointed', date: '2024-05-03' });
  });

  it('records that a person keeps a post, dated by publication when the sentence has no date', () => {
    const [obs] = roles('Deputy Minister Teodor Vask will keep his job despite the scandal.');
    expect(obs).toMatchObject({ person: 'Teodor Vask', title: 'Deputy Minister', change: 'kept', date: '2024-05-20' });
  });

  it('records a punishment even when the sentence repeats no title', () => {
    const obs = roles('Vice Minister Arvo Peltonen led the delegation. Peltonen was later punished for the failure.');
    expect(obs.map((o) => o.change)).toContain('punished');
  });

  it('marks a former post as former', () => {
    const [obs] = roles('Former Ambassador Ilse Brandvold said the talks would fail.');
    expect(obs).toMatchObject({ person: 'Ilse Brandvold', change: 'former', title: 'Ambassador' });
  });

  it('does not read rejecting an offer or an unnamed source as a personnel change', () => {
    const obs = roles('Deputy Minister Teodor Vask dismissed the offer as a trick. An aide who declined to be named said Vask was angry.');
    expect(obs.map((o) => o.change)).not.toContain('dismissed');
    expect(obs.map((o) => o.change)).not.toContain('appointed');
  });

  it('gives the same observations for the same text', () => {
    const text = 'Trade Minister Odile Marchetti was dismissed on Friday. Teodor Vask was named to replace her.';
    expect(JSON.stringify(roles(text))).toBe(JSON.stringify(roles(text)));
  });
});

describe('observeRoles: only what the text states', () => {
  it('records a title for the person it is written with, not wherever the same words occur', () => {
    const text = 'Chilean Foreign Minister Rodrigo Valdivieso Mena arrived on Monday. Valdivieso later met Foreign Minister Rosa Elena Quispe of Peru.';
    const obs = roles(text).map((o) => [o.person, o.title, o.sentence.text.slice(0, 12)]);
    expect(obs).toEqual([
      ['Rodrigo Valdivieso Mena', 'Foreign Minister', 'Chilean Fore'],
      ['Rosa Elena Quispe', 'Foreign Minister', 'Valdivieso l'],
    ]);
  });

  it('records the country and institution the text gives an unknown person', () => {
    const [obs] = roles('NATO Secretary General Lars Hovland Berg welcomed the deal.');
    expect(obs).toMatchObject({ person: 'Lars Hovland Berg', title: 'Secretary General', org: 'North Atlantic Treaty Organization', country: null });
  });

  it('keeps a title that conflicts with the registry as an observation, and leaves the registry as it was', () => {
    const extra = [{ id: 'person:test-amina-odhiambo', type: 'person', name: 'Amina Wanjiru Odhiambo', aliases: [], country: 'KEN', roles: [{ title: 'Foreign Minister', start: '2023' }] } as Actor];
    const reg = loadRegistry({ extra });
    const before = JSON.stringify(reg.get('person:test-amina-odhiambo'));
    const { roles: obs } = analyzeArticle({ text: 'Prime Minister Amina Wanjiru Odhiambo spoke in Nairobi.', published: '2024-05-20' }, reg);
    expect(obs).toMatchObject([{ personId: 'person:test-amina-odhiambo', title: 'Prime Minister', change: 'holds' }]);
    expect(JSON.stringify(reg.get('person:test-amina-odhiambo'))).toBe(before);
  });
});
