// Body language, ISO 639-1. Non-Latin scripts are identified by their characters (exact
// and cheap); Latin-script text goes to franc-min restricted to the languages a desk is
// likely to read, because unrestricted trigram models mistake short English for Scots or
// Frisian. A declared language (html lang, meta) wins when franc is unsure or agrees
// within a margin; short text keeps the declared language.
import { francAll } from 'franc-min';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl', ron: 'ro', tur: 'tr',
  ind: 'id', vie: 'vi', swe: 'sv', ces: 'cs', hun: 'hu', rus: 'ru', ukr: 'uk', arb: 'ar', pes: 'fa', cmn: 'zh',
  jpn: 'ja', kor: 'ko', hin: 'hi',
};

const LATIN_CANDIDATES = ['eng', 'fra', 'deu', 'spa', 'por', 'ita', 'nld', 'pol', 'ron', 'tur', 'ind', 'vie', 'swe', 'ces', 'hun'];

// A thousand characters decide the language as well as the whole text, at a third of the cost.
const SAMPLE = 1000;

interface ScriptCounts {
  letters: number;
  hangul: number;
  kana: number;
  han: number;
  cyrillic: number;
  arabic: number;
  devanagari: number;
}

function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { letters: 0, hangul: 0, kana: 0, han: 0, cyrillic: 0, arabic: 0, devanagari: 0 };
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x41) continue;
    if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) c.hangul++;
    else if (code >= 0x3040 && code <= 0x30ff) c.kana++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) c.han++;
    else if (code >= 0x0400 && code <= 0x04ff) c.cyrillic++;
    else if (code >= 0x0600 && code <= 0x06ff) c.arabic++;
    else if (code >= 0x0900 && code <= 0x097f) c.devanagari++;
    else if (!/\p{L}/u.test(ch)) continue;
    c.letters++;
  }
  return c;
}

function byScript(c: ScriptCounts, declared: string | null): string | null {
  if (c.letters < 20) return null;
  const share = (n: number): number => n / c.letters;
  if (share(c.hangul) > 0.3) return 'ko';
  if (share(c.kana) > 0.1) return 'ja';
  if (share(c.han) > 0.3) return declared === 'ja' ? 'ja' : 'zh';
  if (share(c.cyrillic) > 0.5) return declared && ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk'].includes(declared) ? declared : 'ru';
  if (share(c.arabic) > 0.5) return declared && ['ar', 'fa', 'ur', 'ps'].includes(declared) ? declared : 'ar';
  if (share(c.devanagari) > 0.5) return declared && ['hi', 'mr', 'ne'].includes(declared) ? declared : 'hi';
  return null;
}

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'as', 'was', 'said', 'it', 'by', 'are', 'be', 'has', 'have', 'at', 'from', 'this', 'an', 'he', 'she', 'they', 'his', 'her', 'its', 'not', 'but', 'were', 'will', 'which', 'who', 'their']);

/**
 * Most pages are English: when a quarter of the words are English function words (other
 * languages score well under a tenth), franc's trigram scoring is skipped.
 */
function clearlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z']+/g);
  if (!words || words.length < 30) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length > 0.25;
}

/**
 * The language of `text`, falling back to `declared` (any BCP 47 tag; its primary subtag
 * is used), then to English.
 */
export function detectLanguage(text: string, declared: string | null): string {
  const decl = declared ? (/^([a-z]{2,3})\b/i.exec(declared.trim())?.[1]?.toLowerCase() ?? null) : null;
  const sample = text.slice(0, SAMPLE);
  const script = byScript(countScripts(sample), decl);
  if (script) return script;
  if (sample.replace(/\s+/g, '').length < 80) return decl ?? 'en';
  if (clearlyEnglish(sample)) return 'en';
  const scores = francAll(sample, { only: LATIN_CANDIDATES, minLength: 20 });
  const best = scores[0];
  if (!best || best[0] === 'und') return decl ?? 'en';
  const bestCode = ISO3_TO_1[best[0]] ?? null;
  if (decl) {
    const declScore = scores.find(([code]) => ISO3_TO_1[code] === decl)?.[1];
    // Scores are 1 for the best and typically 0.85–0.95 for the rest: keep the page's word
    // only when franc can hardly tell them apart.
    if (declScore !== undefined && declScore > 0.97) return decl;
  }
  return bestCode ?? decl ?? 'en';
}
