// The API refuses the inputs the CLI refuses, with a 400 naming the field: impossible dates,
// unknown dyad codes. An empty store is enough: validation happens before any query.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../../src/api/auth.js';
import { createApp, type ApiApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { tempDir } from '../helpers/services.js';
import { json, type ErrorJson } from './fixtures.js';

let store: Store;
let app: ApiApp;
let token: string;
beforeAll(async () => {
  const dir = tempDir('api-input');
  const config = loadConfig({ env: { READOUT_DATA_DIR: dir, READOUT_DB: join(dir, 'readout.db') } });
  store = await openStore(config.db, silentLogger());
  const t = generateToken();
  await store.createApiToken({ name: 'analyst', role: 'analyst', hash: t.hash });
  token = t.token;
  app = createApp({ store, config, logger: silentLogger() });
});
afterAll(() => store.close());

const call = (path: string, init: RequestInit = {}) => app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

async function refused(path: string, field: string, message: RegExp, init?: RequestInit): Promise<void> {
  const r = await call(path, init);
  expect(r.status, path).toBe(400);
  const body = await json<ErrorJson>(r);
  expect(body.error, path).toMatchObject({ code: 'validation', field });
  expect(body.error.message, path).toMatch(message);
}

describe('API input validation', () => {
  it('refuses 2020-13-01 (and other impossible dates) with a 400 naming the field and the accepted forms', async () => {
    const forms = /must be a date YYYY-MM-DD .*, or a duration back from now such as 24h, 7d, 2w; "2020-13-01" is not a date/;
    await refused('/timeline?since=2020-13-01', 'since', new RegExp(`^since: ${forms.source}`));
    await refused('/timeline?until=2020-13-01', 'until', /^until: must be a date/);
    await refused('/trends?actor=PRK&since=2021-02-29', 'since', /"2021-02-29" is not a date/);
    await refused('/articles?since=2020-13-01', 'since', new RegExp(`^since: ${forms.source}`));
    await refused('/search?q=talks&until=2020-02-30', 'until', /^until: must be a date .*"2020-02-30" is not a date/);
    await refused('/briefs', 'since', /expected a date YYYY-MM-DD .* or a duration back from now/, { method: 'POST', body: JSON.stringify({ since: '2020-13-01' }) });
    await refused('/briefs', 'until', /real calendar date/, { method: 'POST', body: JSON.stringify({ since: '7d', until: '2020-13-01' }) });
    expect((await call('/timeline?since=2026-02-28&until=2026-03')).status).toBe(200);
  });

  it('names an unknown country code of a dyad instead of answering with nothing', async () => {
    await refused('/timeline?dyad=USA-XXX', 'dyad', /^dyad: "XXX" is not a known ISO 3166 alpha-3 country code/);
    await refused('/trends?dyad=XXX-PRK', 'dyad', /"XXX" is not a known ISO 3166 alpha-3 country code/);
    await refused('/export/events?dyad=USA-XXX', 'dyad', /"XXX" is not a known ISO 3166 alpha-3 country code/);
    expect((await call('/timeline?dyad=USA-PRK')).status).toBe(200);
  });
});
