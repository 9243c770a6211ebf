import { describe, expect, it } from 'vitest';
import { actorAgreement, dateAgreement, matchReports, sameEvent } from './identity.js';
import { PRK, report, USA } from './fixtures.js';
import { contentStems, jaccard } from './text.js';
import { primeWords } from './words.js';

describe('event identity', () => {
  it('merges paraphrases of one event and keeps days, dyads, polarity and modality apart', () => {
    const a = report();
    expect(sameEvent(a, report({ sentence: "Pyongyang on Monday dismissed Washington's offer of talks." }))).toBe(true);
    expect(sameEvent(a, report({ date: null, anchor: '2026-03-03', sentence: 'North Korea has rejected an offer of talks from the US.' }))).toBe(true);
    expect(sameEvent(a, report({ date: '2026-03-05' }))).toBe(false);
    expect(sameEvent(a, report({ source: USA, target: PRK }))).toBe(false);
    expect(sameEvent(a, report({ negated: true }))).toBe(false);
    expect(sameEvent(report({ type: 'AID' }), report({ type: 'AID', modality: 'hypothetical' }))).toBe(false);
    expect(sameEvent(a, report({ modality: 'reported' }))).toBe(true);
    expect(sameEvent(a, report({ type: 'THREATEN' }))).toBe(false);
    // One family (an outlet codes the rejection as an accusation) with shared words: one event.
    expect(sameEvent(a, report({ type: 'ACCUSE' }))).toBe(true);
    expect(sameEvent(a, report({ type: 'ACCUSE', sentence: 'North Korea blamed Washington for a cyberattack.' }))).toBe(false);
    // An undated report cannot precede the event it tells by days.
    expect(matchReports(a, report({ date: null, anchor: '2026-02-27' }))).toBeNull();
  });

  it('grades actors and dates', () => {
    expect(actorAgreement(PRK, PRK)).toBe(1);
    expect(actorAgreement(PRK, { name: "North Korea's foreign ministry", entityId: 'org:prk-mfa', country: 'PRK', institution: null })).toBe(0.7);
    expect(actorAgreement(PRK, USA)).toBeNull();
    expect(actorAgreement(PRK, null)).toBe(0.5);
    expect(actorAgreement({ name: 'Hamas', entityId: null, country: null, institution: null }, { name: 'hamas', entityId: null, country: null, institution: null })).toBe(0.8);
    expect(dateAgreement({ date: '2026-03-02', anchor: '2026-03-02' }, { date: '2026-03-03', anchor: '2026-03-03' })).toBe(0.6);
    expect(dateAgreement({ date: '2026-03', anchor: '2026-03-02' }, { date: '2026-04-01', anchor: '2026-04-01' })).toBeNull();
    expect(dateAgreement({ date: null, anchor: '2026-03-02' }, { date: null, anchor: '2026-03-09' })).toBeNull();
  });

  it('compares content words, not stop words or actor names', () => {
    expect([...contentStems('North Korea rejected the offers', ['North Korea'])]).toEqual(['reject', 'offer']);
    expect(jaccard(contentStems('rejected talks'), contentStems('rejection of the talks'))).toBe(1);
  });

  it('reads one person\'s differently typed statements on one day as one occasion, and never merges two people of one government', () => {
    const kim = { name: 'Ri Song-chol', entityId: 'person:ri-song-chol', country: 'PRK', institution: 'org:prk-mfa' };
    const warned = report({ type: 'THREATEN', source: kim, sentence: 'Ri warned Washington it would pay a heavy price for the drills.' });
    const slammed = report({ type: 'ACCUSE', source: kim, sentence: 'The vice minister slammed the exercises as a rehearsal for invasion.' });
    expect(matchReports(warned, slammed)).not.toBeNull();
    expect(matchReports(warned, { ...slammed, date: '2026-03-05', anchor: '2026-03-05' })).toBeNull();
    // Two people of one ministry on one day: different speakers, different statements.
    const spokesman = { ...kim, name: 'Kang Il-ho', entityId: 'person:kang-il-ho' };
    expect(actorAgreement(kim, spokesman)).toBeNull();
    expect(matchReports(warned, { ...warned, source: spokesman })).toBeNull();
    // A state's statements of one day stay typed: a government speaks through many voices.
    expect(matchReports(report({ type: 'THREATEN' }), report({ type: 'ACCUSE', sentence: 'Pyongyang denounced the drills as rehearsal.' }))).toBeNull();
  });

  it('reads a government\'s one statement, quoted by two outlets and coded as two types, as one occasion', () => {
    const words = 'any attack on our territory will be answered with overwhelming force';
    const warned = report({ type: 'THREATEN', quote: words, sentence: 'Pyongyang warned that any attack would be answered.' });
    const struck = report({ type: 'ASSAULT', quote: `${words}, the statement said`, sentence: 'The statement vowed overwhelming force.' });
    expect(matchReports(warned, struck)).not.toBeNull();
    expect(matchReports(warned, { ...struck, quote: 'the drills are a rehearsal for invasion and will not go unanswered' })).toBeNull();
  });
});


describe('one statement, its speaker named or not', () => {
  const ruiz = { name: 'Ana Ruiz', entityId: null, country: 'PRK', institution: null };
  const words = 'any incursion into our waters will be met with force';
  it('merges a government and its named spokeswoman sharing the quoted words, whatever the types', () => {
    expect(sameEvent(report({ type: 'THREATEN', source: ruiz, quote: words }), report({ type: 'ACCUSE', quote: words }))).toBe(true);
    expect(sameEvent(report({ type: 'THREATEN', source: ruiz, quote: words }), report({ type: 'ACCUSE', quote: 'talks are off for now' }))).toBe(false);
  });
  it('compares a light report rebuilt from a fingerprint (its quote gone, its stems kept) the same way', () => {
    const light = report({ type: 'ACCUSE', quote: null });
    primeWords(light, { quote: contentStems(words, []), sentence: new Set() });
    expect(sameEvent(report({ type: 'THREATEN', source: ruiz, quote: words }), light)).toBe(true);
  });
  it('never merges two differently named speakers of one government', () => {
    const vidal = { name: 'Tomas Vidal', entityId: null, country: 'PRK', institution: null };
    expect(actorAgreement(ruiz, vidal)).toBeNull();
    expect(actorAgreement(ruiz, { ...ruiz, name: 'Ruiz' })).toBe(0.7);
    expect(actorAgreement(ruiz, { ...ruiz, name: 'the spokeswoman' })).toBe(0.7);
    expect(sameEvent(report({ source: ruiz }), report({ source: vidal }))).toBe(false);
  });
});
