// Splits a body text into paragraphs, sentences and tokens with character offsets.
// wink-nlp does tokenisation, sentence boundaries (it knows "U.S.", "Nov. 9", initials) and
// part-of-speech tags (PROPN helps tell names from capitalised common words). The text is read as
// one document (one readDoc per paragraph costs a third more); a sentence wink runs across a line
// break (a headline glued to the next line) is cut there, since a line break always ends a paragraph.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Segmented, Sentence, Token } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
const engine = (): Nlp => (nlp ??= winkNLP(model, ['sbd', 'pos']));

export function segment(text: string): Segmented {
  const doc = engine().readDoc(text);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(engine().its.pos) as string[];
  // wink drops whitespace; recover each token's offset by scanning forward for its text.
  const starts = new Array<number>(words.length);
  let cursor = 0;
  for (let i = 0; i < words.length; i++) {
    const at = text.indexOf(words[i]!, cursor);
    starts[i] = at < 0 ? cursor : at;
    cursor = at < 0 ? cursor : at + words[i]!.length;
  }
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let paragraph = -1;
  let nextBreak = text.indexOf('\n');
  const spans = doc.sentences().out(engine().its.span) as unknown as [number, number][];
  for (const [first, last] of spans) {
    let from = first;
    for (let i = first; i <= last; i++) {
      const start = starts[i]!;
      const breakBefore = nextBreak >= 0 && nextBreak < start;
      if (breakBefore) nextBreak = text.indexOf('\n', start);
      if (breakBefore && i > from) {
        pushSentence(from, i - 1);
        from = i;
      }
      if (breakBefore || paragraph < 0) paragraph++;
    }
    if (from <= last) pushSentence(from, last);
  }
  return { text, sentences, tokens };

  function pushSentence(first: number, last: number): void {
    const sIndex = sentences.length;
    const start = starts[first]!;
    const end = starts[last]! + words[last]!.length;
    sentences.push({ start, end, text: text.slice(start, end), paragraph });
    for (let i = first; i <= last; i++) {
      tokens.push({ start: starts[i]!, end: starts[i]! + words[i]!.length, text: words[i]!, lower: words[i]!.toLowerCase(), sentence: sIndex, pos: tags[i] ?? 'X' });
    }
  }
}
