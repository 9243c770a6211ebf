import { describe, expect, it } from 'vitest';
import { dateFromUrl, dateInText, parseDate } from './published-date.js';

describe('parseDate', () => {
  it('keeps the publisher offset so evening articles stay on their day', () => {
    expect(parseDate('2019-11-19T23:30:00-05:00')).toBe('2019-11-19T23:30:00-05:00');
    expect(parseDate('2019-11-19T23:30:00.000Z')).toBe('2019-11-19T23:30:00Z');
    expect(parseDate('2019-11-19 08:05')).toBe('2019-11-19T08:05:00');
    expect(parseDate('2019-11-19T08:05:00+0100')).toBe('2019-11-19T08:05:00+01:00');
  });

  it('reads written and compact dates', () => {
    expect(parseDate('Tue, 19 Nov 2019 10:43:00 GMT')).toBe('2019-11-19');
    expect(parseDate('November 19th, 2019')).toBe('2019-11-19');
    expect(parseDate('Sept. 3, 2021')).toBe('2021-09-03');
    expect(parseDate('20191119')).toBe('2019-11-19');
    expect(parseDate('1574160217')).toBe('2019-11-19');
  });

  it('rejects impossible dates and non-dates', () => {
    expect(parseDate('2019-02-30')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('dateInText', () => {
  it('finds the first date in free text, day-first only when unambiguous', () => {
    expect(dateInText('Posted on 8 January 2020, 3:51 pm by Staff')).toBe('2020-01-08');
    expect(dateInText('Updated 25/12/2020')).toBe('2020-12-25');
    expect(dateInText('PUBLISHED: 00:01, Tue, Nov 19, 2019')).toBe('2019-11-19');
    expect(dateInText('no date here, only 2019 as a year')).toBeNull();
  });
});

describe('dateFromUrl', () => {
  it('reads /yyyy/mm/dd/ and compact forms from the path only', () => {
    expect(dateFromUrl('https://news.example/world/2024/03/05/envoy-renews-offer')).toBe('2024-03-05');
    expect(dateFromUrl('https://news.example/2024-03-05/story.html')).toBe('2024-03-05');
    expect(dateFromUrl('https://news.example/story-20240305.html')).toBeNull();
    expect(dateFromUrl('https://news.example/archive/20240305/')).toBe('2024-03-05');
    expect(dateFromUrl('not a url')).toBeNull();
  });
});
