// The timeline routes beyond the list: GET /events/{id} (one event, response links both ways,
// 404 for an unknown id), the `type` filter of GET /timeline and /events, and GET
// /timeline/counts (the same filters' events per day or week), over the pipeline-seeded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEventDetailJson, TimelineEventJson } from '../../src/events/timeline.js';
import { seedFixture, type Fixture, json, type ErrorJson } from './fixtures.js';

interface Page<T> { items: T[]; nextCursor: string | null }
interface Counts { by: string; buckets: { day: string; events: number }[] }

let f: Fixture;
let all: TimelineEventJson[];
beforeAll(async () => {
  f = await seedFixture();
  all = (await json<Page<TimelineEventJson>>(await f.get('/timeline?limit=500'))).items;
}, 120_000);
afterAll(async () => {
  await f.store.close();
});

/** Every event of a list path, following nextCursor with small pages. */
async function walk(path: string): Promise<TimelineEventJson[]> {
  const seen: TimelineEventJson[] = [];
  let cursor: string | null = null;
  do {
    const r = await f.get(`${path}${path.includes('?') ? '&' : '?'}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status, path).toBe(200);
    const page = await json<Page<TimelineEventJson>>(r);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && seen.length < 1000);
  return seen;
}

/** Events per sortDate of a list, as /timeline/counts?by=day should give them. */
function perDay(items: TimelineEventJson[]): Counts['buckets'] {
  const by = new Map<string, number>();
  for (const e of items) by.set(e.sortDate, (by.get(e.sortDate) ?? 0) + 1);
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([day, events]) => ({ day, events }));
}

describe('GET /events/{id}', () => {
  it('returns one event in the timeline shape with the links both ways', async () => {
    const answered = all.find((e) => all.some((o) => o.respondsTo.includes(e.id)))!;
    expect(answered).toBeDefined();
    const r = await f.get(`/events/${answered.id}`);
    expect(r.status).toBe(200);
    const one = await json<TimelineEventDetailJson>(r);
    const { answeredBy, ...shape } = one;
    expect(shape).toEqual(answered);
    // answeredBy is the reverse of the other events' responses, evidence included.
    const expected = all.flatMap((o) => o.responses.filter((l) => l.id === answered.id).map((l) => ({ ...l, id: o.id })));
    expect(answeredBy.length).toBeGreaterThan(0);
    expect([...answeredBy].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
    // The bare number is the same event.
    expect(await json(await f.get(`/events/${answered.id.slice(2)}`))).toEqual(one);
  });

  it('answers 404 JSON for an unknown event, 400 for a malformed id, 401 without a token', async () => {
    const max = Math.max(...all.map((e) => Number(e.id.slice(2))));
    const missing = await f.get(`/events/ev${max + 1000}`);
    expect(missing.status).toBe(404);
    expect(await json<ErrorJson>(missing)).toEqual({ error: { code: 'not_found', message: `no event ev${max + 1000}` } });
    const bad = await f.get('/events/ev4x');
    expect(bad.status).toBe(400);
    expect((await json<ErrorJson>(bad)).error.field).toBe('id');
    expect((await f.get(`/events/${all[0]!.id}`, null)).status).toBe(401);
  });
});

describe('the type filter', () => {
  it('keeps events of any of the listed types on /timeline and /events, through every page', async () => {
    const threats = all.filter((e) => e.type === 'THREATEN');
    const both = all.filter((e) => e.type === 'THREATEN' || e.type === 'REJECT');
    expect(threats.length).toBeGreaterThan(0);
    expect(both.length).toBeGreaterThan(threats.length);
    expect((await walk('/timeline?type=THREATEN')).map((e) => e.id)).toEqual(threats.map((e) => e.id));
    expect((await walk('/events?type=threaten,%20REJECT')).map((e) => e.id)).toEqual(both.map((e) => e.id));
    const dyad = await walk('/timeline?type=THREATEN&dyad=USA-PRK&directed=true');
    expect(dyad.map((e) => e.id)).toEqual(threats.filter((e) => e.source.country === 'USA' && e.target.country === 'PRK').map((e) => e.id));
  });

  it('refuses unknown and empty type lists, naming the field', async () => {
    for (const path of ['/timeline?type=THREAT', '/events?type=THREATEN,BOGUS', '/timeline?type=,', '/timeline/counts?type=nope']) {
      const r = await f.get(path);
      expect(r.status, path).toBe(400);
      const body = await json<ErrorJson>(r);
      expect(body.error, path).toMatchObject({ code: 'validation', field: 'type' });
      expect(body.error.message, path).toMatch(/THREATEN, PROTEST, SANCTION/);
    }
  });
});

describe('GET /timeline/counts', () => {
  it('counts per day the events the same filters list', async () => {
    for (const q of ['', 'dyad=PRK-USA', 'dyad=USA-PRK&directed=true', 'actor=North%20Korea&type=THREATEN,REJECT', 'type=AGREE', 'since=2026-03-04&until=2026-03-08']) {
      const counts = await json<Counts>(await f.get(`/timeline/counts?${q}`));
      const listed = (await json<Page<TimelineEventJson>>(await f.get(`/timeline?limit=500&${q}`))).items;
      expect(counts, q).toEqual({ by: 'day', buckets: perDay(listed) });
    }
    expect((await json<Counts>(await f.get('/timeline/counts?dyad=FRA-BRA'))).buckets).toEqual([]);
  });

  it('counts per ISO week, keyed by the Monday', async () => {
    const weeks = await json<Counts>(await f.get('/timeline/counts?by=week'));
    expect(weeks.by).toBe('week');
    for (const b of weeks.buckets) expect(new Date(`${b.day}T00:00:00Z`).getUTCDay(), b.day).toBe(1);
    expect(weeks.buckets.reduce((n, b) => n + b.events, 0)).toBe(all.length);
    const monday = (day: string) => {
      const d = new Date(`${day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    const expected = new Map<string, number>();
    for (const e of all) expected.set(monday(e.sortDate), (expected.get(monday(e.sortDate)) ?? 0) + 1);
    expect(weeks.buckets).toEqual([...expected].sort(([a], [b]) => a.localeCompare(b)).map(([day, events]) => ({ day, events })));
  });

  it('validates by, directed and the days', async () => {
    for (const [path, field] of [['/timeline/counts?by=month', 'by'], ['/timeline/counts?directed=true', 'directed'], ['/timeline/counts?since=2026-03-10&until=2026-03-01', 'since']] as const) {
      const r = await f.get(path);
      expect(r.status, path).toBe(400);
      expect((await json<ErrorJson>(r)).error.field, path).toBe(field);
    }
  });
});
