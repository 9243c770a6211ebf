// The shipped registry of Asian, Middle Eastern and African officials: spellings resolve to one
// person, institutions named generically take the country's, and every dated role is in order.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from './load.js';
import { idsOf } from './test-lookup.js';

const registry = loadRegistry();
const ids = idsOf;

describe('world registry (Asia, Middle East, Africa)', () => {
  it('resolves the usual transliterations of a name to one person', () => {
    for (const v of ['Qasem Soleimani', 'Qassem Soleimani', 'Qasem Suleimani', 'Ghasem Soleimani']) expect(ids(v)).toEqual(['person:qasem-soleimani']);
    for (const v of ['Mohammad Javad Zarif', 'Mohammed Javad Zarif', 'Javad Zarif']) expect(ids(v)).toEqual(['person:mohammad-javad-zarif']);
    for (const v of ['Abbas Araghchi', 'Abbas Araqchi']) expect(ids(v)).toEqual(['person:abbas-araghchi']);
    for (const v of ['Pak Thae Song', 'Pak Thae-song', 'Park Tae-sung']) expect(ids(v)).toEqual(['person:pak-thae-song']);
    expect(ids('Nguyễn Phú Trọng')).toEqual(['person:nguyen-phu-trong']);
  });

  it('types armed bodies that act as officials as organisations of their country', () => {
    for (const v of ['Quds Force', 'IRGC Quds Force', 'Qods Force']) expect(ids(v)).toEqual(['org:irn-quds-force']);
    expect(registry.get('org:irn-quds-force')).toMatchObject({ type: 'organization', country: 'IRN', parent: 'org:irn-irgc' });
    expect(ids('Revolutionary Guards')).toEqual(['org:irn-irgc']);
  });

  it('gives each country its own institution for a generic phrase', () => {
    expect(registry.institution('foreign-ministry', 'IRN')?.id).toBe('org:irn-mfa');
    expect(registry.institution('news-agency', 'IR')?.id).toBe('org:irn-irna');
    expect(registry.institution('news-agency', 'JPN')?.id).toBe('org:jpn-kyodo');
    expect(registry.institution('intelligence', 'ISR')?.id).toBe('org:isr-mossad');
    expect(ids('foreign ministry', 'generic')).toEqual(expect.arrayContaining(['org:irn-mfa', 'org:isr-mfa', 'org:ind-mea', 'org:pak-mofa']));
    // A bare generic name is never an alias of one country's ministry.
    expect(ids('Ministry of Foreign Affairs', 'alias').filter((id) => id.startsWith('org:irn') || id.startsWith('org:isr'))).toEqual([]);
    expect(registry.get('org:au-commission')).toMatchObject({ country: null, parent: 'org:au' });
  });

  it('dates every role in order, and a person holds each post once at a time', () => {
    for (const a of registry.all()) {
      if (a.type !== 'person') continue;
      // Partial dates compare at the precision both have ("2017-01" to "2017" is in order).
      for (const r of a.roles ?? []) {
        if (!r.start || !r.end) continue;
        const n = Math.min(r.start.length, r.end.length);
        expect(r.start.slice(0, n) <= r.end.slice(0, n), `${a.id}: ${r.title} ${r.start} > ${r.end}`).toBe(true);
      }
      const open = (a.roles ?? []).filter((r) => !r.end).map((r) => r.title);
      expect(new Set(open).size, `${a.id} holds the same post twice`).toBe(open.length);
    }
  });
});
