// The compared words of a report (content-word stems of its quote and of its sentence + trigger,
// identity.ts reportWords), computed once per report instead of once per comparison: the store
// saves them with each report (article_events.words) and primes them on read; reports built
// elsewhere (tests, the synthetic sets) get them computed on first use and kept per object.
// Stems are a pure function of the report's stored text fields, so a cached set equals a
// recomputed one as long as STEMS_VERSION names the stemmer that made it.

export interface ReportWords {
  quote: Set<string>;
  sentence: Set<string>;
}

/** Bump when contentStems/stem change: stored words of another version are ignored (recomputed). */
export const STEMS_VERSION = 1;

// Keyed by the report object: reports are not mutated once built (merge and linking only read them).
const cache = new WeakMap<object, ReportWords>();

/** The report's words: cached, else computed by `compute` and cached. */
export function wordsOf<R extends object>(report: R, compute: (r: R) => ReportWords): ReportWords {
  let words = cache.get(report);
  if (!words) {
    words = compute(report);
    cache.set(report, words);
  }
  return words;
}

/** Primes the cache with stored words (decodeWords of the stored column); a null leaves it to wordsOf. */
export function primeWords(report: object, words: ReportWords | null): void {
  if (words) cache.set(report, words);
}

/** The stored form: {"v":STEMS_VERSION,"q":[…],"s":[…]}. */
export function encodeWords(words: ReportWords): string {
  return JSON.stringify({ v: STEMS_VERSION, q: [...words.quote], s: [...words.sentence] });
}

/** Stored words back as sets; null when missing, malformed or of another stemmer version (then they are recomputed). */
export function decodeWords(stored: string | null | undefined): ReportWords | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { v?: unknown; q?: unknown; s?: unknown };
    if (parsed.v !== STEMS_VERSION || !isStrings(parsed.q) || !isStrings(parsed.s)) return null;
    return { quote: new Set(parsed.q), sentence: new Set(parsed.s) };
  } catch {
    return null; // a damaged cell costs a recomputation, never the merge
  }
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
