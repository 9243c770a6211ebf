// A romanisation-folded key for a person's name, so spellings of one name meet ("Ri Son Gwon",
// "Lee Son-kwon", "Ri Songwon"; "Qassem Soleimani", "Qasem Suleimani"). Equal keys mean "probably
// the same name written by another desk"; callers still decide (a registry hit must be unique).
//
// The rules are general spelling alternations of romanised names, not a list of people:
// - letters: diacritics and apostrophes go (Erdoğan, Khamene'i); hyphens, dots and spaces only
//   separate parts; "Surname, Given" is turned around; leading forms of address (honorifics.ts: Sheikh, Sayyid) and
//   trailing Jr/Sr/II go.
// - Arabic particles: al-/el- (and sun-letter forms ar-, ash-, ad- before the same letter) go
//   unless a bare first word ("Al Gore"); ibn/bn become bin; Abdul/Abdel/Abd al- become one "abd";
//   the theophoric ending -allah/-ollah/-ullah is one ending.
// - East Asian names (a common Korean or Chinese family name at one end): the family name is put
//   first, the given name's syllables are glued (spacing and hyphens vary), and the alternations of
//   McCune–Reischauer, Revised and DPRK spelling fold: k/g, t/d, p/b, ch/j, sh/s, aspirate h
//   (th, ph, kh), eo/o, eu/u, oo/ou/u, ee/ui/i, o/u (jong/jung), a silent h (Oh, Ahn); the family
//   name's initial r/l/y alternation (Ri/Lee/Yi/Rhee, Ryu/Yu, Rim/Lim) and Park/Pak, Choi/Choe.
// - other names, per word: q/gh/k (Qasem/Ghasem), ph/f, dj/j, dh/d, x/ks, c before a back vowel
//   or consonant to k, w between vowels to v (Jawad/Javad), doubled letters (Qassem), ou/oo/u,
//   ee/i, a final h after a vowel (Abdullah/Abdulla). Vowels fold by position, since transliteration
//   varies most in unstressed syllables: in a word's first and last vowel group o/u and e/i/y are
//   one (Mohammad/Muhammad, Ebrahim/Ibrahim, Zelensky/Zelenskyy), a stays apart (Maria ≠ Mario,
//   Anna ≠ Anne); inner vowel groups are all one (Qasem/Qasim, Mohammed/Mohammad,
//   Soleimani/Sulaymani, Youssef/Yusuf). The price: names that differ only there meet too
//   (Samir/Samar), which is why a registry match must be unique and candidates keep every spelling.
// Names of one word give no key (too little to match on); so does very long input.

import { honorifics } from './honorifics.js';

const MAX_CHARS = 160;
const MAX_WORDS = 8;

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const ARTICLES = new Set(['al', 'el', 'ul']);
/** Sun-letter forms of the Arabic article: dropped only before a word starting with the same sound. */
const SUN = new Set(['ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'adh', 'ath']);

/** Common Korean and Chinese family names in their usual spellings: a name starting or ending with
 * one is read as East Asian (family name first, given-name syllables spaced or hyphenated freely). */
const EAST_ASIAN_FAMILY = new Set(
  ('kim gim lee yi ri rhee rhie park pak bak choi choe jung jeong chung chong jong kang gang cho jo yoon yun jang chang ' +
    'lim im rim han oh seo suh shin sin kwon gwon hwang ahn song ryu yu yoo hong jeon chun chon moon mun yang ryang ' +
    'son bae baek paek heo hyon hyun nam noh roh ro kwak sim shim won yeom ryom pyon byun byeon chae ju joo woo min ' +
    'wang li zhang liu chen zhao wu zhou xu sun ma zhu hu guo lin luo gao zheng liang xie tang feng deng cao peng zeng ' +
    'xiao tian dong pan yuan cai jiang du ye cheng wei su lu ding ren shen yao xi qin meng qian bai hou kong shi mao ' +
    'duan lei tan xiong jin yan wen gu lai fang cui qiu').split(' '),
);
/** Family-name spellings that no letter rule relates: the DPRK keeps an initial r that the South drops. */
const FAMILY_FORMS = new Map<string, string>([
  ...['ri', 'rhee', 'rhie', 'rhi', 'lee', 'li', 'yi', 'i', 'ree', 'yee'].map((s) => [s, 'i'] as [string, string]),
  ...['rim', 'lim', 'yim', 'im'].map((s) => [s, 'im'] as [string, string]),
  ...['ryu', 'yu', 'yoo', 'you', 'ryoo'].map((s) => [s, 'yu'] as [string, string]),
  ...['ro', 'roh', 'rho', 'no', 'noh'].map((s) => [s, 'no'] as [string, string]),
  ...['ryang', 'yang'].map((s) => [s, 'yang'] as [string, string]),
  ...['ryom', 'yeom', 'yom'].map((s) => [s, 'yom'] as [string, string]),
  ...['park', 'pak', 'bak', 'bahk'].map((s) => [s, 'bak'] as [string, string]),
  ...['choi', 'choe', 'choy', 'chwe'].map((s) => [s, 'joe'] as [string, string]),
]);

/** Recent keys: the analyzer asks for a name's key several times per article and names recur. */
const cache = new Map<string, string | null>();
const CACHE_SIZE = 4096;

/** The folded key of a person's name, or null when the name is a single word or too long. */
export function variantKey(name: string): string | null {
  if (name.length > MAX_CHARS || !/[\s,.\-‐‑–—_]/.test(name)) return null;
  let key = cache.get(name);
  if (key !== undefined) return key;
  key = computeKey(name);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(name, key);
  return key;
}

function computeKey(name: string): string | null {
  const units = nameUnits(name);
  if (!units || units.length < 2) return null;
  const east = eastAsian(units);
  if (east) return east;
  const words = arabicParticles(units);
  if (words.length < 2) return null;
  return words.map(foldWord).join(' ');
}

/** Space-separated units, each a list of hyphen- or dot-separated parts, in plain lower-case letters. */
function nameUnits(name: string): string[][] | null {
  let s = name.toLowerCase();
  if (/[^ -~]/.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ıøæœßđðłþ]/g, (c) => LETTERS[c] ?? c);
  s = s.replace(/['’‘`´ʻʼʿʾ]/g, '');
  const comma = /^([^,]+),([^,]+)$/.exec(s);
  if (comma && !SUFFIXES.has(comma[2]!.replace(/[^a-z]/g, ''))) s = `${comma[2]} ${comma[1]}`;
  const units = s
    .split(/\s+/)
    .map((u) => u.split(/[-‐‑–—_.]+/).map((p) => p.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean))
    .filter((u) => u.length > 0);
  if (units.length > MAX_WORDS) return null;
  while (units.length > 1 && units[0]!.length === 1 && honorifics().has(units[0]![0]!)) units.shift();
  while (units.length > 1 && units.at(-1)!.length === 1 && SUFFIXES.has(units.at(-1)![0]!)) units.pop();
  return units;
}

const LETTERS: Record<string, string> = { ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th' };

/** "family given" for an East Asian name (2–3 units, a known family name as a bare first or last unit). */
function eastAsian(units: string[][]): string | null {
  if (units.length > 3) return null;
  const bare = (u: string[]) => u.length === 1 && EAST_ASIAN_FAMILY.has(u[0]!);
  let family: string;
  let given: string[][];
  if (bare(units[0]!)) [family, given] = [units[0]![0]!, units.slice(1)];
  else if (bare(units.at(-1)!)) [family, given] = [units.at(-1)![0]!, units.slice(0, -1)];
  else return null;
  const g = foldEastAsian(given.flat().join(''));
  return g ? `${foldEastAsian(FAMILY_FORMS.get(family) ?? family)} ${g}` : null;
}

const EAST_ASIAN_LETTERS: Record<string, string> = {
  th: 'd', ph: 'b', kh: 'g', ck: 'g', // DPRK aspirates (Thae, Phyo)
  eo: 'o', eu: 'u', oo: 'u', ou: 'u', ee: 'i',
  ch: 'j', sh: 's', k: 'g', t: 'd', p: 'b',
};

function foldEastAsian(s: string): string {
  return collapse(s
    .replace(/[tpk]h|ck|eo|eu|oo|ou|ee|ch|sh|[ktp]/g, (x) => EAST_ASIAN_LETTERS[x]!)
    .replace(/ui|([aeiouy])h(?![aeiouy])/g, (x, v: string | undefined) => v ?? 'i') // Hui/Hee/Hi; Oh, Ahn, Suh
    .replaceAll('o', 'u'));
}

/** Words with the Arabic article, "ibn" and "Abd al-" spellings made one. */
function arabicParticles(units: string[][]): string[] {
  const out: string[] = [];
  const flat = units.flatMap((u, ui) => u.map((p, pi) => ({ p, first: ui === 0 && pi === 0, bare: u.length === 1 })));
  for (let i = 0; i < flat.length; i++) {
    const { p, first, bare } = flat[i]!;
    const next = flat[i + 1]?.p;
    if (next && ARTICLES.has(p) && !(first && bare)) continue;
    if (next && SUN.has(p) && !first && next.startsWith(p.slice(1))) continue;
    if (p === 'ibn' || p === 'bn') {
      out.push('bin');
      continue;
    }
    // "Abdul Rahman", "Abd al-Rahman", "Abdelrahman", "Abdurrahman": "abd" and the name.
    const abd = /^abd(?:[aeiou]{1,2}[lrsdtzn](.*))?$/.exec(p);
    if (abd) {
      out.push('abd');
      if (abd[1]) out.push(abd[1]);
      continue;
    }
    out.push(p);
  }
  return out;
}

const LETTERS_OTHER: Record<string, string> = { ph: 'f', dj: 'j', gh: 'k', ck: 'k', dh: 'd', q: 'k', x: 'ks', c: 'k', ou: 'u', oo: 'u', ee: 'i', iy: 'i' };
const isVowel = (c: string | undefined): boolean => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';

function foldWord(word: string): string {
  const w = collapse(word
    .replace(/ph|dj|gh|ck|dh|q|x|c(?![heiy])/g, (x) => LETTERS_OTHER[x]!)
    .replace(/([aeiou])w(?=[aeiou])/g, '$1v')
    .replace(/(?<=...)[aou](?:llah?|lah)$/, 'alla')
    .replace(/ou|oo|ee|iy(?=[aeou])/g, (x) => LETTERS_OTHER[x]!)
    .replace(/([aeiouy])h$/, '$1'));
  // Vowel groups by position; y is a vowel unless a vowel follows it ("Yahya", "Sayed").
  const groups: { start: number; end: number }[] = [];
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    if (!isVowel(c) && !(c === 'y' && !isVowel(w[i + 1]))) continue;
    const last = groups.at(-1);
    if (last && last.end === i) last.end = i + 1;
    else groups.push({ start: i, end: i + 1 });
  }
  let out = '';
  let at = 0;
  groups.forEach((g, n) => {
    const v = w.slice(g.start, g.end);
    const edge = n === 0 || (n === groups.length - 1 && g.end === w.length);
    out += w.slice(at, g.start) + (edge ? edgeVowels(v) : 'e');
    at = g.end;
  });
  return out + w.slice(at);
}

/** First or word-final vowel group: o/u one, e/i/y one, a apart; repeats collapse ("aei" → "ai"). */
function edgeVowels(v: string): string {
  let out = '';
  for (const c of v) {
    const f = c === 'o' || c === 'u' ? 'u' : c === 'a' ? 'a' : 'i';
    if (!out.endsWith(f)) out += f;
  }
  return out;
}

/** Doubled letters once ("qassem" → "qasem"). */
function collapse(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (s[i] !== s[i - 1]) out += s[i];
  return out;
}
