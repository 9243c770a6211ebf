// Reads CoNLL-2003 files (`word POS chunk NER`, IOB tags, -DOCSTART- between documents) into
// documents whose text is built the way the NER scorer builds it (tokens joined by spaces, one
// sentence a line), with gold entities as character spans, then segments each text with
// Readout's own segmenter and labels its tokens, so training sees what analysis will see.
import { readFileSync } from 'node:fs';
import { segment } from '../../src/analyze/segment.js';
import type { Segmented } from '../../src/analyze/types.js';
import { beginOf, insideOf, type NerType } from '../../src/analyze/ner/labels.js';

export interface GoldEntity {
  start: number;
  end: number;
  type: NerType;
}

export interface Doc {
  text: string;
  entities: GoldEntity[];
}

/** A document as read: sentences of words with their IOB tags. */
export interface RawDoc {
  sentences: { words: string[]; tags: string[] }[];
}

export interface LabelledDoc {
  seg: Segmented;
  labels: Uint8Array;
  entities: GoldEntity[];
}

export function readConll(path: string): Doc[] {
  return readRawConll(path).map(toDoc);
}

export function readRawConll(path: string): RawDoc[] {
  const docs: RawDoc[] = [];
  let sentences: { words: string[]; tags: string[] }[] = [];
  let cur: { words: string[]; tags: string[] } = { words: [], tags: [] };
  const flushSentence = (): void => {
    if (cur.words.length) sentences.push(cur);
    cur = { words: [], tags: [] };
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length) docs.push({ sentences });
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') flushDoc();
    else if (!line.trim()) flushSentence();
    else {
      cur.words.push(cols[0]!);
      cur.tags.push(cols[cols.length - 1]!);
    }
  }
  flushDoc();
  return docs;
}

export function toDoc({ sentences }: RawDoc): Doc {
  let text = '';
  const entities: GoldEntity[] = [];
  let open: GoldEntity | null = null;
  const close = (): void => {
    if (open) entities.push(open);
    open = null;
  };
  sentences.forEach((s, si) => {
    if (si) text += '\n';
    s.words.forEach((w, wi) => {
      if (wi) text += ' ';
      const start = text.length;
      text += w;
      const tag = s.tags[wi]!;
      const type = tag.slice(2) as NerType;
      if (tag === 'O' || tag.startsWith('B-') || (open && open.type !== type)) close();
      if (tag !== 'O') {
        if (!open) open = { start, end: text.length, type };
        else open.end = text.length;
      }
    });
    close();
  });
  return { text, entities };
}

/** Segments a document and labels its tokens from the gold character spans. */
export function labelDoc(doc: Doc): LabelledDoc {
  const seg = segment(doc.text);
  const labels = new Uint8Array(seg.tokens.length);
  let e = 0;
  seg.tokens.forEach((t, i) => {
    while (e < doc.entities.length && doc.entities[e]!.end <= t.start) e++;
    const ent = doc.entities[e];
    if (!ent || t.start < ent.start || t.start >= ent.end) return;
    labels[i] = t.start === ent.start ? beginOf(ent.type) : insideOf(ent.type);
  });
  return { seg, labels, entities: doc.entities };
}
