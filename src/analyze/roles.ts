// Titles attached to people become dated role observations, with the personnel change the
// sentence signals ("was appointed", "will keep his job", "was punished", "former ambassador"),
// so the insights layer can show who holds which post over time.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { dataPath } from '../core/data-path.js';
import type { DateMention, Entity, EntityIndex, RoleObservation, Segmented, Sentence } from './types.js';

/** Cue patterns per change from data/lexicon/roles.yaml, in order; the first that matches wins. */
let changes: [RoleObservation['change'], RegExp][] | undefined;

const RolesSchema = z.object({ version: z.number(), changes: z.record(z.string(), z.array(z.string())) });
const CHANGE_NAMES = new Set<string>(['kept', 'dismissed', 'punished', 'resigned', 'promoted', 'appointed', 'nominated']);

/** One word of a cue as regex: "…" is an optional possessive, and an auxiliary may be followed by an adverb ("was later punished"). */
function cuePart(w: string): string {
  if (w === '…') return '(?:(?:his|her|their|the)\\s+)?';
  const aux = /^(?:was|were|been|is|are)$/i.test(w) ? '(?:(?:\\w+ly|later|then|also|since|reportedly|subsequently)\\s+)?' : '';
  return `${escape(w)}\\s+${aux}`;
}

function changeCues(): [RoleObservation['change'], RegExp][] {
  if (changes) return changes;
  const raw = RolesSchema.parse(parse(readFileSync(dataPath('lexicon', 'roles.yaml'), 'utf8')));
  changes = Object.entries(raw.changes).map(([change, cues]) => {
    if (!CHANGE_NAMES.has(change)) throw new Error(`data/lexicon/roles.yaml: unknown change "${change}"`);
    const alternatives = cues.map((c) => c.split(/\s+/).map(cuePart).join('').replace(/\\s\+$/, ''));
    return [change as RoleObservation['change'], new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i')];
  });
  return changes;
}

export function observeRoles(seg: Segmented, entities: EntityIndex, dates: DateMention[], published: string | null): RoleObservation[] {
  const out: RoleObservation[] = [];
  const seen = new Set<string>();
  for (const e of entities.entities) {
    if (e.type !== 'person') continue;
    for (const s of sentencesOf(seg, e)) {
      const change = changeIn(s.text);
      const titles = e.roles.filter((r) => statedFor(seg.text, s, r, e));
      // A sentence with a change cue records the change even when it repeats no title ("Choe was punished").
      const list = titles.length ? titles : change !== 'holds' ? [e.roles[0] ?? ''] : [];
      for (const title of list) {
        const former = /\b(?:former|ex-|then-)/i.test(title) || new RegExp(`\\b(?:former|ex-)\\s*${escape(title)}`, 'i').test(s.text);
        const obs: RoleObservation = {
          person: e.name, personId: e.id, title: title.replace(/^(?:former|ex-)\s*/i, ''), org: e.affiliation ?? null, orgId: orgIdOf(entities, e.affiliation),
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

/** Between a title and the name it precedes: at most one capitalised word (a form of address, a given name). */
const BEFORE_NAME = /^\s*(?:\p{Lu}\p{L}*\.?\s+)?$/u;
/** Between a name and its apposition: a comma, a determiner, an owner ("X, Kenya's foreign minister"). */
const AFTER_NAME = /^\s*,\s*(?:(?:the|a|an|now|then|also)\s+)*(?:[\p{Lu}][\p{L}.-]*\s*){0,3}(?:['’]s\s+)?$/u;

/**
 * A title is observed in a sentence only where the text gives it to this person: right before one of
 * their mentions or in the apposition right after one, not wherever the same words occur. Only a few
 * characters around each mention are read, so a huge sentence costs no more than its mentions.
 */
function statedFor(text: string, s: Sentence, title: string, e: Entity): boolean {
  const re = new RegExp(escape(title), 'giu');
  for (const m of e.mentions) {
    if (m.start < s.start || m.end > s.end) continue;
    const from = Math.max(s.start, m.start - title.length - 30);
    const before = text.slice(from, m.start);
    if ([...before.matchAll(re)].some((x) => BEFORE_NAME.test(before.slice(x.index + x[0].length)))) return true;
    const after = text.slice(m.end, Math.min(s.end, m.end + title.length + 60));
    if ([...after.matchAll(re)].some((x) => AFTER_NAME.test(after.slice(0, x.index)))) return true;
  }
  return false;
}

function changeIn(text: string): RoleObservation['change'] {
  for (const [change, re] of changeCues()) if (re.test(text)) return change;
  return 'holds';
}

const CALENDAR = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The first calendar date (not a week, quarter or PRESENT_REF) written in the sentence. */
function dateIn(dates: DateMention[], s: Sentence): string | null {
  return dates.find((d) => d.start >= s.start && d.end <= s.end && d.value && CALENDAR.test(d.value))?.value ?? null;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The registry id of the institution a person is tied to, when the article names it as an entity. */
function orgIdOf(entities: EntityIndex, affiliation: string | null | undefined): string | null {
  if (!affiliation) return null;
  return entities.entities.find((x) => x.type === 'organization' && x.id && (x.name === affiliation || x.mentions.some((m) => m.text === affiliation)))?.id ?? null;
}
