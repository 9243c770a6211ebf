// Splits a body text into paragraphs, sentences and tokens with character offsets.
// wink-nlp does tokenisation, sentence boundaries (it knows "U.S.", "Nov. 9", initials) and
// part-of-speech tags (PROPN helps tell names from capitalised common words);
// paragraphs are split on line breaks first because wink glues a headline to the next sentence.
import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Segmented, Sentence, Token } from './types.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
const engine = (): Nlp => (nlp ??= winkNLP(model, ['sbd', 'pos']));

export function segment(text: string): Segmented {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const paragraphRe = /[^\n]+/g;
  let paragraph = 0;
  for (let m = paragraphRe.exec(text); m; m = paragraphRe.exec(text)) {
    if (!m[0].trim()) continue;
    segmentParagraph(text, m.index, m[0], paragraph++, sentences, tokens);
  }
  return { text, sentences, tokens };
}

function segmentParagraph(text: string, offset: number, para: string, paragraph: number, sentences: Sentence[], tokens: Token[]): void {
  const doc = engine().readDoc(para);
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(engine().its.pos) as string[];
  // wink drops whitespace; recover each token's offset by scanning forward for its text.
  const starts: number[] = [];
  let cursor = 0;
  for (const w of words) {
    const at = para.indexOf(w, cursor);
    const start = at < 0 ? cursor : at;
    starts.push(start);
    cursor = start + (at < 0 ? 0 : w.length);
  }
  let first = 0;
  doc.sentences().each((s: ItemSentence) => {
    const count = s.tokens().length();
    if (count === 0) return;
    const last = first + count - 1;
    const sIndex = sentences.length;
    const start = offset + starts[first]!;
    const end = offset + starts[last]! + words[last]!.length;
    sentences.push({ start, end, text: text.slice(start, end), paragraph });
    for (let i = first; i <= last; i++) {
      const ts = offset + starts[i]!;
      tokens.push({ start: ts, end: ts + words[i]!.length, text: words[i]!, sentence: sIndex, pos: tags[i] ?? 'X' });
    }
    first = last + 1;
  });
}
