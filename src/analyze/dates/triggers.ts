// One cheap pass over the article marks, per sentence, which rule families can fire there, so
// the rule regexes only run on the few sentences holding a trigger word.
import type { Ctx, Family } from './types.js';

const FAMILY_ORDER: Family[] = ['month', 'weekday', 'year', 'deictic', 'unit', 'ago', 'quarter', 'half', 'season', 'ref', 'anchored'];
export const FAMILY_BIT: Record<Family, number> = Object.fromEntries(FAMILY_ORDER.map((f, i) => [f, 1 << i])) as Record<Family, number>;

const TRIGGER = new RegExp([
  '\\b(?:(Jan(?:uary|\\.)|Feb(?:ruary|\\.)|March|Mar\\.|Apr(?:il|\\.)|May|June?\\.?|July?\\.?|Aug(?:ust|\\.)|Sep(?:t(?:ember|\\.)?|\\.)|Oct(?:ober|\\.)|Nov(?:ember|\\.)|Dec(?:ember|\\.))',
  '((?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day)',
  '(\\d{4}|\\d0\'?s|centur|nineteen|eighteen|that year|same year|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|thousand)',
  '(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)',
  '(week|month|year|decade)',
  '(ago|earlier|before)',
  '(quarter|Q[1-4]|period)',
  '(half)',
  '(spring|summer|autumn|fall|winter)',
  '(now|current|recent|past|future|these days|nowadays|near term|coming|upcoming|few|several)',
  '(previous day|preceding day|following day|next day|day before|day after|days? earlier|days? later|days? before|days? after|the \\d{1,2}(?:st|nd|rd|th)))',
].join('|'), 'gi');

/** Bit mask of the families triggered in each sentence. */
export function sentenceFamilies(ctx: Ctx): Uint16Array {
  const masks = new Uint16Array(ctx.sentences.length);
  const sentences = ctx.sentences;
  let si = 0;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(ctx.text); m; m = TRIGGER.exec(ctx.text)) {
    while (si < sentences.length && sentences[si]!.end <= m.index) si++;
    if (si >= sentences.length) break;
    if (sentences[si]!.start > m.index) continue;
    let g = 1;
    while (m[g] === undefined) g++;
    // Month and weekday names count only when capitalised ("may", "march" are verbs).
    if (g <= 2 && m[0].charCodeAt(0) > 90) continue;
    masks[si]! |= 1 << (g - 1);
  }
  return masks;
}
