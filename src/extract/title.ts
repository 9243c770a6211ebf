// Headline choice. OpenGraph and JSON-LD titles are meant for sharing and are usually the
// bare headline; the <h1> is what readers see; <title> carries the site name ("Headline |
// Site", "Site - Headline"), which is cut off. When the <h1> agrees with another source it
// wins, because it is least likely to carry SEO suffixes.
import { clean } from './dom.js';

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' » ', ' « ', ' // ', ' / ', ': '];

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function siteTokens(siteName: string | null, url: string | null): string[] {
  const out: string[] = [];
  if (siteName) out.push(norm(siteName));
  if (url) {
    try {
      const host = new URL(url).hostname.replace(/^www\d*\./, '');
      out.push(norm(host), norm(host.split('.')[0] ?? ''));
    } catch {
      // no usable URL: rely on the site name alone
    }
  }
  return out.filter((t) => t.length > 1);
}

/** True when a title segment is the site's name rather than part of the headline. */
function isSiteSegment(seg: string, site: string[]): boolean {
  const n = norm(seg);
  if (!n) return true;
  const compact = n.replace(/ /g, '');
  return site.some((s) => {
    const sc = s.replace(/ /g, '');
    return n === s || compact === sc || (sc.length > 3 && (compact.includes(sc) || sc.includes(compact)) && n.split(' ').length <= 5);
  });
}

/** Removes a leading or trailing site-name segment ("Headline | Site" → "Headline"). */
export function stripSiteName(title: string, siteName: string | null, url: string | null): string {
  const site = siteTokens(siteName, url);
  let t = clean(title);
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const sep of SEPARATORS) {
      const i = t.lastIndexOf(sep);
      if (i > 0 && isSiteSegment(t.slice(i + sep.length), site)) {
        t = t.slice(0, i).trim();
        changed = true;
        break;
      }
      const j = t.indexOf(sep);
      if (j > 0 && isSiteSegment(t.slice(0, j), site)) {
        t = t.slice(j + sep.length).trim();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  // Without a known site name, a short last segment after " | " is still a site name.
  const bar = t.lastIndexOf(' | ');
  if (bar > 0 && t.slice(bar + 3).split(' ').length <= 4 && bar > t.length / 2) t = t.slice(0, bar).trim();
  return t;
}

export interface TitleCandidates {
  h1: string[];
  og: string | null;
  ld: string | null;
  doc: string | null;
}

const GENERIC = /^(?:home|menu|search|navigation|page|user|main menu|log ?in|sign ?in|skip to content|breaking news|latest news|news)$/i;

export function cleanTitle(c: TitleCandidates, siteName: string | null, url: string | null): string | null {
  const site = siteTokens(siteName, url);
  const og = c.og ? stripSiteName(c.og, siteName, url) : null;
  const ld = c.ld ? clean(c.ld) : null;
  const docTitle = c.doc ? stripSiteName(c.doc, siteName, url) : null;
  const others = [og, ld, docTitle].filter((x): x is string => !!x).map(norm);
  // Logo headings ("<h1>Site Name</h1>") and widget titles are not headlines.
  const h1s = [...new Set(c.h1.map((h) => clean(h)))].filter((h) => h.length >= 4 && !GENERIC.test(h) && !site.includes(norm(h)));
  const named = [og, ld, docTitle].filter((x): x is string => !!x);
  for (const h of h1s) {
    const n = norm(h);
    if (!n) continue;
    // An <h1> that matches (or is contained in) a machine-readable title is the headline.
    if (others.some((o) => o === n || (o.includes(n) && n.length > o.length * 0.6))) return h;
    // An <h1> that wraps a kicker around the title ("Local News | Headline") yields the title.
    const inner = named.find((t) => n.includes(norm(t)) && norm(t).length > n.length * 0.6);
    if (inner) return inner;
  }
  // A single headline on the page is what readers see as the title, even when the
  // sharing title was rewritten for social media.
  if (h1s.length === 1 && h1s[0]!.split(/\s+/).length >= 2) return h1s[0]!;
  const best = og ?? ld ?? docTitle ?? h1s[0] ?? null;
  return best && best.length > 0 ? best : null;
}
