// Finds quoted spans in one pass over the characters: every quotation-mark style (straight and
// curly double and single quotes, '' pairs, „…“, guillemets «…» and »…«, CJK 「…」 『…』), nested
// quotes kept inside the outer one, apostrophes told apart from single quotes, a quote never
// closed running to the end of its paragraph, and news-style continuation of a quote into the next
// paragraph when that paragraph opens with a quotation mark again.

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Content start and end (inside the marks). */
  start: number;
  end: number;
  /** Offset just after the closing mark (= end when the quote was never closed). */
  close: number;
  /** Paragraph index of the opening mark (paragraphs are the non-empty lines). */
  paragraph: number;
  /** Paragraph index where the quote ends. */
  lastParagraph: number;
  closed: boolean;
}

type Family = 'double' | 'single' | 'guillemet' | 'rguillemet' | 'sguillemet' | 'cjk' | 'cjk2';
interface OpenMark {
  family: Family;
  at: number;
  len: number;
  straight: boolean;
}

/** Every character the scanner looks at (a regex skips the rest quickly). */
const MARK_RE = /["'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c-\u300f]/g;
const isSpace = (c: number) => c === 32 || c === 9 || c === 160 || c === 10 || c === 13 || c === 0x2009 || c === 0x202f;
/** Characters after which a straight quote opens: start, space, opening brackets, dashes, slash. */
const OPEN_BEFORE = new Set([40, 91, 123, 0x2014, 0x2013, 45, 47, 58, 0x201c, 0x2018, 34, 39]);
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c > 0x370 && c < 0x2000);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordChar = (c: number) => isLetter(c) || isDigit(c);

/** Quoted spans of the whole text, in text order, top-level only. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let paragraph = 0;
  let ps = 0;
  const n = text.length;
  while (ps < n) {
    let pe = text.indexOf('\n', ps);
    if (pe < 0) pe = n;
    if (hasContent(text, ps, pe)) {
      scanParagraph(text, ps, pe, paragraph, out);
      paragraph++;
    }
    ps = pe + 1;
  }
  return out;
}

function hasContent(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

function scanParagraph(text: string, ps: number, pe: number, paragraph: number, out: QuotedSpan[]): void {
  const stack: OpenMark[] = [];
  const code = (i: number) => (i >= ps && i < pe ? text.charCodeAt(i) : 32);
  const emit = (o: OpenMark, endContent: number, close: number, closed: boolean) => {
    const q: QuotedSpan = { open: o.at, start: o.at + o.len, end: endContent, close, paragraph, lastParagraph: paragraph, closed };
    const prev = out[out.length - 1];
    // News style: a quote left open at a paragraph end continues when the next paragraph opens with a mark.
    if (prev && !prev.closed && prev.lastParagraph === paragraph - 1 && !hasContent(text, ps, o.at)) {
      prev.end = q.end;
      prev.close = q.close;
      prev.closed = q.closed;
      prev.lastParagraph = paragraph;
      return;
    }
    if (q.end > q.start) out.push(q);
  };
  const openIdx = (pred: (o: OpenMark) => boolean): number => {
    for (let k = stack.length - 1; k >= 0; k--) if (pred(stack[k]!)) return k;
    return -1;
  };
  const closeAt = (k: number, i: number, len: number) => {
    const o = stack[k]!;
    stack.length = k;
    if (k === 0) emit(o, i, i + len, true);
  };
  const push = (family: Family, at: number, len: number, straight = false) => stack.push({ family, at, len, straight });

  MARK_RE.lastIndex = ps;
  for (let mm = MARK_RE.exec(text); mm && mm.index < pe; mm = MARK_RE.exec(text)) {
    let i = mm.index;
    const c = text.charCodeAt(i);
    const prev = code(i - 1);
    switch (c) {
      case 0x201c: {
        // “ opens, or closes „…“.
        const k = openIdx((o) => o.family === 'double');
        if (k >= 0 && text.charCodeAt(stack[k]!.at) === 0x201e) closeAt(k, i, 1);
        else push('double', i, 1);
        break;
      }
      case 0x201e:
        push('double', i, 1);
        break;
      case 0x201d: {
        const k = openIdx((o) => o.family === 'double');
        if (k >= 0) closeAt(k, i, 1);
        else if ((i === ps || isSpace(prev)) && !isSpace(code(i + 1))) push('double', i, 1); // ”…” style
        break;
      }
      case 34:
      case 39: {
        const doubled = c === 39 && code(i + 1) === 39;
        if (c === 34 || doubled) {
          straightDouble(i, doubled ? 2 : 1);
          if (doubled) MARK_RE.lastIndex = ++i + 1;
        } else straightSingle(i);
        break;
      }
      case 0x2018:
        if (!(isDigit(code(i + 1)) && isDigit(code(i + 2)) && !isDigit(code(i + 3)))) push('single', i, 1);
        break;
      case 0x2019:
        closeSingle(i, prev);
        break;
      case 0xab: {
        const k = openIdx((o) => o.family === 'rguillemet');
        if (k >= 0) closeAt(k, i, 1);
        else push('guillemet', i, 1);
        break;
      }
      case 0xbb: {
        const k = openIdx((o) => o.family === 'guillemet');
        if (k >= 0) closeAt(k, i, 1);
        else if (!isSpace(code(i + 1)) && text.indexOf('\u00ab', i) >= 0 && text.indexOf('\u00ab', i) < pe) push('rguillemet', i, 1);
        break;
      }
      case 0x2039:
        push('sguillemet', i, 1);
        break;
      case 0x203a: {
        const k = openIdx((o) => o.family === 'sguillemet');
        if (k >= 0) closeAt(k, i, 1);
        break;
      }
      case 0x300c:
        push('cjk', i, 1);
        break;
      case 0x300d: {
        const k = openIdx((o) => o.family === 'cjk');
        if (k >= 0) closeAt(k, i, 1);
        break;
      }
      case 0x300e:
        push('cjk2', i, 1);
        break;
      case 0x300f: {
        const k = openIdx((o) => o.family === 'cjk2');
        if (k >= 0) closeAt(k, i, 1);
        break;
      }
      default:
        break;
    }
  }
  // Unclosed: the outermost open double (or guillemet/CJK) quote runs to the paragraph end;
  // an unclosed single quote is more likely an apostrophe and is dropped.
  const bottom = stack.find((o) => o.family !== 'single' && o.family !== 'sguillemet');
  if (bottom) {
    let e = pe;
    while (e > bottom.at && isSpace(text.charCodeAt(e - 1))) e--;
    emit(bottom, e, e, false);
  }

  function straightDouble(i: number, len: number): void {
    const before = code(i - 1);
    const after = code(i + len);
    const k = openIdx((o) => o.family === 'double' && o.straight && o.len === len);
    const openCtx = (i === ps || isSpace(before) || OPEN_BEFORE.has(before)) && !isSpace(after) && i + len < pe;
    if (k >= 0 && !(openCtx && k < stack.length - 1 && stack[stack.length - 1]!.family === 'double')) closeAt(k, i, len);
    else if (openCtx) push('double', i, len, true);
    else {
      const any = openIdx((o) => o.family === 'double');
      if (any >= 0) closeAt(any, i, len);
    }
  }

  function straightSingle(i: number): void {
    const before = code(i - 1);
    const after = code(i + 1);
    if (isWordChar(before) && isWordChar(after)) return; // don't, O'Brien
    const openCtx = (i === ps || isSpace(before) || OPEN_BEFORE.has(before)) && isWordChar(after);
    if (openCtx) {
      // '90s, '16 election, 'em, 'til: apostrophes of elision.
      if (isDigit(after) && isDigit(code(i + 2)) && !isDigit(code(i + 3))) return;
      if (/^(?:em|til|cause|n)\b/i.test(text.slice(i + 1, i + 6)) && !closesLater(i)) return;
      push('single', i, 1, true);
      return;
    }
    closeSingle(i, before);
  }

  function closesLater(i: number): boolean {
    const j = text.indexOf("'", i + 1);
    return j > 0 && j < pe;
  }

  function closeSingle(i: number, before: number): void {
    const after = code(i + 1);
    if (isWordChar(before) && isLetter(after)) return; // don’t
    const k = openIdx((o) => o.family === 'single');
    if (k < 0 || isSpace(before) || isWordChar(after)) return; // Koreas’ with no quote open
    closeAt(k, i, 1);
  }
}
