// Article kind from the strongest available evidence: the JSON-LD @type the publisher
// declared, then the section and genre labels, then the URL path, then cues in the title
// and byline ("Opinion:", "Guest column", "Transcript of …"). Default: news.
import type { ArticleKind } from '../core/types.js';

export interface KindEvidence {
  types: string[];
  section: string | null;
  genre: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  /** The first few hundred characters of the body. */
  lead: string;
}

const TYPE_KIND: Array<[RegExp, ArticleKind]> = [
  [/^(OpinionNewsArticle|Review|CriticReview|ReviewNewsArticle|SatiricalArticle)$/, 'opinion'],
  [/^(AnalysisNewsArticle|BackgroundNewsArticle|ScholarlyArticle|Report)$/, 'analysis'],
  [/^PressRelease$/, 'press-release'],
  [/^(SpeechTranscript|Transcript)$/, 'transcript'],
];

// Words used as section names, genre labels and URL segments.
const LABELS: Array<[RegExp, ArticleKind]> = [
  [/\b(opinions?|op-?eds?|commentary|comment(?:ary|s)? ?(?:is ?free)?|columns?|columnists?|editorials?|viewpoints?|perspectives?|letters?(?:[ -]to[ -]the[ -]editor)?|guest[ -](?:column|essay|post|opinion)|essays?|point of view)\b/i, 'opinion'],
  [/\b(analysis|analyses|explainers?|in[ -]depth|backgrounders?|fact[ -]?checks?)\b/i, 'analysis'],
  [/\b(press[ -]?releases?|news[ -]?releases?|media[ -]?releases?|pressemitteilung(?:en)?|communiqu[eé]s?|statements?|readouts?)\b/i, 'press-release'],
  [/\b(transcripts?|speeches|speech|remarks|press[ -]briefings?|briefing[ -]room)\b/i, 'transcript'],
];

function fromLabel(text: string | null): ArticleKind | null {
  if (!text) return null;
  for (const [re, kind] of LABELS) if (re.test(text)) return kind;
  return null;
}

function pathSegments(url: string | null): string {
  if (!url) return '';
  try {
    // Only directory-like segments: the slug of an article about "opinion polls" says nothing.
    const segs = new URL(url).pathname.split('/').filter(Boolean);
    return segs
      .slice(0, -1)
      .map((s) => s.replace(/[-_]/g, ' '))
      .join(' / ');
  } catch {
    return '';
  }
}

const TITLE_CUES: Array<[RegExp, ArticleKind]> = [
  [/^(opinion|op-ed|commentary|column|editorial|view|viewpoint|perspective|guest column|letter)\s*[:|–—-]/i, 'opinion'],
  [/^(analysis|explainer|fact check|news analysis)\s*[:|–—-]/i, 'analysis'],
  [/^(press release|statement|media release)\s*[:|–—-]/i, 'press-release'],
  [/^(transcript|full transcript|read the transcript|remarks by|full text)\b/i, 'transcript'],
];

const LEAD_CUES: Array<[RegExp, ArticleKind]> = [
  [/^(?:\(|\[)?(?:guest column|opinion|commentary|editorial|op-ed)\b/i, 'opinion'],
  [/^(?:for immediate release|press release|media release|news release)\b/i, 'press-release'],
  [/^(?:transcript|(?:[A-Z][A-Z .'-]{2,40}):\s)/, 'transcript'],
];

export function classifyKind(ev: KindEvidence): ArticleKind {
  for (const t of ev.types) for (const [re, kind] of TYPE_KIND) if (re.test(t)) return kind;
  const bySection = fromLabel(ev.section) ?? fromLabel(ev.genre?.split(',')[0] ?? null);
  if (bySection) return bySection;
  const byPath = fromLabel(pathSegments(ev.url));
  if (byPath) return byPath;
  for (const [re, kind] of TITLE_CUES) if (ev.title && re.test(ev.title)) return kind;
  if (ev.byline && /\b(guest (column|columnist|contributor|writer)|columnist|op-ed|contributor)\b/i.test(ev.byline)) return 'opinion';
  const lead = ev.lead.trimStart().slice(0, 200);
  for (const [re, kind] of LEAD_CUES) if (re.test(lead)) return kind;
  return 'news';
}
