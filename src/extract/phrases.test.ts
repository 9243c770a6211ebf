import { describe, expect, it } from 'vitest';
import { isBoilerplateParagraph } from './phrases.js';

const mid = { index: 2, count: 10 };
const last = { index: 9, count: 10 };

describe('isBoilerplateParagraph', () => {
  it('flags furniture wording', () => {
    for (const t of [
      'Advertisement',
      'Continue reading below',
      'Read in Korean',
      'Leave a Comment',
      '12 Comments',
      'Powered by WordPress',
      'Share this article',
      'READ MORE: Envoy rejects offer of talks',
      'Sign up for our daily newsletter to get the top stories in your inbox.',
      'Tags: diplomacy, talks, envoy',
      'Updated 11:21 pm CST, Tuesday, November 19, 2019',
      '© 2024 Example Media. All rights reserved.',
      'March 5, 2024',
      'Tue 19 Nov 2019 10:43 GMT',
      '2 hours ago',
    ]) {
      expect(isBoilerplateParagraph(t, mid), t).toBe(true);
    }
  });

  it('flags captions and photo credits', () => {
    expect(isBoilerplateParagraph('The leader inspects a factory in this undated photo / Image: KCNA', mid)).toBe(true);
    expect(isBoilerplateParagraph('Delegates arrive for the summit (Image: GETTY)', mid)).toBe(true);
    expect(isBoilerplateParagraph('A delegate walks past the venue. Photo: Jane Roe/Example Agency', mid)).toBe(true);
  });

  it('flags closing bios and contact lines only near the end', () => {
    const bio = 'Jane Roe is a diplomatic correspondent for Example News based in Seoul.';
    expect(isBoilerplateParagraph(bio, last)).toBe(true);
    expect(isBoilerplateParagraph(bio, mid)).toBe(false);
    expect(isBoilerplateParagraph('Contact the author at jane@example.org.', last)).toBe(true);
  });

  it('keeps article sentences that merely contain such words', () => {
    for (const t of [
      'The ministry said it would share more details about the proposal next week.',
      'Officials posted a photo of the signing ceremony on social media.',
      'Read more closely, the statement contains a new condition: the drills must stop before any meeting can take place, officials said on Tuesday after a long meeting.',
      'He said the sanctions were "a form of advertisement for failure".',
      'May 2024',
      'Updated figures released on Monday show exports fell by 4% in the second half of the year, the fastest drop since records began.',
    ]) {
      expect(isBoilerplateParagraph(t, mid), t).toBe(false);
    }
  });
});
