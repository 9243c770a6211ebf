import { describe, expect, it } from 'vitest';
import { PRK, USA, report } from '../events/fixtures.js';
import { mergedFields } from '../events/merge.js';
import type { TimelineEntry } from '../events/timeline.js';
import type { EventReport, ResponseLink } from '../events/types.js';
import type { PersonnelChange } from '../insights/personnel.js';
import type { Actor } from '../registry/types.js';
import { assembleBrief, isMeeting, isSpeechAct, itemLabel, mainCounterparts, personnelOfFocus } from './assemble.js';
import { actorWeigher, coverage, RANKING_FORMULA, scoreParts, totalScore, WEIGHTS } from './rank.js';
import type { BriefInput } from './types.js';

const CHN = { name: 'China', entityId: 'country:CHN', country: 'CHN', institution: null };
const JPN = { name: 'Japan', entityId: 'country:JPN', country: 'JPN', institution: null };

function entry(id: number, over: Partial<EventReport>, links: Partial<ResponseLink>[] = [], reports = 1): TimelineEntry {
  const list = Array.from({ length: reports }, () => report({ anchor: over.date ?? '2026-03-02', seenAt: `${over.date ?? '2026-03-02'}T12:00:00Z`, ...over }));
  return { event: { id, ...mergedFields(list) }, reports: list, respondsTo: links.map((l) => ({ eventId: id, respondsTo: 0, rule: 'cue', confidence: 0.8, articleId: 1, sentence: 's', cue: null, ...l })) };
}

function change(over: Partial<PersonnelChange> & { articleId: number }): PersonnelChange {
  const { articleId, ...rest } = over;
  return {
    date: '2026-03-03', person: 'Pak Chol-jun', personKey: 'name:pak chol jun', title: 'Vice Foreign Minister', change: 'dismissed', institution: { id: null, name: '(institution not named)' },
    evidence: { articleId, url: `https://a.example/${articleId}`, outlet: 'Capital Courier', date: '2026-03-03', sentence: 'Vice Foreign Minister Pak Chol-jun was dismissed.' }, ...rest,
  };
}

const offer = entry(1, { date: '2026-03-02', type: 'AGREE', mode: 'intent', source: USA, target: PRK, intensity: 2.5, sentence: 'The US offered talks.', trigger: 'offered' }, [], 3);
const rejection = entry(2, { date: '2026-03-04', type: 'REJECT', source: PRK, target: USA, intensity: -4, quote: 'We will never accept <script>alert(1)</script>' }, [{ respondsTo: 1, rule: 'cue', cue: 'in response to', confidence: 0.82 }]);
const aid = entry(3, { date: '2026-03-03', type: 'AID', source: USA, target: PRK, intensity: 7.4, modality: 'hypothetical', sentence: 'The US would provide aid.' });
const meeting = entry(4, { date: '2026-03-05', type: 'CONSULT', source: PRK, target: CHN, intensity: 1 });
const elsewhere = entry(5, { date: '2026-03-05', type: 'ASSAULT', source: CHN, target: JPN, intensity: -9 });
const threat = entry(6, { date: '2026-03-05', type: 'THREATEN', source: PRK, target: USA, intensity: -6, quote: 'We will retaliate with force against provocations', trigger: 'threatened' });
const oldThreat = entry(7, { date: '2026-02-10', type: 'THREATEN', source: PRK, target: USA, intensity: -6, quote: 'We will retaliate with force against any provocations', trigger: 'threatened' });

const input: BriefInput = {
  since: '2026-03-01', until: '2026-03-07', focus: 'PRK', generatedAt: '2026-03-08T06:00:00Z',
  entries: [offer, aid, rejection, meeting, elsewhere, threat], earlier: [oldThreat],
  personnel: [change({ articleId: 40 }), change({ articleId: 41, person: 'Mei Lan', personKey: 'name:mei lan', title: 'Vice Minister' })],
  personnelCountries: [{ articleId: 40, entityKey: 'country:PRK', country: 'PRK' }, { articleId: 41, entityKey: 'name:mei lan', country: 'CHN' }, { articleId: 41, entityKey: 'country:PRK', country: 'PRK' }],
  trends: [],
};

describe('brief assembly', () => {
  it('sorts events into sections, keeps the focus country, and links who answered whom', () => {
    const brief = assembleBrief(input);
    expect(brief.focus).toBe('PRK');
    expect(brief.sections.statements.map((i) => i.id)).toEqual([2]);
    expect(brief.sections.meetings.map((i) => i.id)).toEqual([4]);
    expect(brief.sections.threatsOffers.map((i) => i.id).sort()).toEqual([1, 3, 6]);
    expect(brief.sections.other).toEqual([]); // China → Japan is not about PRK
    const r = brief.sections.statements[0]!;
    expect(r).toMatchObject({ ref: 'ev2', quote: 'We will never accept <script>alert(1)</script>', evidence: { url: expect.stringMatching(/^https:/), outlet: expect.any(String) } });
    expect(r.answers).toEqual([{ ref: 'ev1', summary: 'the United States (USA) → North Korea (PRK) AGREE', rule: 'cue', confidence: 0.82, cue: 'in response to' }]);
    const o = brief.sections.threatsOffers.find((i) => i.id === 1)!;
    expect(o.answeredBy.map((l) => l.ref)).toEqual(['ev2']);
    expect(o.label).toBe('offer');
    expect(brief.sections.threatsOffers.find((i) => i.id === 3)!.label).toBe('hypothetical offer');
    expect(itemLabel({ type: 'AGREE', modality: 'planned', negated: true })).toBe('no planned offer');
    // Without a focus everything is kept.
    expect(assembleBrief({ ...input, focus: null }).sections.other.map((i) => i.id)).toEqual([5]);
  });

  it('ranks by reports, actor rank and novelty, not by intensity', () => {
    const brief = assembleBrief(input);
    const t = brief.sections.threatsOffers;
    const repeat = t.find((i) => i.id === 6)!;
    expect(repeat).toMatchObject({ novel: false, repeatOf: 'ev7' });
    expect(repeat.parts.novelty).toBe(0.4);
    // Intensity is shown in the parts but weighs nothing: USA (0.3) → PRK (half of 0.3), one outlet.
    expect(t.find((i) => i.id === 3)!).toMatchObject({ novel: true, parts: { novelty: 1, intensity: 0.74, actor: 0.3, reports: 0.333 } });
    // The offer reported by three outlets outranks the hypothetical aid offer (+7.4, once); the repeated threat comes last.
    expect(t.map((i) => i.id)).toEqual([1, 3, 6]);
    for (let k = 1; k < t.length; k++) expect(t[k - 1]!.score).toBeGreaterThanOrEqual(t[k]!.score);
    expect(totalScore({ novelty: 1, intensity: 0, actor: 1, reports: 1 })).toBe(1);
    expect(totalScore({ novelty: 0, intensity: 1, actor: 0, reports: 0 })).toBe(0);
    // Three outlets: log2(4)/3; three articles of one outlet count 1 + 2/2 = 2 outlets' worth: log2(3)/3.
    expect(scoreParts(offer, '2026-03-03', false, () => 0.5)).toMatchObject({ novelty: 0.2, reports: 0.667, actor: 0.5 });
    expect(coverage(3, 1)).toBe(0.528);
    expect([coverage(1, 1), coverage(3, 3), coverage(7, 7), coverage(2, 0)]).toEqual([0.333, 0.667, 1, 0.528]);
    // The target counts at half the source.
    expect(scoreParts(offer, '2026-03-01', false, (a) => (a?.country === 'PRK' ? 1 : 0.2)).actor).toBe(0.5);
    // Done to the focus country by nobody named: no actor rank at all.
    const nobody = { ...offer, event: { ...offer.event, source: { name: null, entityId: null, country: null, institution: null } } };
    expect(scoreParts(nobody, '2026-03-03', false, () => 1).actor).toBe(0);
    expect(brief.ranking).toBe(RANKING_FORMULA);
    expect(RANKING_FORMULA).toMatch(/^score = 0\.40·reports .*\+ 0\.35·actor rank .*\+ 0\.25·novelty .*intensity is not weighted$/);
    expect(WEIGHTS).toEqual({ reports: 0.4, actor: 0.35, novelty: 0.25 });
  });

  it('ranks senior actors higher and picks the focus country\'s personnel and counterparts', () => {
    const registry = new Map<string, Actor>([
      ['org:usa-president', { id: 'org:usa-president', type: 'organization', name: 'White House', aliases: [], country: 'USA', kind: 'head-of-state-office' }],
      ['org:usa-state', { id: 'org:usa-state', type: 'organization', name: 'State Department', aliases: [], country: 'USA', kind: 'foreign-ministry' }],
      ['person:fm', { id: 'person:fm', type: 'person', name: 'Ana Foreign', aliases: [], country: 'USA', roles: [{ title: 'Secretary of State', org: 'org:usa-state' }] }],
      ['person:vfm', { id: 'person:vfm', type: 'person', name: 'Vic Deputy', aliases: [], country: 'USA', roles: [{ title: 'Deputy Minister' }] }],
      ['country:USA', { id: 'country:USA', type: 'country', name: 'United States', aliases: [], country: 'USA' }],
    ]);
    const w = actorWeigher((id) => registry.get(id));
    const ref = (entityId: string | null, country: string | null = 'USA') => ({ name: 'x', entityId, country, institution: null });
    expect(w(ref(null, 'PRK'))).toBe(0.3); // the focus country earns no extra rank
    expect(w(ref('org:usa-president'))).toBe(1);
    expect(w(ref('org:usa-state'))).toBe(0.9);
    expect(w(ref('person:fm'))).toBe(0.9);
    expect(w(ref('person:vfm'))).toBe(0.7);
    expect(w(ref('country:USA'))).toBe(0.6);
    expect(w(ref(null))).toBe(0.3);
    expect(w(ref(null, null))).toBe(0.2);
    expect(w(null)).toBe(0);

    expect(personnelOfFocus(input.personnel, input.personnelCountries, 'PRK').map((c) => c.person)).toEqual(['Pak Chol-jun']);
    expect(personnelOfFocus(input.personnel, input.personnelCountries, null)).toHaveLength(2);
    const brief = assembleBrief(input);
    expect(brief.personnel).toEqual([{ date: '2026-03-03', person: 'Pak Chol-jun', title: 'Vice Foreign Minister', change: 'dismissed', institution: '', evidence: expect.objectContaining({ url: 'https://a.example/40' }) }]);
    expect(mainCounterparts(input.entries, 'PRK')).toEqual(['USA', 'CHN']);
    expect(mainCounterparts(input.entries, null, 2)).toEqual(['PRK', 'USA']);
  });

  it('keeps key statements to speech acts and meetings to real meetings with a counterpart', () => {
    const strike = entry(20, { date: '2026-03-03', type: 'ASSAULT', source: PRK, target: USA, intensity: -10 }, [{ respondsTo: 1, rule: 'cue', cue: 'in retaliation for' }], 5);
    const appeal = entry(21, { date: '2026-03-03', type: 'REQUEST', mode: 'appeal', source: PRK, target: USA, intensity: 3, quote: 'Return to the table' });
    const march = entry(22, { date: '2026-03-03', type: 'PROTEST', mode: 'demo', source: PRK, target: USA, intensity: -6.5 });
    const lawsuit = entry(23, { date: '2026-03-03', type: 'ACCUSE', mode: 'legal', source: PRK, target: USA, intensity: -2 });
    const talksAlone = entry(24, { date: '2026-03-03', type: 'CONSULT', source: PRK, target: null, intensity: 1, sentence: 'North Korea said talks were pointless.' });
    const ownMeeting = entry(25, { date: '2026-03-03', type: 'CONSULT', source: PRK, target: { ...PRK, name: 'the ruling party' }, intensity: 1 });
    const planned = entry(26, { date: '2026-03-03', type: 'CONSULT', mode: 'visit', source: PRK, target: CHN, intensity: 1.9, modality: 'planned' });
    const maybe = entry(27, { date: '2026-03-03', type: 'CONSULT', source: PRK, target: USA, intensity: 1, modality: 'hypothetical' });
    const notMet = entry(28, { date: '2026-03-03', type: 'CONSULT', source: PRK, target: USA, intensity: 1, negated: true });
    const brief = assembleBrief({ ...input, entries: [...input.entries, strike, appeal, march, lawsuit, talksAlone, ownMeeting, planned, maybe, notMet] });
    // The strike answers the offer and is reported five times, yet it is an act, not a statement.
    expect(brief.sections.statements.map((i) => i.id).sort()).toEqual([2, 21]);
    expect(brief.sections.other.map((i) => i.id).sort()).toEqual([20, 22, 23, 24, 25, 27, 28]);
    expect(brief.sections.other.find((i) => i.id === 20)!.answers.map((l) => l.ref)).toEqual(['ev1']);
    // The meeting of 5 March repeats the planned visit's wording two days later, so it ranks lower.
    expect(brief.sections.meetings.map((i) => [i.id, i.label])).toEqual([[26, 'planned meeting'], [4, 'meeting']]);
    const other = (id: number) => brief.sections.other.find((i) => i.id === id)!.label;
    expect([other(24), other(27), other(28)]).toEqual(['talks, no counterpart named', 'hypothetical meeting', 'no meeting']);
    expect(isSpeechAct({ type: 'SUPPORT', mode: 'sign' })).toBe(false);
    expect(isSpeechAct({ type: 'STATEMENT', mode: null })).toBe(true);
    expect(isMeeting({ type: 'CONSULT', source: USA, target: PRK, negated: false, modality: 'reported' })).toBe(true);
  });
});
