// Character references: the five XML ones, numeric references and the HTML 4 named set
// (which covers what feeds use in practice). Custom entities declared in a DOCTYPE are
// never expanded: an unknown `&name;` stays as written, so entity bombs and external
// entities (XXE) have nothing to resolve.

// Latin-1 supplement, U+00A0 to U+00FF, in code point order.
const LATIN1 = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 ' +
  'acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde ' +
  'Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc ' +
  'Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring ' +
  'aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml ' +
  'divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');

// Greek letters, U+0391 to U+03C9 (holes skipped by name lists below).
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega'.split(' ');
const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega'.split(' ');

const OTHERS: Record<string, number> = {
  quot: 34, amp: 38, apos: 39, lt: 60, gt: 62,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  thetasym: 0x3d1, upsih: 0x3d2, piv: 0x3d6,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d,
  bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044, euro: 0x20ac, image: 0x2111,
  weierp: 0x2118, real: 0x211c, trade: 0x2122, alefsym: 0x2135, larr: 0x2190, uarr: 0x2191, rarr: 0x2192,
  darr: 0x2193, harr: 0x2194, crarr: 0x21b5, lArr: 0x21d0, uArr: 0x21d1, rArr: 0x21d2, dArr: 0x21d3, hArr: 0x21d4,
  forall: 0x2200, part: 0x2202, exist: 0x2203, empty: 0x2205, nabla: 0x2207, isin: 0x2208, notin: 0x2209,
  ni: 0x220b, prod: 0x220f, sum: 0x2211, minus: 0x2212, lowast: 0x2217, radic: 0x221a, prop: 0x221d,
  infin: 0x221e, ang: 0x2220, and: 0x2227, or: 0x2228, cap: 0x2229, cup: 0x222a, int: 0x222b, there4: 0x2234,
  sim: 0x223c, cong: 0x2245, asymp: 0x2248, ne: 0x2260, equiv: 0x2261, le: 0x2264, ge: 0x2265, sub: 0x2282,
  sup: 0x2283, nsub: 0x2284, sube: 0x2286, supe: 0x2287, oplus: 0x2295, otimes: 0x2297, perp: 0x22a5,
  sdot: 0x22c5, lceil: 0x2308, rceil: 0x2309, lfloor: 0x230a, rfloor: 0x230b, lang: 0x2329, rang: 0x232a,
  loz: 0x25ca, spades: 0x2660, clubs: 0x2663, hearts: 0x2665, diams: 0x2666,
  // Common HTML5 additions.
  hyphen: 0x2010, dash: 0x2010, nbhy: 0x2011, NewLine: 10, Tab: 9, laquo: 0xab, raquo: 0xbb, check: 0x2713,
  star: 0x2606, starf: 0x2605, half: 0xbd, centerdot: 0xb7, middot: 0xb7, rsquor: 0x2019, lsquor: 0x201a,
  ldquor: 0x201e, rdquor: 0x201d, horbar: 0x2015, numsp: 0x2007, puncsp: 0x2008, hairsp: 0x200a,
  MediumSpace: 0x205f, NoBreak: 0x2060, ZeroWidthSpace: 0x200b, copysr: 0x2117, trade2: 0x2122,
};

const NAMED = new Map<string, string>();
LATIN1.forEach((name, i) => NAMED.set(name, String.fromCodePoint(0xa0 + i)));
GREEK_UPPER.forEach((name, i) => name !== '_' && NAMED.set(name, String.fromCodePoint(0x391 + i)));
GREEK_LOWER.forEach((name, i) => NAMED.set(name, String.fromCodePoint(0x3b1 + i)));
for (const [name, cp] of Object.entries(OTHERS)) NAMED.set(name, String.fromCodePoint(cp));

/** The character for a named reference, or undefined when the name is not a known entity. */
export function namedEntity(name: string): string | undefined {
  return NAMED.get(name) ?? NAMED.get(name.toLowerCase());
}

function fromCodePoint(cp: number): string | undefined {
  // NUL, surrogates and out-of-range values are not characters; C1 controls map through
  // windows-1252 as browsers do (&#150; is an en dash in real feeds).
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  if (cp >= 0x80 && cp <= 0x9f) return C1[cp - 0x80] ?? String.fromCodePoint(cp);
  return String.fromCodePoint(cp);
}

// windows-1252 characters for bytes 0x80-0x9F (undefined holes stay as they are).
const C1 = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

const REF = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * Decodes character references. A bare `&` or an unknown name is kept literally, which is
 * how a lenient reader treats the common "unescaped ampersand in a URL" mistake.
 */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REF, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(parseInt(dec, 10)) ?? whole;
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16)) ?? whole;
    return (name !== undefined && namedEntity(name)) || whole;
  });
}

/** Escapes text for an XML/HTML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}
