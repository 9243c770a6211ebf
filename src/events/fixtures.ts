// Test fixtures for the event layer: a report with overridable fields.
import type { EventReport } from './types.js';

export const PRK = { name: 'North Korea', entityId: 'country:PRK', country: 'PRK', institution: null };
export const USA = { name: 'the United States', entityId: 'country:USA', country: 'USA', institution: null };

let n = 0;
export function report(over: Partial<EventReport> = {}): EventReport {
  n++;
  return {
    articleId: n, seq: 0, eventId: 'e1', date: '2026-03-02', anchor: over.date && /^\d{4}-\d{2}-\d{2}$/.test(over.date) ? over.date : '2026-03-02',
    type: 'REJECT', mode: null, source: PRK, target: USA, intensity: -4, cameo: '12', negated: false, modality: 'asserted', sourcing: 'official',
    sentence: 'North Korea rejected the US offer of talks without preconditions.', trigger: 'rejected', quote: null, respondsTo: null, responseCue: null,
    outlet: `Outlet ${n}`, url: `https://outlet${n}.example/a`, published: '2026-03-02T08:00:00Z', seenAt: `2026-03-02T08:00:${String(n % 60).padStart(2, '0')}Z`, mergedId: null,
    ...over,
  };
}
