// What of a title phrase is a role: no forms of address ("Mr.", "Sheikh"), no headline words after
// the title ("Supreme Leader Vows …" → "Supreme Leader"), no run-on clause, a bounded length.
import { isHonorific, isRoleHead, isTitleWord } from './title-lexicon.js';

/** Longest role kept, in words ("Deputy Assistant to the President for Asian Affairs" has 8). */
export const MAX_ROLE_WORDS = 10;

/** Words that continue a title with a phrase ("Minister of …", "Envoy for …", "Ambassador to …", "Leader in …"). */
const LINKS = new Set(['of', 'for', 'to', 'on', 'at', 'in']);
const EDGE_JUNK = /^(?:the|a|an|and|of|for|to|on|at|in|with|by|[,;:'’"“”()-]|['’]s)$/i;

/** The role in a title phrase, or null when nothing of it is a role. */
export function cleanRole(raw: string): string | null {
  const words = raw.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  trimEdges(words);
  // "Mr.", "Sheikh", "Supreme Leader Ayatollah": address forms at either edge are not the post.
  while (words.length && isHonorific(words[0]!)) words.shift();
  while (words.length && isHonorific(words[words.length - 1]!)) words.pop();
  const head = lastHead(words);
  if (head < 0) return null;
  // After the last head a capitalised word goes on with the title only inside a linked phrase ("of
  // Foreign Affairs") or as a title word ("General", "Designate"); else it is the next word of a
  // headline ("Supreme Leader Vows …") or the next name of a list ("Defense Secretary Mark …").
  let end = head + 1;
  let linked = false;
  while (end < words.length) {
    const w = words[end]!;
    if (LINKS.has(w.toLowerCase())) linked = true;
    else if (!linked && /^\p{Lu}/u.test(w) && !isTitleWord(w)) break;
    end++;
  }
  const kept = words.slice(0, Math.min(end, MAX_ROLE_WORDS));
  trimEdges(kept);
  if (!kept.length || lastHead(kept) < 0) return null;
  return kept.join(' ');
}

function lastHead(words: string[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (isRoleHead(words[i]!.replace(/[,;:]$/, ''))) return i;
  return -1;
}

function trimEdges(words: string[]): void {
  while (words.length && EDGE_JUNK.test(words[0]!)) words.shift();
  while (words.length && EDGE_JUNK.test(words[words.length - 1]!)) words.pop();
}
