// Word lists and regex fragments shared by the date rules.
export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

export const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};

export const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

export const SEASONS: Record<string, { code: string; month: number }> = {
  spring: { code: 'SP', month: 3 }, summer: { code: 'SU', month: 6 },
  fall: { code: 'FA', month: 9 }, autumn: { code: 'FA', month: 9 }, winter: { code: 'WI', month: 12 },
};

/** Time-of-day suffixes TimeML appends to a day value. */
export const DAY_PARTS: Record<string, string> = {
  morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI',
};

/** Capitalised month names and dotted abbreviations ("Sept" may go without the dot). */
export const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.|Sept)';
export const WEEKDAY_RE = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
export const NUMBER_RE = '(?:\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|few|many)';

export const monthOf = (word: string): number | undefined => MONTHS[word.toLowerCase().replace(/\.$/, '')];
export const numberOf = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number(word) : NUMBERS[word.toLowerCase()];
