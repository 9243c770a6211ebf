import { describe, expect, it } from 'vitest';
import { mergedFields } from './merge.js';
import { formatHuman, formatMarkdown, toJson, type TimelineEntry } from './timeline.js';
import { report } from './fixtures.js';

const reports = [report({ outlet: 'Harbor Ledger', quote: 'No talks' }), report({ outlet: 'Northern Wire' })];
const entry: TimelineEntry = {
  event: { id: 5, ...mergedFields(reports) },
  reports,
  respondsTo: [{ eventId: 5, respondsTo: 2, rule: 'cue', confidence: 0.8, articleId: 1, sentence: 's', cue: 'in response to' }],
};

describe('timeline output', () => {
  it('follows the JSON contract', () => {
    const j = toJson(entry);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['id', 'date', 'type', 'mode', 'source', 'target', 'intensity', 'negated', 'modality', 'quote', 'reports', 'respondsTo']));
    expect(j).toMatchObject({ id: 'ev5', date: '2026-03-02', type: 'REJECT', source: { name: 'North Korea', entityId: 'country:PRK', country: 'PRK' }, respondsTo: ['ev2'], quote: 'No talks' });
    expect(j.reports[0]).toMatchObject({ url: expect.any(String), source: 'Harbor Ledger', published: expect.any(String), sentence: expect.any(String) });
    expect(toJson({ ...entry, event: { ...entry.event, target: null } }).target).toEqual({ name: null, entityId: null, country: null, institution: null });
  });

  it('prints a readable list and a Markdown table', () => {
    expect(formatHuman([entry])).toMatch(/2026-03-02 +ev5 +North Korea \(PRK\) → the United States \(USA\) +REJECT -4 +\(2 reports: Harbor Ledger, Northern Wire\)[\s\S]*↳ responds to ev2/);
    const md = formatMarkdown([entry]).split('\n');
    expect(md[0]).toMatch(/^\| Date \| Id/);
    expect(md[2]).toMatch(/\| ev5 \|.*\[Harbor Ledger\]\(https:/);
  });
});
