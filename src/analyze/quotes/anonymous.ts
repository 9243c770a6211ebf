// Unnamed sources: "a high-level source in Pyongyang", "officials", "a senior administration
// official", "sources familiar with the matter", "two people briefed on the talks".
import type { QuoteLexicon } from './lexicon.js';

const LEAD = /^(?:a|an|the|one|two|three|four|several|some|many|other|another|these|those|multiple|various|numerous|\d+)\b/i;

/** True when the phrase names its speaker only by an anonymous head noun. */
export function isAnonymousPhrase(phrase: string, lex: QuoteLexicon): boolean {
  if (lex.anonymityRe.test(phrase)) return true;
  const core = phrase.split(/\s+(?:of|in|at|from|for|with|on|close|familiar|who|briefed|knowledgeable|involved|based)\b/i)[0]!;
  const words = core.split(/[\s-]+/).filter(Boolean);
  if (!words.length || words.length > 7) return false;
  const head = words[words.length - 1]!.toLowerCase().replace(/[’']s?$/, '');
  if (!lex.anonymousHeads.has(head)) return false;
  // "officials", "Pentagon officials" or "a senior official": bare plural, or a determiner first.
  return words.length === 1 || LEAD.test(core) || head.endsWith('s') || /^[A-Z]/.test(words[0]!);
}
