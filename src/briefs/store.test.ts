// A brief and a precedent list on a small store (SQLite in memory, articles by invented outlets
// about two invented countries, Valdoria VLD and Kestria KST): the key statements are speech
// acts ranked by outlets and speaker rank, not by intensity; an air strike reported everywhere
// is an act, not a statement; only a meeting with a counterpart is a meeting; no "&amp;" in the
// text; the precedents of a rejection leave out the same crisis and list what followed without
// events dated before the precedent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleArticle } from '../../test/store.contract.js';
import { fakeAnalysis } from '../../test/store.contract-analyses.js';
import { ev } from '../../test/store.contract-events.js';
import type { AnalysisEvent } from '../analyze/types.js';
import { silentLogger } from '../core/logger.js';
import { buildRegistry } from '../registry/build-index.js';
import type { Actor } from '../registry/types.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { makeBrief, renderBrief } from './make.js';

const VLD = { name: 'Valdoria', entityId: 'country:VLD', country: 'VLD' };
const KST = { name: 'Kestria', entityId: 'country:KST', country: 'KST' };
const PRESIDENT = { name: 'Orin Vale', entityId: 'person:orin-vale', country: 'VLD' };
const MINISTER = { name: 'Tamsin Roe', entityId: 'person:tamsin-roe', country: 'VLD' };
const KST_MINISTER = { name: 'Ivo Brask', entityId: 'person:ivo-brask', country: 'KST' };
const OFFICIAL = { name: 'a district official', entityId: null, country: 'VLD' };
const REJECTION = 'We reject the corridor proposal, a trap dressed as a gift';

const actors: Actor[] = [
  { id: 'country:VLD', type: 'country', name: 'Valdoria', aliases: [], country: 'VLD' },
  { id: 'country:KST', type: 'country', name: 'Kestria', aliases: [], country: 'KST' },
  { id: 'person:orin-vale', type: 'person', name: 'Orin Vale', aliases: [], country: 'VLD', roles: [{ title: 'President' }] },
  { id: 'person:tamsin-roe', type: 'person', name: 'Tamsin Roe', aliases: [], country: 'VLD', roles: [{ title: 'Foreign Minister' }] },
  { id: 'person:ivo-brask', type: 'person', name: 'Ivo Brask', aliases: [], country: 'KST', roles: [{ title: 'Foreign Minister' }] },
];
const registry = buildRegistry(new Map(actors.map((a) => [a.id, a])), 'test');

const said = (text: string) => ({ start: 0, end: text.length, text });

async function article(store: Store, outlet: string, day: string, events: AnalysisEvent[]): Promise<void> {
  const { id } = await store.insertArticle(sampleArticle({ sourceName: outlet, published: `${day}T10:00:00Z` }));
  await store.saveAnalysis(id, fakeAnalysis('x', [], { events: events.map((e, i) => ({ ...e, id: `e${i + 1}` })) }));
}

describe('a brief and precedents on a small store', () => {
  let store: Store;
  const idOf = async (day: string, type: string) => {
    const found = (await store.timeline({ since: day, until: day })).filter((x) => x.event.type === type);
    expect(found, `${day} ${type}`).toHaveLength(1);
    return found[0]!.event.id;
  };

  beforeAll(async () => {
    store = await openStore(':memory:', silentLogger());
    // The president's statement, in three outlets.
    const statement = ev({ date: '2031-05-03', type: 'STATEMENT', source: PRESIDENT, target: KST, intensity: 0, cameo: '01', quote: 'Valdoria will keep the border open for trade &amp; families', sentence: said('President Orin Vale said Valdoria will keep the border open for trade &amp; families.'), trigger: said('said') });
    for (const outlet of ['Harbor Ledger', 'Northern Wire', 'Capital Courier']) await article(store, outlet, '2031-05-03', [statement]);
    // The foreign minister's rejection, in two.
    const rejection = ev({ date: '2031-05-04', type: 'REJECT', source: MINISTER, target: KST, quote: REJECTION, sentence: said(`Foreign Minister Tamsin Roe said: "${REJECTION}."`) });
    for (const outlet of ['Harbor Ledger', 'Tidewater Post']) await article(store, outlet, '2031-05-04', [rejection]);
    // A district official's accusation (stronger words, one outlet).
    await article(store, 'Daily Meridian', '2031-05-05', [ev({ date: '2031-05-05', type: 'ACCUSE', source: OFFICIAL, target: KST, intensity: -2.4, quote: 'Kestria is stealing our river water', sentence: said('A district official accused Kestria of stealing river water.') })]);
    // An air strike reported by four outlets: the most intense and most reported, but an act.
    const strike = ev({ date: '2031-05-02', type: 'ASSAULT', mode: 'military', source: VLD, target: KST, intensity: -10, cameo: '19', sentence: said('Valdoria struck a Kestrian depot.'), trigger: said('struck') });
    for (const outlet of ['Harbor Ledger', 'Northern Wire', 'Capital Courier', 'Tidewater Post']) await article(store, outlet, '2031-05-02', [strike]);
    // A meeting of the two foreign ministers, and "talks" with no counterpart.
    await article(store, 'Northern Wire', '2031-05-06', [
      ev({ date: '2031-05-06', type: 'CONSULT', mode: 'meeting', source: MINISTER, target: KST_MINISTER, intensity: 1, cameo: '04', sentence: said('Tamsin Roe met Ivo Brask in a border town.'), trigger: said('met') }),
    ]);
    await article(store, 'Capital Courier', '2031-05-01', [
      ev({ date: '2031-05-01', type: 'CONSULT', source: VLD, target: null, intensity: 1, cameo: '04', sentence: said('Valdoria said talks were the only way forward.'), trigger: said('talks') }),
    ]);

    // History of the dyad. An old rejection with the same words (a precedent) …
    await article(store, 'Harbor Ledger', '2031-02-01', [ev({ date: '2031-02-01', type: 'REJECT', source: VLD, target: KST, quote: REJECTION, sentence: said(`Valdoria said: "${REJECTION}."`) })]);
    // … what followed it: a threat two days later; an accusation the text dates only to 2019 and
    // one dated only to January, both reported within the follow-up window.
    await article(store, 'Northern Wire', '2031-02-03', [ev({ date: '2031-02-03', type: 'THREATEN', source: KST, target: VLD, intensity: -6, cameo: '13', sentence: said('Kestria threatened to close the corridor.'), trigger: said('threatened') })]);
    await article(store, 'Capital Courier', '2031-02-04', [ev({ date: '2019', type: 'ACCUSE', source: KST, target: VLD, intensity: -2, sentence: said('In 2019 Kestria accused Valdoria of smuggling.'), trigger: said('accused') })]);
    await article(store, 'Tidewater Post', '2031-02-05', [ev({ date: '2031-01', type: 'ACCUSE', source: KST, target: VLD, intensity: -2, sentence: said('In January Kestria accused Valdoria of poaching.'), trigger: said('accused') })]);
    // … and the same crisis: the same rejection a fortnight before the minister's.
    await article(store, 'Daily Meridian', '2031-04-20', [ev({ date: '2031-04-20', type: 'REJECT', source: VLD, target: KST, quote: REJECTION, sentence: said(`Valdoria said again: "${REJECTION}."`) })]);
    await store.mergeEvents();
  }, 30_000);

  afterAll(async () => {
    await store.close();
  });

  it('ranks key statements by outlets and speaker rank, keeps acts and one-sided talks out, and decodes text', async () => {
    const brief = await makeBrief(store, registry, { since: '2031-05-01', until: '2031-05-07', focus: 'VLD', limit: 10, now: new Date('2031-05-08T06:00:00Z') });
    const s = brief.sections;
    expect(s.statements.map((i) => [i.type, i.source])).toEqual([
      ['STATEMENT', expect.stringContaining('Orin Vale')], // head of state, three outlets, intensity 0
      ['REJECT', expect.stringContaining('Tamsin Roe')], // foreign minister, two outlets
      ['ACCUSE', expect.stringContaining('district official')], // no rank, one outlet
    ]);
    expect(s.statements[0]!.parts).toMatchObject({ actor: 1, reports: 0.667 });
    expect(s.statements[1]!.parts.actor).toBe(0.9);
    expect(s.statements.some((i) => i.type === 'ASSAULT')).toBe(false);
    expect(s.other.map((i) => i.label)).toEqual(expect.arrayContaining(['assault', 'talks, no counterpart named']));
    expect(s.meetings.map((i) => [i.label, i.target])).toEqual([['meeting', expect.stringContaining('Ivo Brask')]]);
    expect(s.statements[0]!.quote).toBe('Valdoria will keep the border open for trade & families');
    expect(JSON.stringify(brief)).not.toContain('&amp;');
    expect(renderBrief(brief, 'md')).not.toContain('&amp;');
    const html = renderBrief(brief, 'html');
    expect(html).toContain('open for trade &amp; families');
    expect(html).not.toContain('&amp;amp;');
  });

  it('lists precedents outside the crisis, and what followed them without events dated before', async () => {
    const now = await idOf('2031-05-04', 'REJECT');
    const old = await idOf('2031-02-01', 'REJECT');
    const crisis = await idOf('2031-04-20', 'REJECT');
    const threat = await idOf('2031-02-03', 'THREATEN');
    const result = (await store.precedents(now, { days: 14 }))!;
    expect(result.precedents.map((p) => p.entry.event.id)).toEqual([old]);
    expect(result.precedents.map((p) => p.entry.event.id)).not.toContain(crisis);
    // The crisis's own earlier rejection still finds the old one (it is 78 days back).
    expect((await store.precedents(crisis))!.precedents.map((p) => p.entry.event.id)).toEqual([old]);
    const followed = result.precedents[0]!.followed;
    expect(followed.map((f) => [f.id, f.daysAfter, f.approximate])).toEqual([[threat, 2, false]]);
    expect(followed.some((f) => f.date === '2019' || f.date === '2031-01')).toBe(false);
  });
});
