// Small text and date helpers for event matching: content-word stems and token-set similarity,
// day arithmetic on YYYY-MM-DD strings.

const STOP = new Set(
  (
    'a an the and or but if then than that this these those of to in on at by for from with without into onto over under about after ' +
    'before during as is are was were be been being has have had do does did will would shall should can could may might must not no ' +
    'its it his her their our your my we they he she you i them him us me who whom which what when where why how also said says say ' +
    'saying told tells according added adding stated statement spokesman spokeswoman spokesperson official officials ministry minister ' +
    'foreign government state news agency report reported reports week day today yesterday tomorrow monday tuesday wednesday thursday ' +
    'friday saturday sunday january february march april may june july august september october november december earlier later ' +
    'there here just very more most such any all some other another one two three new last first per via amid while again'
  ).split(' '),
);

/** A crude stem: lower case, possessive, plural, -ing/-ed/-ion cut, long words cut to 6 letters ("rejected" → "reject"). */
function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ion')) w = w.slice(0, -3);
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** Content-word stems of a text, without stop words and without the words of `exclude` (actor names). */
export function contentStems(text: string | null | undefined, exclude: Iterable<string> = []): Set<string> {
  const out = new Set<string>();
  if (!text) return out;
  const skip = new Set<string>();
  for (const name of exclude) for (const w of name.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []) skip.add(stem(w));
  for (const w of text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []) {
    const lower = w.toLowerCase();
    if (lower.length < 3 || STOP.has(lower)) continue;
    const s = stem(lower);
    if (!skip.has(s)) out.add(s);
  }
  return out;
}

/** Jaccard similarity of two token sets (0 when either is empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Overlap coefficient |A∩B| / min(|A|,|B|) (0 when either is empty). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

const DAY_MS = 86_400_000;

/** Days since the epoch of a YYYY-MM-DD (a YYYY-MM or YYYY counts from its first day); NaN when unparsable. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1')) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

export function isDay(date: string | null | undefined): date is string {
  return !!date && /^\d{4}-\d{2}-\d{2}$/.test(date);
}

/** First and last day a YYYY-MM-DD, YYYY-MM or YYYY date can mean ("2019" → 2019-01-01 … 2019-12-31); null for anything else. */
export function periodOf(date: string | null | undefined): { first: string; last: string } | null {
  const d = date ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return { first: d, last: d };
  if (/^\d{4}-\d{2}$/.test(d)) {
    const [year, month] = [Number(d.slice(0, 4)), Number(d.slice(5))];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { first: `${d}-01`, last: addDays(next, -1) };
  }
  if (/^\d{4}$/.test(d)) return { first: `${d}-01-01`, last: `${d}-12-31` };
  return null;
}

/** The matching anchor of an event: its day date, else the article's published (else fetched) day. */
export function anchorOf(date: string | null, published: string | null, seenAt: string): string {
  if (isDay(date)) return date;
  const pub = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null;
  return pub ?? seenAt.slice(0, 10);
}
