import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.js';
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
