import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../events/timeline.js';
import type { ActorRef, EventReport, MergedEvent } from '../events/types.js';
import type { StoredAlert } from '../store/alerts.js';
import { escapeXml, renderAtom } from './atom.js';
import { DeliveryError, postWebhook, signBody, verifySignature } from './deliver.js';
import type { RoleRecord } from '../insights/types.js';
import { firstReport, matchEvent, matchPersonnel, personnelKey, reportKey, spikeKey } from './matcher.js';
import { parseRuleSpec, parseRulesYaml, resolveRule, ruleKind, type RuleSpec } from './rules.js';

const actor = (name: string, country: string | null, entityId: string | null = null): ActorRef => ({ name, country, entityId, institution: null });
const PRK = actor("Ministry of Foreign Affairs (DPRK)", 'PRK', 'org:prk-mfa');
const USA = actor('United States', 'USA', 'country:USA');

function report(articleId: number, over: Partial<EventReport> = {}): EventReport {
  return {
    articleId, seq: 0, eventId: 'e1', date: '2026-03-03', anchor: '2026-03-03', type: 'THREATEN', mode: null, source: PRK, target: USA, intensity: -6, cameo: null,
    negated: false, modality: 'asserted', sourcing: null, sentence: 'It warned of "decisive countermeasures" against the United States.', trigger: 'warned', quote: 'decisive countermeasures',
    respondsTo: null, responseCue: null, outlet: 'Harbor Ledger', url: `https://harbor.example/${articleId}`, published: '2026-03-03T10:00:00Z', seenAt: `2026-03-03T1${articleId}:00:00Z`, mergedId: 7, ...over,
  };
}
function entry(over: Partial<MergedEvent> = {}, reports = [report(1)]): TimelineEntry {
  const event: MergedEvent = {
    id: 7, date: '2026-03-03', anchor: '2026-03-03', lastAnchor: '2026-03-03', sortDate: '2026-03-03', type: 'THREATEN', mode: null, source: PRK, target: USA, intensity: -6,
    negated: false, modality: 'asserted', quote: 'decisive countermeasures', reportCount: reports.length, outlets: ['Harbor Ledger'], firstSeen: '2026-03-03T10:00:00Z', lastSeen: '2026-03-03T10:00:00Z', ...over,
  };
  return { event, reports, respondsTo: [] };
}
const rule = (match: RuleSpec['match'] | Record<string, unknown>) => {
  const spec = parseRuleSpec({ name: 'r', match });
  return { spec, resolved: resolveRule(spec, null) };
};

describe('matchEvent', () => {
  it('fires on actor (ISO3, as source or target), type, intensity and keyword together', () => {
    expect(matchEvent(rule({ actors: ['PRK'], types: ['THREATEN'] }), entry())).toEqual(['actor PRK', 'type THREATEN']);
    expect(matchEvent(rule({ actors: ['USA'] }), entry())).toEqual(['actor USA']);
    expect(matchEvent(rule({ actors: ['org:prk-mfa'] }), entry())).not.toBeNull();
    expect(matchEvent(rule({ actors: ['united states'] }), entry())).not.toBeNull();
    expect(matchEvent(rule({ actors: ['CHN'] }), entry())).toBeNull();
    expect(matchEvent(rule({ types: ['AGREE', 'REQUEST'] }), entry())).toBeNull();
    expect(matchEvent(rule({ keywords: ['Decisive Countermeasures'] }), entry({ quote: null }))).toEqual(['keyword "Decisive Countermeasures"']);
    expect(matchEvent(rule({ keywords: ['sanctions'] }), entry())).toBeNull();
  });

  it('checks intensity as |x| ≥ t or signed bounds', () => {
    expect(matchEvent(rule({ minAbsIntensity: 5 }), entry())).not.toBeNull();
    expect(matchEvent(rule({ minAbsIntensity: 7 }), entry())).toBeNull();
    expect(matchEvent(rule({ maxIntensity: -5 }), entry())).not.toBeNull();
    expect(matchEvent(rule({ minIntensity: 0 }), entry())).toBeNull();
    expect(() => parseRuleSpec({ name: 'r', match: { minIntensity: 3, maxIntensity: -3 } })).toThrow(/minIntensity/);
  });

  it('honours dyad direction, negation, disabled rules and empty rules', () => {
    expect(matchEvent(rule({ dyad: { a: 'PRK', b: 'USA', directed: true } }), entry())).toEqual(['dyad PRK → USA']);
    expect(matchEvent(rule({ dyad: { a: 'USA', b: 'PRK', directed: true } }), entry())).toBeNull();
    expect(matchEvent(rule({ dyad: { a: 'USA', b: 'PRK' } }), entry())).not.toBeNull();
    expect(matchEvent(rule({ types: ['THREATEN'] }), entry({ negated: true }))).toBeNull();
    expect(matchEvent(rule({ types: ['THREATEN'], skipNegated: false }), entry({ negated: true }))).not.toBeNull();
    const off = rule({ types: ['THREATEN'] });
    expect(matchEvent({ ...off, spec: { ...off.spec, enabled: false } }, entry())).toBeNull();
    expect(matchEvent(rule({}), entry())).toBeNull();
  });

  it('keys an event by its first report', () => {
    const e = entry({}, [report(2, { seenAt: '2026-03-03T18:00:00Z' }), report(1, { seenAt: '2026-03-03T10:00:00Z', eventId: 'e3' })]);
    expect(reportKey(firstReport(e)!)).toBe('1:e3');
  });
});

describe('rules', () => {
  it('parses a YAML rules file and rejects duplicates and unknown fields', () => {
    const specs = parseRulesYaml('rules:\n  - name: threats\n    match: {types: [THREATEN], actors: [PRK]}\n    deliver:\n      - {kind: log, sink: desk}\n', 'rules.yaml');
    expect(specs[0]).toMatchObject({ name: 'threats', enabled: true, deliver: [{ kind: 'log', sink: 'desk' }] });
    expect(() => parseRulesYaml('rules:\n  - {name: a, match: {}}\n  - {name: a, match: {}}\n', 'f')).toThrow(/two rules/);
    expect(() => parseRulesYaml('rules:\n  - {name: a, match: {colour: red}}\n', 'f')).toThrow(/rule 1/);
    expect(() => parseRuleSpec({ name: 'w', match: {}, deliver: [{ kind: 'webhook', url: 'ftp://x', secret: '0123456789abcdef' }] })).toThrow(/http/);
  });
});

describe('signatures and webhooks', () => {
  it('signs the body with HMAC-SHA256 and verifies in constant time', () => {
    const sig = signBody('{"a":1}', 'secret-secret-secret');
    expect(sig).toBe(`sha256=${createHmac('sha256', 'secret-secret-secret').update('{"a":1}').digest('hex')}`);
    expect(verifySignature('{"a":1}', 'secret-secret-secret', sig)).toBe(true);
    expect(verifySignature('{"a":2}', 'secret-secret-secret', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'secret-secret-secret', undefined)).toBe(false);
  });

  it('posts signed JSON, and classifies 4xx as permanent and 5xx as retryable; refuses private addresses unless allowed', async () => {
    let status = 200;
    const seen: { body: string; sig: string | undefined; ts: string | undefined }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        seen.push({ body, sig: req.headers['x-readout-signature'] as string | undefined, ts: req.headers['x-readout-timestamp'] as string | undefined });
        res.writeHead(status);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const opts = { timeoutMs: 2000, allowPrivate: ['127.0.0.1'], userAgent: 'test', now: () => new Date('2026-03-03T10:00:00Z') };
    try {
      expect(await postWebhook(url, 'k'.repeat(16), '{"x":1}', opts)).toEqual({ status: 200 });
      expect(verifySignature(seen[0]!.body, 'k'.repeat(16), seen[0]!.sig)).toBe(true);
      expect(seen[0]!.ts).toBe(String(Date.parse('2026-03-03T10:00:00Z') / 1000));
      status = 410;
      await expect(postWebhook(url, 'k'.repeat(16), '{}', opts)).rejects.toMatchObject({ permanent: true, status: 410 });
      status = 503;
      await expect(postWebhook(url, 'k'.repeat(16), '{}', opts)).rejects.toMatchObject({ permanent: false, status: 503 });
      await expect(postWebhook(url, 'k'.repeat(16), '{}', { ...opts, allowPrivate: [] })).rejects.toBeInstanceOf(DeliveryError);
      expect(seen).toHaveLength(3);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('renderAtom', () => {
  const alert = (id: number, title: string, payload: Record<string, unknown> = {}): StoredAlert => ({ id, ruleId: 1, mergedEventId: 7, dedupeKey: null, reportKey: '1:e1', title, payload, createdAt: `2026-03-03T1${id}:00:00.000Z` });

  it('escapes every text and attribute', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const xml = renderAtom({
      rule: { id: 1, name: 'R & <D>', description: '"quoted"' },
      alerts: [alert(2, 'THREATEN: <script>alert(1)</script> & co', { reasons: ['type THREATEN'], event: { quote: '</summary><x>', reports: [{ url: 'https://a.example/?a=1&b=<2>' }] } })],
      selfUrl: 'http://h/rules/1/atom?x=<y>',
      now: new Date('2026-03-04T00:00:00Z'),
    });
    expect(xml).not.toMatch(/<script>|<x>|<D>/);
    expect(xml).toContain('<title>Readout alerts: R &amp; &lt;D&gt;</title>');
    expect(xml).toContain('<title>THREATEN: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>');
    expect(xml).toContain('href="https://a.example/?a=1&amp;b=&lt;2&gt;"');
    expect(xml).toContain('<updated>2026-03-03T12:00:00.000Z</updated>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it('renders an empty feed with the generation time', () => {
    const xml = renderAtom({ rule: { id: 3, name: 'quiet' }, alerts: [], selfUrl: 'http://h/rules/3/atom', now: new Date('2026-03-04T00:00:00Z') });
    expect(xml).toContain('<updated>2026-03-04T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});

describe('personnel and spike rules', () => {
  const move = (over: Partial<RoleRecord> = {}, institution = { id: null as string | null, name: 'Ministry of Trade' }) => ({
    record: { personKey: 'name:odile marchetti', person: 'Odile Marchetti', title: 'Trade Minister', org: 'Ministry of Trade', change: 'dismissed' as RoleRecord['change'], date: '2026-03-05', ...over },
    institution,
  });

  it('validates: one kind per rule, no event condition with it, one spike subject, keyword spikes count articles', () => {
    expect(parseRuleSpec({ name: 'p', match: { personnel: { changes: ['dismissed', 'resigned'] } } }).match.personnel).toEqual({ changes: ['dismissed', 'resigned'] });
    expect(parseRuleSpec({ name: 's', match: { spike: { actor: 'PRK' } } }).match.spike).toEqual({ actor: 'PRK', by: 'day', series: 'articles' });
    expect(() => parseRuleSpec({ name: 'p', match: { personnel: { changes: ['holds'] } } })).toThrow(/changes/);
    expect(() => parseRuleSpec({ name: 'p', match: { personnel: {}, types: ['THREATEN'] } })).toThrow(/personnel rule takes no event condition \(types\)/);
    expect(() => parseRuleSpec({ name: 'p', match: { personnel: {}, spike: { actor: 'PRK' } } })).toThrow(/not both/);
    expect(() => parseRuleSpec({ name: 's', match: { spike: {} } })).toThrow(/exactly one/);
    expect(() => parseRuleSpec({ name: 's', match: { spike: { actor: 'PRK', keyword: 'aid' } } })).toThrow(/exactly one/);
    expect(() => parseRuleSpec({ name: 's', match: { spike: { keyword: 'aid', series: 'events' } } })).toThrow(/series: articles/);
    expect(() => parseRuleSpec({ name: 's', match: { spike: { actor: 'PRK', by: 'month' } } })).toThrow(/by/);
    expect(ruleKind(parseRuleSpec({ name: 'e', match: { types: ['THREATEN'] } }).match)).toBe('event');
  });

  it('keeps personnel and spike rules off events', () => {
    expect(matchEvent(rule({ personnel: {} }), entry())).toBeNull();
    expect(matchEvent(rule({ spike: { actor: 'PRK' } }), entry())).toBeNull();
  });

  it('matches moves on change, person and institution (by id, name or the name in the text)', () => {
    expect(matchPersonnel(rule({ personnel: {} }), move())).toEqual(['change dismissed']);
    expect(matchPersonnel(rule({ personnel: {} }), move({ change: 'holds' }))).toBeNull();
    expect(matchPersonnel(rule({ personnel: { changes: ['dismissed'] } }), move())).toEqual(['change dismissed']);
    expect(matchPersonnel(rule({ personnel: { changes: ['appointed'] } }), move())).toBeNull();
    expect(matchPersonnel(rule({ personnel: { person: 'odile marchetti' } }), move())).toEqual(['change dismissed', 'person odile marchetti']);
    expect(matchPersonnel(rule({ personnel: { person: 'Arvo Peltonen' } }), move())).toBeNull();
    expect(matchPersonnel(rule({ personnel: { org: 'ministry of trade' } }), move())).not.toBeNull();
    expect(matchPersonnel(rule({ personnel: { org: 'org:trade' } }), move({ org: null }, { id: 'org:trade', name: 'Trade Ministry' }))).toEqual(['change dismissed', 'org org:trade']);
    expect(matchPersonnel(rule({ personnel: { org: 'Ministry of Fisheries' } }), move())).toBeNull();
    const off = rule({ personnel: {} });
    off.spec.enabled = false;
    expect(matchPersonnel(off, move())).toBeNull();
    expect(matchPersonnel(rule({ types: ['THREATEN'] }), move())).toBeNull();
  });

  it('keys a move by person, post, change and day, and a spike by bucket', () => {
    expect(personnelKey(move({ title: 'Trade Minister' }).record)).toBe('personnel:name:odile marchetti|trade minister|dismissed|2026-03-05');
    expect(personnelKey(move({ title: 'trade minister' }).record)).toBe(personnelKey(move().record));
    expect(personnelKey(move({ date: '2026-03-06' }).record)).not.toBe(personnelKey(move().record));
    expect(spikeKey('2026-03-09')).toBe('spike:2026-03-09');
  });

  it('shows a personnel alert in the Atom feed with its evidence sentence and article link', () => {
    const xml = renderAtom({
      rule: { id: 2, name: 'moves' },
      alerts: [{ id: 9, ruleId: 2, mergedEventId: null, dedupeKey: 'personnel:x', reportKey: 'personnel:x', title: 'DISMISSED: Odile Marchetti (Trade Minister)', createdAt: '2026-03-05T16:00:00.000Z',
        payload: { kind: 'personnel', reasons: ['change dismissed'], personnel: { evidence: { sentence: 'Trade Minister Odile Marchetti was dismissed on Wednesday.', url: 'https://courier.example/a', outlet: 'Capital Courier' } } } }],
      selfUrl: 'https://readout.example/rules/2/atom', now: new Date('2026-03-06T00:00:00Z'),
    });
    expect(xml).toContain('<link rel="alternate" href="https://courier.example/a"/>');
    expect(xml).toContain('<summary type="text">Trade Minister Odile Marchetti was dismissed on Wednesday. (Capital Courier)\nMatched: change dismissed</summary>');
  });
});
