// Titles attached to people become dated role observations, with the personnel change the
// sentence signals ("was appointed", "will keep his job", "was punished", "former ambassador"),
// so the insights layer can show who holds which post over time.
import type { DateMention, Entity, EntityIndex, RoleObservation, Segmented, Sentence } from './types.js';

/** Cue patterns per change, tried in order; the first that matches the sentence wins. */
const CHANGES: [RoleObservation['change'], RegExp][] = [
  ['kept', /\b(?:keep|keeps|kept|retain|retains|retained|remain|remains|remained|stay|stays|stayed)\s+(?:his|her|their|the)?\s*(?:job|post|position|seat|office|role)\b|\b(?:was|were|been|be)\s+(?:re-?appointed|retained)\b/i],
  ['dismissed', /\b(?:dismissed|fired|sacked|removed\s+from|ousted|purged|relieved\s+of|stripped\s+of|replaced\s+as|demoted)\b/i],
  ['punished', /\b(?:punished|disciplined|reprimanded|penali[sz]ed|sent\s+to\s+(?:a\s+)?(?:labou?r|re-?education)|forced\s+labou?r|ideological\s+education)\b/i],
  ['resigned', /\b(?:resigned|resigns|stepped\s+down|steps\s+down|quit)\b/i],
  ['promoted', /\b(?:promoted|elevated|rose\s+to|rise\s+(?:all\s+the\s+way\s+)?to)\b/i],
  ['appointed', /\b(?:appointed|named|installed|elected|sworn\s+in|tapped|picked|chosen|took\s+office|became)\b/i],
  ['nominated', /\b(?:nominated|nominee|designate)\b/i],
];

export function observeRoles(seg: Segmented, entities: EntityIndex, dates: DateMention[], published: string | null): RoleObservation[] {
  const out: RoleObservation[] = [];
  const seen = new Set<string>();
  for (const e of entities.entities) {
    if (e.type !== 'person') continue;
    for (const s of sentencesOf(seg, e)) {
      const change = changeIn(s.text);
      const titles = e.roles.filter((r) => s.text.includes(r));
      // A sentence with a change cue records the change even when it repeats no title ("Choe was punished").
      const list = titles.length ? titles : change !== 'holds' ? [e.roles[0] ?? ''] : [];
      for (const title of list) {
        const former = /\b(?:former|ex-|then-)/i.test(title) || new RegExp(`\\b(?:former|ex-)\\s*${escape(title)}`, 'i').test(s.text);
        const obs: RoleObservation = {
          person: e.name, personId: e.id, title: title.replace(/^(?:former|ex-)\s*/i, ''), org: e.affiliation ?? null, orgId: null,
          country: e.country, change: former ? 'former' : change, date: dateIn(dates, s) ?? published?.slice(0, 10) ?? null,
          sentence: { start: s.start, end: s.end, text: s.text },
        };
        const key = `${e.name}|${obs.title}|${obs.change}|${s.start}`;
        if (!seen.has(key) && (obs.title || obs.change !== 'holds')) {
          seen.add(key);
          out.push(obs);
        }
      }
    }
  }
  return out.sort((a, b) => a.sentence.start - b.sentence.start);
}

function sentencesOf(seg: Segmented, e: Entity): Sentence[] {
  const out: Sentence[] = [];
  for (const m of e.mentions) {
    const s = seg.sentences.find((x) => x.start <= m.start && m.end <= x.end);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function changeIn(text: string): RoleObservation['change'] {
  for (const [change, re] of CHANGES) if (re.test(text)) return change;
  return 'holds';
}

/** The first resolved date written in the sentence. */
function dateIn(dates: DateMention[], s: Sentence): string | null {
  return dates.find((d) => d.start >= s.start && d.end <= s.end && d.value && /^\d{4}/.test(d.value))?.value ?? null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
