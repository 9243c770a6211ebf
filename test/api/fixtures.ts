// A small store for the API tests: articles by fictional outlets about fictional officials
// (real country names), ingested through the real pipeline (`readout ingest`: extract →
// analyze → merge), plus one token per role.
import { join } from 'node:path';
import { generateToken } from '../../src/api/auth.js';
import { createApp, type ApiApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/store/open.js';
import type { ApiRole, Store } from '../../src/store/types.js';
import { EXCHANGE, storyArticles, type Story } from '../helpers/desk-stories.js';
import { ingestedStore } from '../helpers/ingested-store.js';

const STORIES: readonly Story[] = [
  ...EXCHANGE,
  ['2026-03-05', 'Capital Courier', 'Trade Minister Odile Marchetti was dismissed on Wednesday, the government said.'],
  ['2026-03-06', 'Capital Courier', 'Vice Minister Arvo Peltonen of the Ministry of Foreign Affairs resigned on Thursday, the ministry said. "We thank him for his service," spokeswoman Liv Brannstrom told reporters.'],
  ['2026-03-07', 'Tidewater Post', 'Deputy Minister Teodor Vask will keep his job despite the scandal, officials said on Saturday. Envoy Mirela Castellan met Teodor Vask in Seoul.'],
  ['2026-03-08', 'Tidewater Post', 'Envoy Mirela Castellan said on Sunday that the talks on fisheries would resume next month.'],
];

export const ARTICLES = storyArticles(STORIES, (text, i) => `Story ${i}: ${text.split(' ').slice(0, 6).join(' ')}`);

/** The API's error body. */
export interface ErrorJson {
  error: { code: string; message: string; field?: string };
}

/** A response's JSON body, typed by the caller. */
export const json = async <T>(r: Response) => (await r.json()) as T;

export interface Fixture {
  dir: string;
  /** READOUT_* variables pointing the CLI at the fixture's store (to ingest more in a test). */
  env: NodeJS.ProcessEnv;
  store: Store;
  app: ApiApp;
  tokens: Record<ApiRole | 'revoked', string>;
  /** app.request with the role's bearer token. */
  get(path: string, role?: ApiRole | null, init?: RequestInit): Promise<Response>;
}

export async function seedFixture(options: { streamPollMs?: number } = {}): Promise<Fixture> {
  const { dir, env } = await ingestedStore('api', ARTICLES);
  const config = loadConfig({ env, configPath: join(dir, 'readout.yaml') });
  const store = await openStore(config.db, silentLogger());
  const tokens = {} as Fixture['tokens'];
  for (const role of ['viewer', 'analyst', 'admin', 'revoked'] as const) {
    const { token, hash } = generateToken();
    const info = await store.createApiToken({ name: `test-${role}`, role: role === 'revoked' ? 'admin' : role, hash });
    if (role === 'revoked') await store.revokeApiToken(info.id);
    tokens[role] = token;
  }
  const app = createApp({ store, config, logger: silentLogger(), streamPollMs: options.streamPollMs ?? 20 });
  const get = async (path: string, role: ApiRole | null = 'viewer', init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), ...(init.headers as Record<string, string> | undefined) } });
  return { dir, env, store, app, tokens, get };
}
