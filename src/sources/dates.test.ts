import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['2024-05-14T09:30:00Z', '2024-05-14T09:30:00.000Z'],
    ['2024-05-14T09:30:00.25+02:00', '2024-05-14T07:30:00.250Z'],
    ['2024-05-14 09:30:00 +0530', '2024-05-14T04:00:00.000Z'],
    ['2024-05-14', '2024-05-14T00:00:00.000Z'],
    ['2024-05', '2024-05-01T00:00:00.000Z'],
    ['Tue, 14 May 2024 09:30:00 GMT', '2024-05-14T09:30:00.000Z'],
    ['Tue, 14 May 2024 09:30:00 +0200', '2024-05-14T07:30:00.000Z'],
    ['Wed, 17 Jan 2018 15:50:00 EST', '2018-01-17T20:50:00.000Z'],
    ['Sun, 10 Dec 17 13:01:36 -0800', '2017-12-10T21:01:36.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['14 May 2024 09:30 CEST', '2024-05-14T07:30:00.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['Mi, 05 Dez 2018 10:00:00 +0100', '2018-12-05T09:00:00.000Z'],
    ['  Wed, 03 Jan 2018 13:47:00 GMT\r\n   ', '2018-01-03T13:47:00.000Z'],
    ['Tue, 14 May 2024 09:30:00 GMT+0200', '2024-05-14T07:30:00.000Z'],
    ['May 14, 2024 9:30 AM', '2024-05-14T09:30:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each([[''], [null], ['not a date'], ['2024-02-30'], ['0000-00-00'], ['32 Jan 2024'], ['0001-01-01T00:00:00Z']])('%s → null', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

describe('parseFeedDate on hostile input', () => {
  it('does not read prototype names as months or zones', () => {
    expect(parseFeedDate('01 constructor 2024')).toBeNull();
    expect(parseFeedDate('01 Jan 2024 10:00 XYZ')).toBe('2024-01-01T10:00:00.000Z'); // unknown zone: read as UTC
  });
});
