import { describe, expect, it } from 'vitest';
import type { AnalysisEvent } from '../analyze/types.js';
import { compileLexicon, findIssue, positionLexicon } from './lexicon.js';
import { leanOf, quotedSpans, scorePosition, scoreTone, sentenceSpans } from './score.js';

const lexicon = positionLexicon();
const issue = findIssue(lexicon);
const score = (text: string, events?: AnalysisEvent[]) => scorePosition(text, issue, lexicon, { events });

describe('position scorer', () => {
  it('places a clearly hawkish text near −1 with its evidence', () => {
    const s = score('The talks have failed. Maximum pressure is the only language Pyongyang understands, and new sanctions must follow. The regime cannot be trusted.');
    expect(s.position!).toBeLessThan(-0.7);
    expect(leanOf(s.position)).toBe('hawkish');
    expect(s.engagement).toBe(0);
    expect(s.evidence[0]!.sentence).toMatch(/^Maximum pressure is the only language/);
    expect(s.evidence[0]!.cues).toEqual(expect.arrayContaining(['Maximum pressure']));
    expect(s.evidence.map((e) => e.sentence)).toContain('The regime cannot be trusted.');
    expect(s.evidence.every((e) => e.weight < 0)).toBe(true);
  });

  it('places a clearly engagement-minded text near +1', () => {
    const s = score('Washington should offer talks without preconditions. Dialogue and humanitarian aid would do more than any threat, and easing sanctions step by step is a sensible way to start.');
    expect(s.position!).toBeGreaterThan(0.7);
    expect(leanOf(s.position)).toBe('engagement');
    expect(s.hawkish).toBe(0);
    expect(s.evidence.flatMap((e) => e.cues)).toEqual(expect.arrayContaining(['talks without preconditions', 'Dialogue', 'humanitarian aid', 'easing sanctions']));
  });

  it('turns a negated cue around at half strength', () => {
    const s = score('A strike is not a military option anyone should take seriously.');
    // "strike" counts hawkish (1), "not a military option" engagement at half of 2.
    expect(s.hawkish).toBe(1);
    expect(s.engagement).toBe(1);
    expect(s.evidence[0]!.cues).toEqual(['strike', 'military option (negated)']);
    const only = score('There is no military option.');
    expect(only.position!).toBeGreaterThan(0);
    expect(only.evidence[0]!.cues).toEqual(['military option (negated)']);
    // A clause break stops the negation: "No, …" does not negate the cue after the comma.
    expect(score('No, the military option must stay on the table.').position!).toBeLessThan(0);
    expect(score("We shouldn't ease sanctions now.").position!).toBeLessThan(0);
  });

  it('gives no position to a neutral text', () => {
    const s = score('The ministry published its annual report on Tuesday. It runs to 400 pages and covers fisheries and trade.');
    expect(s).toMatchObject({ position: null, hawkish: 0, engagement: 0, cues: 0, evidence: [] });
    expect(leanOf(s.position)).toBe('neutral');
  });

  it('counts quoted cues at half weight and uses the article events', () => {
    const quoted = score('The minister said: "Maximum pressure works." I am not persuaded.');
    expect(quoted.hawkish).toBe(1);
    expect(quoted.evidence[0]).toMatchObject({ quoted: true });
    const sentence = 'The United States imposed sanctions on North Korea.';
    const ev = { id: 'e1', date: null, type: 'SANCTION', source: { name: 'the United States' }, target: null, intensity: -8, sentence: { start: 0, end: sentence.length, text: sentence } } as unknown as AnalysisEvent;
    const s = score(sentence, [ev]);
    expect(s.hawkish).toBe(0.8);
    expect(s.evidence[0]).toMatchObject({ sentence, cues: ['event SANCTION -8'] });
  });

  it('scores tone with negation', () => {
    expect(scoreTone('A thoughtful, balanced piece. Thanks.', lexicon)).toBeGreaterThan(0.5);
    expect(scoreTone('Naive nonsense, dangerous and wrong.', lexicon)).toBeLessThan(-0.5);
    expect(scoreTone('This is not wrong.', lexicon)).toBeGreaterThan(0);
    expect(scoreTone('The meeting is on Monday.', lexicon)).toBe(0);
  });

  it('splits sentences and finds quoted spans', () => {
    expect(sentenceSpans('One. Two!\nThree').map((s) => 'One. Two!\nThree'.slice(s.start, s.end))).toEqual(['One.', 'Two!', 'Three']);
    expect(quotedSpans('He said “stop now” and left.')).toEqual([{ start: 8, end: 18 }]);
  });

  it('supports several issues and custom lexicons', () => {
    const custom = compileLexicon({
      version: 1, negated_factor: 0.5, quoted_factor: 0.5, negation: ['not'],
      issues: { 'trade-policy': { label: 'trade policy', hawkish: ['tariff~'], engagement: ['free trade'] } },
      tone: { positive: [], negative: [] },
    });
    const trade = findIssue(custom, 'Trade Policy');
    expect(scorePosition('New tariffs are coming.', trade, custom).position).toBe(-0.5);
    expect(() => findIssue(custom, 'nope')).toThrow(/unknown issue/);
  });
});
