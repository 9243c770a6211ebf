// Analysis throughput on one core for ~800-word articles, next to the bare tokenizer's speed
// on the same texts (wink-nlp with an empty pipe: the floor any analysis built on it pays).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeArticle } from '../src/analyze/analyze.js';
import { entityLexicon } from '../src/analyze/entities/lexicon.js';
import { findNames } from '../src/analyze/entities/name-spans.js';
import { shoutedSentences } from '../src/analyze/entities/tokens.js';
import { segment } from '../src/analyze/segment.js';
import { loadRegistry } from '../src/registry/load.js';

/** Cuts or repeats each text's paragraphs to about `words` words. */
export function toArticleLength(texts: string[], words = 800): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const paras = t.split(/\n+/).filter((p) => p.trim());
    if (!paras.length) continue;
    const picked: string[] = [];
    let n = 0;
    for (let i = 0; n < words && i < paras.length * 4; i++) {
      const p = paras[i % paras.length]!;
      picked.push(p);
      n += p.split(/\s+/).length;
    }
    out.push(picked.join('\n\n'));
  }
  return out;
}

export function benchAnalyze(texts: string[], rounds = 5): void {
  const registry = loadRegistry();
  const words = texts.reduce((a, t) => a + t.split(/\s+/).length, 0) / texts.length;
  // One full pass first: a long-running worker analyses in steady state (JIT-compiled, caches filled).
  for (const t of texts) analyzeArticle({ text: t, published: '2024-01-15' }, registry);
  let started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) analyzeArticle({ text: t, published: '2024-01-15' }, registry);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const nlp = winkNLP(model, []);
  for (const t of texts) nlp.readDoc(t);
  started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) nlp.readDoc(t);
  const tokSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The entity tagger's share (registry scan, features, both passes, decoding, reconciling the
  // registry hits with the tagged names), on texts already segmented.
  const lex = entityLexicon();
  const segs = texts.map(segment);
  const tag = (): void => {
    for (const seg of segs) findNames(seg, registry, lex, shoutedSentences(seg));
  };
  tag();
  started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) tag();
  const tagSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const n = texts.length * rounds;
  console.log(`  ${texts.length} articles × ${rounds}, ${Math.round(words)} words on average (one core):`);
  console.log(`  readout analyzeArticle          ${(n / seconds).toFixed(1).padStart(8)} articles/s  (${((seconds * 1000) / n).toFixed(2)} ms/article)`);
  console.log(`    of which entity tagging       ${(n / tagSeconds).toFixed(1).padStart(8)} articles/s  (${((tagSeconds * 1000) / n).toFixed(2)} ms/article)`);
  console.log(`  wink-nlp tokenizer alone        ${(n / tokSeconds).toFixed(1).padStart(8)} articles/s  (${((tokSeconds * 1000) / n).toFixed(2)} ms/article)`);
}
