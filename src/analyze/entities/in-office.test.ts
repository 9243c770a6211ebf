import { describe, expect, it } from 'vitest';
import type { Actor } from '../../registry/types.js';
import { inOfficeAround } from './in-office.js';

const person = (roles: Actor['roles']): Actor => ({ id: 'person:x', type: 'person', name: 'Ana Vask', aliases: [], country: null, origin: 'builtin', roles });

describe('in office around a day', () => {
  const minister = person([{ title: 'Foreign Minister', start: '2019-04', end: '2022' }]);
  it('is true while the post is held, shortly before and a while after', () => {
    expect(inOfficeAround(minister, '2020-06-01')).toBe(true);
    expect(inOfficeAround(minister, '2018-09-01')).toBe(true); // nominee
    expect(inOfficeAround(minister, '2023-12-31')).toBe(true); // former minister still in the news
  });
  it('is false long before or long after', () => {
    expect(inOfficeAround(minister, '2010-01-01')).toBe(false);
    expect(inOfficeAround(minister, '2026-01-01')).toBe(false);
  });
  it('does not rule out a person without dated roles', () => {
    expect(inOfficeAround(person([]), '1990-01-01')).toBe(true);
  });
});
