import { describe, expect, it } from 'vitest';
import { cleanTitle, stripSiteName } from './title.js';

describe('stripSiteName', () => {
  it('removes the site name on either side', () => {
    expect(stripSiteName('Envoy renews offer | The Daily Example', 'The Daily Example', null)).toBe('Envoy renews offer');
    expect(stripSiteName('Daily Example - Envoy renews offer', null, 'https://www.dailyexample.com/x')).toBe('Envoy renews offer');
    expect(stripSiteName('Envoy renews offer | World | Example', null, null)).toBe('Envoy renews offer | World');
  });

  it('keeps titles whose parts are not the site name', () => {
    expect(stripSiteName('Analysis: why the talks failed', 'Example', null)).toBe('Analysis: why the talks failed');
  });
});

describe('cleanTitle', () => {
  it('takes the single headline over a rewritten sharing title', () => {
    expect(cleanTitle({ h1: ['Envoy renews offer of talks'], og: 'Why the envoy is trying again', ld: null, doc: 'Envoy | Example' }, 'Example', null)).toBe('Envoy renews offer of talks');
  });

  it('takes the machine title out of a headline with a kicker glued on', () => {
    expect(cleanTitle({ h1: ['World News | Envoy renews offer of talks'], og: 'Envoy renews offer of talks', ld: null, doc: null }, null, null)).toBe('Envoy renews offer of talks');
  });

  it('ignores logo headings and falls back to og:title, then <title>', () => {
    expect(cleanTitle({ h1: ['Example'], og: 'Envoy renews offer', ld: null, doc: null }, 'Example', null)).toBe('Envoy renews offer');
    expect(cleanTitle({ h1: [], og: null, ld: null, doc: 'Envoy renews offer - Example' }, 'Example', null)).toBe('Envoy renews offer');
    expect(cleanTitle({ h1: [], og: null, ld: null, doc: null }, null, null)).toBeNull();
  });
});
