import { describe, expect, it } from 'vitest';
import { classifyKind, type KindEvidence } from './kind.js';

const base: KindEvidence = { types: [], section: null, genre: null, url: null, title: null, byline: null, lead: '' };

describe('classifyKind', () => {
  it('trusts the JSON-LD type first', () => {
    expect(classifyKind({ ...base, types: ['OpinionNewsArticle'], section: 'World' })).toBe('opinion');
    expect(classifyKind({ ...base, types: ['AnalysisNewsArticle'] })).toBe('analysis');
  });

  it('reads sections and directory segments of the URL, not the slug', () => {
    expect(classifyKind({ ...base, section: 'Commentary' })).toBe('opinion');
    expect(classifyKind({ ...base, url: 'https://ex.org/opinion/2024/03/05/a-column' })).toBe('opinion');
    expect(classifyKind({ ...base, url: 'https://ex.org/news/opinion-poll-shows-shift' })).toBe('news');
    expect(classifyKind({ ...base, url: 'https://ministry.example/press-releases/statement-on-talks' })).toBe('press-release');
    expect(classifyKind({ ...base, url: 'https://ex.gov/briefing-room/speeches-remarks/remarks-by-the-envoy' })).toBe('transcript');
  });

  it('uses title, byline and lead cues last, and defaults to news', () => {
    expect(classifyKind({ ...base, title: 'Analysis: why the talks failed' })).toBe('analysis');
    expect(classifyKind({ ...base, byline: 'Guest columnist Jane Roe' })).toBe('opinion');
    expect(classifyKind({ ...base, lead: 'FOR IMMEDIATE RELEASE The ministry announced…' })).toBe('press-release');
    expect(classifyKind(base)).toBe('news');
  });
});
