import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReadoutError } from '../core/errors.js';
import { demonymPlural, familyName } from './build-index.js';
import { loadRegistry, shippedVersion } from './load.js';
import { idsOf } from './test-lookup.js';
import { compiledIsFresh } from './shipped.js';
import type { Actor } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'readout-registry-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const registry = loadRegistry();
const ids = idsOf;

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('shipped registry', () => {
  it('has countries, institutions and people', () => {
    const all = [...registry.all()];
    expect(all.filter((a) => a.type === 'country').length).toBeGreaterThan(240);
    expect(all.filter((a) => a.type === 'organization').length).toBeGreaterThan(100);
    expect(all.filter((a) => a.type === 'person').length).toBeGreaterThan(60);
    expect(registry.version).toBe(shippedVersion());
  });

  it('keeps data/registry/compiled.json in step with the YAML sources (else run `npx tsx src/registry/shipped.ts`)', () => {
    expect(compiledIsFresh()).toBe(true);
  });

  it('resolves romanisation variants to one actor', () => {
    for (const v of ['Kim Yo Jong', 'Kim Yo-jong', 'KIM YO JONG', 'Kim Yojong']) expect(ids(v)).toEqual(['person:kim-yo-jong']);
    for (const v of ['Choe Son Hui', 'Choe Son-hui']) expect(ids(v)).toEqual(['person:choe-son-hui']);
    expect(ids('Moon Jae In')).toEqual(['person:moon-jae-in']);
  });

  it('indexes family names: first token for eastern names, last for western', () => {
    expect(ids('Kim', 'surname')).toEqual(expect.arrayContaining(['person:kim-jong-un', 'person:kim-yo-jong']));
    expect(ids('Wang', 'surname')).toContain('person:wang-yi');
    expect(ids('Yi', 'surname')).not.toContain('person:wang-yi');
    expect(ids('Blinken', 'surname')).toEqual(['person:antony-blinken']);
    expect(ids('von der Leyen', 'surname')).toEqual(['person:ursula-von-der-leyen']);
    expect(ids('Ishiba', 'surname')).toEqual(['person:shigeru-ishiba']);
    expect(familyName('joseph r biden jr', 'western')).toBe('biden');
    expect(familyName('wang yi', 'eastern')).toBe('wang');
  });

  it('finds countries by ISO alpha-2 and alpha-3, and by their usual names', () => {
    expect(registry.country('KP')?.id).toBe('country:PRK');
    expect(registry.country('prk')?.id).toBe('country:PRK');
    expect(registry.country('US')?.name).toBe('United States');
    expect(registry.country('GBR')?.id).toBe('country:GBR');
    for (const s of ['DPRK', 'D.P.R.K.', 'North Korea']) expect(ids(s)).toEqual(['country:PRK']);
    for (const s of ['U.S.', 'US', 'the United States', 'America']) expect(ids(s)).toEqual(['country:USA']);
    for (const s of ['Britain', 'U.K.']) expect(ids(s)).toEqual(['country:GBR']);
  });

  it('never aliases a country by a code that is an English word', () => {
    for (const w of ['in', 'it', 'is', 'no', 'me', 'to', 'by', 'can', 'per']) expect(ids(w).filter((id) => id.startsWith('country:'))).toEqual([]);
  });

  it('has demonyms (with plurals) and metonyms', () => {
    expect(registry.lookup('north korean')).toEqual([{ actorId: 'country:PRK', via: 'demonym' }]);
    expect(ids('North Koreans', 'demonym')).toEqual(['country:PRK']);
    expect(ids('Chinese', 'demonym')).toEqual(['country:CHN']);
    expect(ids('American', 'demonym')).toEqual(['country:USA']); // not American Samoa
    expect(demonymPlural('British')).toBeNull();
    expect(registry.lookup('pyongyang')).toEqual([{ actorId: 'country:PRK', via: 'metonym' }]);
    expect(ids('Washington', 'metonym')).toEqual(['country:USA']);
    expect(ids('the Kremlin', 'metonym')).toEqual(['org:rus-presidential-administration']);
    expect(ids('Foggy Bottom', 'metonym')).toEqual(['org:usa-state-department']);
    expect(ids('Blue House', 'metonym')).toEqual(['org:kor-presidential-office']);
  });

  it('resolves institutions by kind and country, and generic phrases to each country\'s', () => {
    expect(registry.institution('foreign-ministry', 'PRK')?.id).toBe('org:prk-mfa');
    expect(registry.institution('unification-ministry', 'KR')?.id).toBe('org:kor-mou');
    expect(registry.institution('news-agency', 'PRK')?.id).toBe('org:prk-kcna');
    expect(ids('foreign ministry', 'generic')).toEqual(expect.arrayContaining(['org:prk-mfa', 'org:kor-mofa', 'org:chn-mfa']));
    expect(registry.maxAliasWords).toBeGreaterThanOrEqual(5);
  });

  it('gives every hit once per actor', () => {
    const hits = registry.lookup('cheong wa dae');
    expect(hits).toEqual([{ actorId: 'org:kor-presidential-office', via: 'alias' }]);
  });
});

describe('user files', () => {
  it('override shipped entries with the same id and change the version', () => {
    const path = file('override.yaml', 'version: 1\nactors:\n  - {id: person:wang-yi, type: person, name: Wang Yi, aliases: [Wang Yi Jr], country: CHN, nameOrder: eastern}\n');
    const r = loadRegistry({ userFile: path });
    expect(r.get('person:wang-yi')?.roles).toBeUndefined();
    expect(r.get('person:wang-yi')?.origin).toBe(path);
    expect(r.version).toMatch(new RegExp(`^${shippedVersion().replace(/\./g, '\\.')}\\+[0-9a-f]{10}$`));
    writeFileSync(path, 'version: 1\nactors:\n  - {id: person:wang-yi, type: person, name: Wang Yi, country: CHN}\n');
    const again = loadRegistry({ userFile: path });
    expect(again.version).not.toBe(r.version);
  });

  it('change the version with the extra actors (confirmed candidates)', () => {
    const extra = (name: string) => [{ id: 'candidate:test', type: 'person' as const, name, aliases: [], country: null }];
    const a = loadRegistry({ extra: extra('Odile Marchetti') });
    expect(a.version).not.toBe(shippedVersion());
    expect(loadRegistry({ extra: extra('Odile Marchetti') }).version).toBe(a.version);
    expect(loadRegistry({ extra: extra('Odile Marchetti-Vask') }).version).not.toBe(a.version);
  });

  it('ignore a missing user file', () => {
    expect(loadRegistry({ userFile: join(dir, 'nope.yaml') }).version).toBe(shippedVersion());
  });

  it('report a bad entry naming the file, the entry and the field', () => {
    const path = file('bad.yaml', 'version: 1\nactors:\n  - {id: person:x-y, type: person, name: X Y, country: CHN}\n  - {id: person:a-b, type: human, name: A B}\n');
    const err = thrown(() => loadRegistry({ userFile: path }));
    expect(isReadoutError(err, 'config')).toBe(true);
    expect(err.message).toContain(path);
    expect(err.message).toContain('entry 2 (person:a-b)');
    expect(err.message).toContain('type');
  });

  it('report unknown references and bad dates clearly', () => {
    const parent = file('parent.yaml', 'actors:\n  - {id: org:x, type: organization, name: X Office, country: PRK, parent: org:nowhere}\n');
    expect(thrown(() => loadRegistry({ files: [parent] })).message).toMatch(/parent\.yaml, entry org:x: parent "org:nowhere" is not in the registry/);
    const role = file('role.yaml', 'actors:\n  - {id: person:x, type: person, name: X, roles: [{title: Envoy, org: org:nowhere}]}\n');
    expect(thrown(() => loadRegistry({ files: [role] })).message).toContain('org "org:nowhere"');
    const date = file('date.yaml', 'actors:\n  - {id: person:x, type: person, name: X, roles: [{title: Envoy, start: 2024-13}]}\n');
    expect(thrown(() => loadRegistry({ files: [date] })).message).toContain('YYYY-MM');
    const yaml = file('broken.yaml', 'actors: [\n');
    expect(thrown(() => loadRegistry({ files: [yaml] })).message).toContain('not valid YAML');
  });

  it('a listed extra file that is missing is an error naming it', () => {
    expect(thrown(() => loadRegistry({ files: [join(dir, 'missing.yaml')] })).message).toContain('missing.yaml');
  });

  it('merge a duplicate into another actor: its surfaces resolve there', () => {
    const path = file('merge.yaml', [
      'actors:',
      '  - {id: person:k-y-j, type: person, name: Kim Yeo-jeong, aliases: [Kim Yeo Jeong], country: PRK, mergedInto: person:kim-yo-jong}',
      '  - {id: person:li-qiang, mergedInto: person:li-keqiang}',
    ].join('\n'));
    const r = loadRegistry({ userFile: path });
    expect(r.lookup('kim yeo jeong')).toEqual([{ actorId: 'person:kim-yo-jong', via: 'alias' }]);
    expect(r.lookup('li qiang').map((h) => h.actorId)).toEqual(['person:li-keqiang']);
    expect(r.get('person:li-qiang')?.mergedInto).toBe('person:li-keqiang');
    expect(r.get('person:kim-yo-jong')?.aliases).toContain('Kim Yeo-jeong');
    expect([...r.all()].some((a) => a.id === 'person:li-qiang')).toBe(false);
  });

  it('merge extra actors last', () => {
    const extra: Actor[] = [{ id: 'person:test-pak', type: 'person', name: 'Pak Chol Su', aliases: [], country: 'PRK', nameOrder: 'eastern' }];
    const r = loadRegistry({ extra });
    expect(r.lookup('pak')).toContainEqual({ actorId: 'person:test-pak', via: 'surname' });
    expect(loadRegistry().get('person:test-pak')).toBeUndefined();
  });
});
