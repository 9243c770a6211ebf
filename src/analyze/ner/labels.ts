// The tagger's label set: BIO over the four CoNLL types. Index 0 is O.
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const N_LABELS = LABELS.length;

export const beginOf = (type: NerType): number => 1 + 2 * TYPES.indexOf(type);
export const insideOf = (type: NerType): number => 2 + 2 * TYPES.indexOf(type);
/** Type of a non-O label. */
export const typeOf = (label: number): NerType => TYPES[(label - 1) >> 1]!;
export const isBegin = (label: number): boolean => label > 0 && (label & 1) === 1;

/** An I- label may only follow B- or I- of its own type. */
export function allowed(prev: number, next: number): boolean {
  if (next === 0 || isBegin(next)) return true;
  return prev !== 0 && typeOf(prev) === typeOf(next);
}

export interface Span {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: NerType;
}

/** Entity spans of a label sequence (a stray I- opens an entity, as conlleval reads it). */
export function spansOf(labels: ArrayLike<number>): Span[] {
  const out: Span[] = [];
  let open: Span | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (open && (l === 0 || isBegin(l) || typeOf(l) !== open.type)) {
      out.push(open);
      open = null;
    }
    if (l !== 0 && !open) open = { start: i, end: i + 1, type: typeOf(l) };
    else if (open) open.end = i + 1;
  }
  if (open) out.push(open);
  return out;
}

/** Spans of a whole text's labels, sentence by sentence (an entity never crosses a sentence). */
export function documentSpans(seg: { tokens: { sentence: number }[] }, labels: Uint8Array): Span[] {
  const out: Span[] = [];
  const toks = seg.tokens;
  for (let a = 0; a < toks.length; ) {
    let b = a + 1;
    while (b < toks.length && toks[b]!.sentence === toks[a]!.sentence) b++;
    for (const s of spansOf(labels.subarray(a, b))) out.push({ start: s.start + a, end: s.end + a, type: s.type });
    a = b;
  }
  return out;
}
