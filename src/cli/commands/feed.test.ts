import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../context.js';
import { registerFeed } from './feed.js';

const dir = mkdtempSync(join(tmpdir(), 'readout-feed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://d.example/</link>
<item><title>One</title><link>/1</link><guid>g1</guid><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><author>a@d.example (Ann)</author><description>&lt;p&gt;Hi&lt;/p&gt;</description></item>
</channel></rss>`;
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(args: string[]): Promise<{ out: string[]; err: string[]; code: number; thrown: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const ctx = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), setExitCode: (c: number) => (code = c) } as unknown as CliContext;
  const program = new Command().exitOverride();
  registerFeed(program, ctx);
  let thrown: unknown;
  try {
    await program.parseAsync(['node', 'readout', 'feed', ...args]);
  } catch (e) {
    thrown = e;
  }
  return { out, err, code, thrown };
}

describe('readout feed', () => {
  it('prints the contract JSON for one file', async () => {
    const { out, thrown } = await run([file('a.xml', rss), '--json']);
    expect(thrown).toBeUndefined();
    const json = JSON.parse(out[0]!);
    expect(json).toMatchObject({ title: 'Desk', link: 'https://d.example/' });
    expect(json.items[0]).toMatchObject({ id: 'g1', title: 'One', link: 'https://d.example/1', published: '2024-05-06T10:00:00.000Z', author: 'Ann', summary: 'Hi' });
  });

  it('reads gzip-compressed files and resolves against --url', async () => {
    const plain = rss.replace('<link>https://d.example/</link>', '');
    const { out } = await run([file('b.xml.gz', gzipSync(plain)), '--json', '--url', 'https://feeds.example/x/rss']);
    expect(JSON.parse(out[0]!).items[0].link).toBe('https://feeds.example/1');
  });

  it('prints a short list without --json', async () => {
    const { out } = await run([file('c.xml', rss)]);
    expect(out[0]).toContain('Desk');
    expect(out[0]).toContain('1. One');
    expect(out[0]).toContain('https://d.example/1');
  });

  it('fails with one clear error naming the file for a non-feed, a missing file or an oversized file', async () => {
    const html = file('page.html', '<!doctype html><html><body>hi</body></html>');
    const a = await run([html, '--json']);
    expect(String((a.thrown as Error).message)).toBe(`${html} is not a feed: it is an HTML page`);
    expect((a.thrown as { code: string }).code).toBe('parse');
    const b = await run([join(dir, 'missing.xml')]);
    expect((b.thrown as { code: string }).code).toBe('input');
    const big = file('big.xml', '');
    truncateSync(big, 11 * 1024 * 1024);
    const c = await run([big]);
    expect(String((c.thrown as Error).message)).toMatch(/big\.xml: 11\.0 MB is over the 10 MB feed limit/);
  });

  it('runs a batch: one line per record with its id, errors on their own line', async () => {
    const good = file('g.xml', rss);
    const bad = file('bad.txt', 'plain words');
    const batch = file('batch.jsonl', [JSON.stringify({ id: 'x1', path: good }), 'not json', JSON.stringify({ id: 'x2', path: bad }), JSON.stringify({ id: 'x3', path: 'g.xml' }), ''].join('\n'));
    const { out, err, thrown } = await run(['--batch', batch, '--json']);
    expect(thrown).toBeUndefined();
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['x1', null, 'x2', 'x3']);
    expect(lines[0].items).toHaveLength(1);
    expect(lines[1].error).toMatch(/not a JSON object/);
    expect(lines[2].error).toMatch(/bad\.txt is not a feed/);
    expect(lines[3].title).toBe('Desk');
    expect(err.join('\n')).toMatch(/2 of 4 records failed/);
  });
});
