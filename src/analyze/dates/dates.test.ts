import { describe, expect, it } from 'vitest';
import { segment } from '../segment.js';
import { findDates } from './index.js';

const find = (text: string, published: string | null = '2021-06-16') => findDates(segment(text), published);
/** [text, value, granularity] of every mention. */
const tv = (text: string, published: string | null = '2021-06-16') =>
  find(text, published).map((d) => [d.text, d.value, d.granularity]);

// 2021-06-16 is a Wednesday.
describe('explicit dates', () => {
  it('reads full dates in several orders', () => {
    expect(tv('The accord was signed on March 3, 2019, in Oslo.')).toEqual([['March 3, 2019', '2019-03-03', 'day']]);
    expect(tv('Envoys gathered on 4 April 2018 in Rome.')).toEqual([['4 April 2018', '2018-04-04', 'day']]);
    expect(tv('The cable is dated 2017-09-30.')).toEqual([['2017-09-30', '2017-09-30', 'day']]);
  });
  it('gives partial dates the publication year', () => {
    expect(tv('The delegation arrived on June 2 for talks.')).toEqual([['June 2', '2021-06-02', 'day']]);
    expect(tv('A summit is set for Sept. 14.')).toEqual([['Sept. 14', '2021-09-14', 'day']]);
  });
  it('keeps month granularity for a month and year', () => {
    expect(tv('Relations thawed in October 2016.')).toEqual([['October 2016', '2016-10', 'month']]);
  });
  it('offsets point into the article text', () => {
    const text = 'Headline here\n\nThe ministers spoke on Jan. 7, 2020.';
    const [d] = find(text);
    expect(text.slice(d!.start, d!.end)).toBe('Jan. 7, 2020');
  });
  it('takes a weekday before a date as part of it', () => {
    expect(tv('It happened on Friday, Oct. 23, 2020.')).toEqual([['Friday, Oct. 23, 2020', '2020-10-23', 'day']]);
  });
});

describe('weekdays', () => {
  it('points back in past tense', () => {
    expect(tv('The foreign minister resigned on Friday.')).toEqual([['Friday', '2021-06-11', 'day']]);
  });
  it('points forward in future tense', () => {
    expect(tv('The envoys will meet on Friday in Cairo.')).toEqual([['Friday', '2021-06-18', 'day']]);
  });
  it('reads last and next', () => {
    expect(tv('Protests began last Monday.')).toEqual([['last Monday', '2021-06-14', 'day']]);
    expect(tv('Voting opens next Monday.')).toEqual([['next Monday', '2021-06-21', 'day']]);
  });
  it('keeps a part of the day', () => {
    expect(tv('Shelling resumed on Tuesday night.')).toEqual([['Tuesday night', '2021-06-15TNI', 'day']]);
  });
});

describe('relative expressions', () => {
  it('resolves deictic days', () => {
    expect(tv('The embassy closed yesterday and reopens tomorrow.')).toEqual([
      ['yesterday', '2021-06-15', 'day'], ['tomorrow', '2021-06-17', 'day'],
    ]);
  });
  it('resolves this/last/next units', () => {
    expect(tv('Exports fell last year.')).toEqual([['last year', '2020', 'year']]);
    expect(tv('The panel meets this week.')).toEqual([['this week', '2021-W24', 'week']]);
    expect(tv('Elections are due next month.')).toEqual([['next month', '2021-07', 'month']]);
    expect(tv('The pact was renewed earlier this month.')).toEqual([['earlier this month', '2021-06', 'month']]);
  });
  it('counts back with ago', () => {
    expect(tv('The ceasefire collapsed three days ago.')).toEqual([['three days ago', '2021-06-13', 'day']]);
    expect(tv('The ambassador left two weeks ago.')).toEqual([['two weeks ago', '2021-W22', 'week']]);
    expect(tv('The rift opened several years ago.')).toEqual([['several years ago', 'PAST_REF', 'other']]);
  });
  it('reads last plus a month name as the latest one before publication', () => {
    expect(tv('The border reopened last October.')).toEqual([['last October', '2020-10', 'month']]);
  });
  it('uses TimeML reference values', () => {
    expect(tv('Officials say the talks are now stalled.')).toEqual([['now', 'PRESENT_REF', 'other']]);
    expect(tv('Such disputes were settled in the past.')).toEqual([['the past', 'PAST_REF', 'other']]);
  });
});

describe('fuzzy parts', () => {
  it('reads parts of months and years', () => {
    expect(tv('Fighting flared in mid-February.')).toEqual([['mid-February', '2021-02', 'month']]);
    expect(tv('The deal was struck in early 2020.')).toEqual([['early 2020', '2020', 'year']]);
  });
  it('reads halves, quarters and seasons', () => {
    expect(tv('Growth should pick up in the second half of the year.')).toEqual([['the second half of the year', '2021-H2', 'half']]);
    expect(tv('Trade rose in the first quarter.')).toEqual([['the first quarter', '2021-Q1', 'quarter']]);
    expect(tv('The talks resume this summer.')).toEqual([['this summer', '2021-SU', 'season']]);
  });
  it('reads years, decades and possessive years', () => {
    expect(tv('The treaty lapsed in 2019.')).toEqual([['2019', '2019', 'year']]);
    expect(tv("2019's election changed little.")).toEqual([['2019', '2019', 'year']]);
    expect(tv('The region was calmer in the 1990s.')).toEqual([['the 1990s', '199', 'decade']]);
  });
  it('refers "a year earlier" to the quarter under discussion', () => {
    expect(tv('Profit rose in the third quarter from a year earlier.', '2021-10-20').map((x) => x[1])).toEqual(['2021-Q3', '2020-Q3']);
  });
  it('resolves "that year" to the last year named', () => {
    expect(tv('He was elected in 2012. Later that year he resigned.').map((x) => x[1])).toEqual(['2012', '2012']);
  });
});

describe('year rollover', () => {
  it('puts late months before a January publication in the previous year', () => {
    expect(tv('The vote took place on Dec. 28.', '2021-01-05')).toEqual([['Dec. 28', '2020-12-28', 'day']]);
    expect(tv('Talks broke down in November.', '2021-01-05')).toEqual([['November', '2020-11', 'month']]);
    expect(tv('The minister resigned on Friday.', '2021-01-02')).toEqual([['Friday', '2021-01-01', 'day']]);
  });
  it('puts early months after a December publication in the next year in future tense', () => {
    expect(tv('The new envoy will take up the post in January.', '2020-12-30')).toEqual([['January', '2021-01', 'month']]);
  });
});

describe('without a publication date', () => {
  it('leaves relative and partial dates unresolved', () => {
    expect(tv('The minister resigned on Friday, days after June 3.', null)).toEqual([['Friday', null, 'day'], ['June 3', null, 'day']]);
  });
  it('still resolves complete dates', () => {
    expect(tv('The accord was signed on March 3, 2019.', null)).toEqual([['March 3, 2019', '2019-03-03', 'day']]);
  });
});

describe('negatives', () => {
  it('skips modal "may" and the verb "march"', () => {
    expect(tv('The sanctions may be lifted. May they succeed.')).toEqual([]);
    expect(tv('Supporters will March to the ministry.')).toEqual([]);
  });
  it('skips durations, times, ages and bare numbers', () => {
    expect(tv('The talks lasted for two weeks and three years of work.')).toEqual([]);
    expect(tv('The meeting starts at 9:30 a.m. with 1,500 delegates.')).toEqual([]);
    expect(tv('The envoy, aged 64, paid $2000 for 12 rooms.')).toEqual([]);
  });
  it('skips newspaper names that start with a weekday', () => {
    expect(tv('The Sunday Times reported the leak.')).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives the same values in any process time zone', () => {
    const text = 'The envoy left on Friday. Talks resume next week, after the Dec. 31 deadline.';
    const saved = process.env.TZ;
    const runs = ['UTC', 'Asia/Seoul', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      return [find(text, '2021-01-01T23:30:00-08:00'), find(text, '2021-03-28')];
    });
    process.env.TZ = saved;
    for (const r of runs) expect(r).toEqual(runs[0]);
    expect(runs[0]![0]!.map((d) => d.value)).toEqual(['2021-01-01', '2021-W01', '2020-12-31']);
  });
});

describe('year-like numbers', () => {
  it('skips resolution numbers and quantities but keeps year ranges', () => {
    expect(tv('The council cited Resolutions 1718 and 2397 on Monday.').map((x) => x[0])).toEqual(['Monday']);
    expect(tv('About 1800 troops crossed the border.')).toEqual([]);
    expect(tv('The war of 1950-53 never formally ended.').map((x) => x[0])).toEqual(['1950']);
  });
});

describe('days told against the narrative', () => {
  it('counts "the previous day" and "two days later" from the last day named', () => {
    expect(tv('On June 3 the envoy left. The previous day, talks had collapsed. Two days later, the embassy closed.')).toEqual([
      ['June 3', '2021-06-03', 'day'], ['The previous day', '2021-06-02', 'day'], ['Two days later', '2021-06-04', 'day'],
    ]);
  });
  it('counts an earlier day from publication when the text names no day before it', () => {
    expect(tv('The day before, the minister resigned.')).toEqual([['The day before', '2021-06-15', 'day']]);
  });
  it('leaves "the day before the vote" to the vote and a day in a hypothetical alone', () => {
    expect(tv('The day before the vote, the minister resigned.')).toEqual([]);
    expect(tv('If the court agrees, the envoy would be free to leave seven days later.')).toEqual([]);
  });
  it('reads "on the 23rd" as a day of the narrative month, never after publication', () => {
    expect(tv('Troops crossed the line on the 12th, officials said.')).toEqual([['the 12th', '2021-06-12', 'day']]);
    expect(tv('Troops crossed the line on the 23rd, officials said.')).toEqual([['the 23rd', '2021-05-23', 'day']]);
    expect(tv('The fleet sailed on the 38th parallel.')).toEqual([]);
  });
});
