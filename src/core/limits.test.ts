import { describe, expect, it } from 'vitest';
import { capField, capText, FIELD_LIMITS, webUrlProblem } from './limits.js';

/** No lone surrogate (what String.prototype.isWellFormed checks, ES2024). */
const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('capText', () => {
  it('leaves short text alone and cuts long text to the cap, marked with an ellipsis', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(capField('y'.repeat(9_000_000), 'title')).toHaveLength(FIELD_LIMITS.title);
    expect(capField(null, 'title')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    // '😀' is two UTF-16 units; with the pair straddling the cut, the whole emoji goes.
    const cut = capText(`${'a'.repeat(8)}😀😀`, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
    expect(wellFormed(cut)).toBe(true);
    expect(wellFormed('a\ud83d')).toBe(false);
    for (let max = 2; max < 30; max++) expect(wellFormed(capText('😀'.repeat(20), max))).toBe(true);
  });
});

describe('webUrlProblem', () => {
  it('accepts http(s) URLs and names what is wrong with the others', () => {
    expect(webUrlProblem('https://news.example/a?b=1')).toBeNull();
    expect(webUrlProblem('http://news.example/')).toBeNull();
    expect(webUrlProblem('javascript:alert(1)')).toMatch(/javascript: URL/);
    expect(webUrlProblem('data:text/html,<b>x</b>')).toMatch(/data: URL/);
    expect(webUrlProblem('file:///etc/passwd')).toMatch(/file: URL/);
    expect(webUrlProblem('/relative/path')).toMatch(/not an absolute URL/);
    expect(webUrlProblem(`https://news.example/${'a'.repeat(3000)}`)).toMatch(/limit is 2048/);
  });
});
