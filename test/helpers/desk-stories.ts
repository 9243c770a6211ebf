// Fixture news for end-to-end tests: a tit-for-tat week between the United States and North
// Korea (the US moves on even days, North Korea answers the next day; 2026-03-02 is a Monday),
// written for the tests, by fictional outlets.
export type Story = readonly [day: string, outlet: string, text: string];

export const EXCHANGE: readonly Story[] = [
  ['2026-03-02', 'Harbor Ledger', 'The United States on Monday offered to hold talks with North Korea without preconditions, the State Department said.'],
  ['2026-03-03', 'Northern Wire', 'North Korea on Tuesday proposed talks with the United States.'],
  ['2026-03-04', 'Harbor Ledger', 'The United States on Wednesday threatened new sanctions against North Korea.'],
  ['2026-03-05', 'Daily Meridian', 'North Korea on Thursday rejected the US offer of talks and accused Washington of hostility.'],
  ['2026-03-06', 'Northern Wire', 'The United States on Friday agreed to send food aid to North Korea.'],
  ['2026-03-07', 'Harbor Ledger', 'North Korea on Saturday welcomed the food aid from the United States.'],
  ['2026-03-08', 'Daily Meridian', "The United States on Sunday condemned North Korea's missile launch."],
  ['2026-03-09', 'Northern Wire', 'North Korea on Monday threatened the United States with retaliation.'],
];

/**
 * An earlier episode of the same dyad, months before the exchange: what a precedent search
 * finds for the exchange's threats (the exchange itself is the same crisis and is left out).
 */
export const EARLIER_EPISODE: readonly Story[] = [
  ['2025-11-03', 'Harbor Ledger', 'The United States on Monday threatened North Korea with new sanctions.'],
  ['2025-11-04', 'Northern Wire', 'North Korea on Tuesday accused the United States of hostility.'],
  ['2025-11-05', 'Daily Meridian', 'North Korea on Wednesday threatened the United States with retaliation.'],
  ['2025-11-07', 'Harbor Ledger', 'The United States on Friday imposed sanctions on North Korean shipping firms.'],
  ['2025-11-10', 'Northern Wire', 'North Korea on Monday rejected the US sanctions.'],
  ['2025-11-12', 'Daily Meridian', "The United States on Wednesday condemned North Korea's threats."],
];

/**
 * Another dyad's exchanges, one a day for `days` days of January 2025 (before every other story,
 * so they sort after them), for tests that need more events than one page of a list holds.
 */
export function backgroundStories(days: number): Story[] {
  const acts = ['protested to Japan over fishing rights', 'accused Japan of violating its waters', 'held talks with Japan on the border', 'threatened Japan with sanctions'];
  return Array.from({ length: days }, (_, i) => {
    const day = `2025-01-${String(i + 1).padStart(2, '0')}`;
    return [day, 'Strait Herald', `South Korea on January ${i + 1} ${acts[i % acts.length]}.`] as const;
  });
}

/** Stories as `readout ingest` JSON Lines records (one URL per outlet, day and position). */
export function storyArticles(stories: readonly Story[], title: (text: string, i: number) => string = (_t, i) => `Story ${i}`) {
  return stories.map(([day, source, text], i) => ({
    url: `https://${source.toLowerCase().replace(/ /g, '-')}.example/2026/${day}/story-${i}`, source, published: `${day}T15:00:00Z`, title: title(text, i), text,
  }));
}
