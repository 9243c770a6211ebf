import { describe, expect, it } from 'vitest';
import type { AnalysisEvent, EventType } from '../types.js';
import { oneReportPerHappening } from './happenings.js';

let at = 0;
const actor = (name: string | null, country: string | null = null) => ({ name, entityId: null, country });
function ev(type: EventType, source: string, target: string | null, date: string | null, extra: Partial<AnalysisEvent> = {}): AnalysisEvent {
  const start = (at += 100);
  return {
    id: '', date, type, source: actor(source), target: target ? actor(target) : null, intensity: -5,
    sentence: { start, end: start + 50, text: `sentence at ${start}` }, ...extra,
  };
}

describe('one report per happening per article', () => {
  it('folds the lede and later mentions of the headline act into the first mention, with the most precise date', () => {
    const out = oneReportPerHappening([
      ev('THREATEN', 'Arvid Holm', 'Norland', null),
      ev('THREATEN', 'Arvid Holm', 'Norland', '2024-03-05'),
      ev('THREATEN', 'Arvid Holm', null, '2024-03'),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]!.date).toBe('2024-03-05');
    expect(out[0]!.evidence).toHaveLength(2);
  });

  it('keeps acts of other actors, other targets, other days and other types apart', () => {
    const out = oneReportPerHappening([
      ev('ASSAULT', 'Norland', 'Sudria', '2024-03-05'),
      ev('ASSAULT', 'Sudria', 'Norland', '2024-03-05'),
      ev('ASSAULT', 'Norland', 'Vestmark', '2024-03-05'),
      ev('ASSAULT', 'Norland', 'Sudria', '2024-03-07'),
      ev('SANCTION', 'Norland', 'Sudria', '2024-03-05'),
    ]);
    expect(out).toHaveLength(5);
  });

  it('keeps a negated mention apart from the act', () => {
    expect(oneReportPerHappening([ev('CONSULT', 'Norland', 'Sudria', null), ev('CONSULT', 'Norland', 'Sudria', null, { negated: true })])).toHaveLength(2);
  });

  it('reads one speaker\'s claims as one occasion, under the first claim\'s type', () => {
    const out = oneReportPerHappening([
      ev('ACCUSE', 'Arvid Holm', 'Sudria', '2024-03-05'),
      ev('THREATEN', 'Arvid Holm', 'Sudria', '2024-03-05'),
      ev('REJECT', 'Arvid Holm', 'Sudria', '2024-03'),
    ]);
    expect(out.map((e) => e.type)).toEqual(['ACCUSE']);
    expect(out[0]!.evidence).toHaveLength(2);
  });

  it('folds an act named in the speaker\'s own quoted words into what the speaker said', () => {
    const out = oneReportPerHappening([
      ev('THREATEN', 'Arvid Holm', 'Sudria', '2024-03-05'),
      ev('ASSAULT', 'Arvid Holm', 'Vestmark', '2024-03', { quote: 'we will strike back at anyone who attacks us' }),
      ev('ASSAULT', 'Arvid Holm', 'Vestmark', '2024-03'),
    ]);
    expect(out.map((e) => e.type)).toEqual(['THREATEN', 'ASSAULT']);
  });

  it('leaves a claim without a day apart when the article gives the speaker words on two days', () => {
    const out = oneReportPerHappening([
      ev('THREATEN', 'Arvid Holm', 'Sudria', '2024-03-05'),
      ev('ACCUSE', 'Arvid Holm', 'Sudria', '2024-03-03'),
      ev('STATEMENT', 'Arvid Holm', null, '2024-03'),
    ]);
    expect(out).toHaveLength(3);
  });

  it('reads one actor\'s triggers in one sentence as one happening, a bare statement giving way to the act', () => {
    const sentence = { start: 5000, end: 5100, text: 'Norland said it was weighing a strike on Sudria and warned of war.' };
    const out = oneReportPerHappening([
      ev('STATEMENT', 'Norland', null, '2024-03-05', { sentence }),
      ev('ASSAULT', 'Norland', 'Sudria', '2024-03-05', { sentence }),
      ev('THREATEN', 'Norland', 'Sudria', '2024-03-05', { sentence }),
    ]);
    expect(out.map((e) => e.type)).toEqual(['ASSAULT']);
  });

  it('keeps two acts of one actor in one sentence apart when neither is a statement', () => {
    const sentence = { start: 7000, end: 7100, text: 'Norland captured the pilot on Monday and freed him on Friday.' };
    expect(oneReportPerHappening([ev('COERCE', 'Norland', 'Sudria', null, { sentence }), ev('RETREAT', 'Norland', 'Sudria', null, { sentence })])).toHaveLength(2);
  });

  it('keeps one sentence\'s acts of one actor apart when they are done to different targets', () => {
    const sentence = { start: 6000, end: 6100, text: 'Norland shelled Sudria and held talks with Vestmark.' };
    const out = oneReportPerHappening([ev('ASSAULT', 'Norland', 'Sudria', null, { sentence }), ev('CONSULT', 'Norland', 'Vestmark', null, { sentence })]);
    expect(out).toHaveLength(2);
  });

  it('folds mentions that name no actor into the article\'s act of that type, which lends them its source', () => {
    const nobody = { name: null, entityId: null, country: null };
    const sudria = { name: 'Sudria', entityId: null, country: 'SUD' };
    const out = oneReportPerHappening([
      ev('ASSAULT', 'x', null, '2024-03-05', { source: nobody, target: sudria }),
      ev('ASSAULT', 'Norland', null, '2024-03-05', { target: sudria }),
      ev('ASSAULT', 'x', 'Convoy', null, { source: nobody }),
      ev('ASSAULT', 'x', null, '2024-03-05', { source: nobody, target: { name: 'Vestmark', entityId: null, country: 'VST' } }),
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]!.source.name).toBe('Norland');
    expect(out[0]!.evidence).toHaveLength(2);
    expect(out[1]!.target?.country).toBe('VST');
  });

  it('never leaves a folded report acting on itself', () => {
    const nobody = { name: null, entityId: null, country: null };
    const out = oneReportPerHappening([ev('THREATEN', 'x', 'Arvid Holm', null, { source: nobody }), ev('THREATEN', 'Arvid Holm', null, null)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.source.name).toBe('Arvid Holm');
    expect(out[0]!.target).toBeNull();
  });
});
