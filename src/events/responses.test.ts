import { describe, expect, it } from 'vitest';
import { mergedFields } from './merge.js';
import { linkResponses, typePair, type LinkableEvent } from './responses.js';
import { PRK, report, USA } from './fixtures.js';
import type { EventReport } from './types.js';

function event(id: number, reports: EventReport[]): LinkableEvent {
  return { event: { id, ...mergedFields(reports) }, reports: reports.map((r) => ({ ...r, mergedId: id })) };
}

const offer = event(1, [report({ type: 'COOPERATE', source: USA, target: PRK, sentence: 'The US offered talks to North Korea.' })]);
const none = () => null;

describe('response links', () => {
  it('links an explicit cue to the earlier event of the reversed dyad', () => {
    const reply = event(2, [report({ date: '2026-03-04', anchor: '2026-03-04', responseCue: 'in response to', sentence: 'North Korea rejected the talks in response to the US offer.' })]);
    expect(linkResponses(reply, [offer, reply], none)).toEqual([expect.objectContaining({ eventId: 2, respondsTo: 1, rule: 'cue', cue: 'in response to' })]);
    // Not backwards in time, not beyond the window.
    expect(linkResponses(offer, [offer, reply], none)).toEqual([]);
    const late = event(3, [report({ date: '2026-03-20', anchor: '2026-03-20', responseCue: 'rebuked' })]);
    expect(linkResponses(late, [offer, late], none)).toEqual([]);
  });

  it('links by reciprocity only on the same issue, and in-article ids first', () => {
    const same = event(2, [report({ date: '2026-03-03', anchor: '2026-03-03', sentence: 'North Korea turned down the talks.' })]);
    expect(linkResponses(same, [offer, same], none)[0]).toMatchObject({ rule: 'reciprocity', respondsTo: 1 });
    // Inferred, not told: ranked below the lowest link a cue gives (0.6).
    expect(linkResponses(same, [offer, same], none)[0]!.confidence).toBeLessThan(0.6);
    const unrelated = event(3, [report({ type: 'ASSAULT', date: '2026-03-03', anchor: '2026-03-03', sentence: 'North Korea fired artillery at a patrol boat.' })]);
    expect(linkResponses(unrelated, [offer, unrelated], none)).toEqual([]);
    const inArticle = event(4, [report({ articleId: 99, respondsTo: 'e0', date: '2026-03-03', anchor: '2026-03-03' })]);
    expect(linkResponses(inArticle, [offer, inArticle], (a, e) => (a === 99 && e === 'e0' ? 1 : null))).toEqual([expect.objectContaining({ rule: 'in-article', confidence: 0.95 })]);
    expect(typePair('AID', 'REJECT')).toBe(true);
    expect(typePair('ASSAULT', 'AGREE')).toBe(false);
  });
});
