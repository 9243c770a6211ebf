import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../context.js';
import { registerExtract } from './extract.js';

const dir = mkdtempSync(join(tmpdir(), 'readout-extract-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const body = 'The ministry said on Tuesday that it remained ready for dialogue, but that talks depended on an end to the drills near the border. ';
const page = `<html lang="en"><head><title>Ministry ready for talks | Example</title>
<meta property="article:published_time" content="2024-05-06T10:00:00+09:00"></head>
<body><article><h1>Ministry ready for talks</h1><p class="byline">By Jane Roe</p><p>${body.repeat(3)}</p><p>${body.repeat(2)}</p></article>
<ol class="commentlist"><li class="comment" id="comment-1"><cite class="fn">Ann</cite><div class="comment-content"><p>About time.</p></div></li></ol></body></html>`;

async function run(args: string[]): Promise<{ out: string[]; err: string[]; code: number; thrown: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const ctx = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), setExitCode: (c: number) => (code = c) } as unknown as CliContext;
  const program = new Command().exitOverride();
  registerExtract(program, ctx);
  let thrown: unknown;
  try {
    await program.parseAsync(['node', 'readout', 'extract', ...args]);
  } catch (e) {
    thrown = e;
  }
  return { out, err, code, thrown };
}

describe('readout extract', () => {
  it('prints the contract JSON for one page', async () => {
    const { out, thrown } = await run([file('a.html', page), '--url', 'https://news.example/a', '--json']);
    expect(thrown).toBeUndefined();
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0]!);
    expect(Object.keys(json)).toEqual(['url', 'title', 'byline', 'published', 'language', 'kind', 'text', 'comments']);
    expect(json).toMatchObject({ url: 'https://news.example/a', title: 'Ministry ready for talks', byline: 'Jane Roe', published: '2024-05-06T10:00:00+09:00', language: 'en', kind: 'news' });
    expect(json.text.split('\n\n')).toHaveLength(2);
    expect(json.comments).toEqual([{ author: 'Ann', published: null, text: 'About time.' }]);
  });

  it('decodes legacy encodings declared in the page, and gzip-compressed pages', async () => {
    const latin = iconv.encode(page.replace('<head>', '<head><meta charset="windows-1252">').replace('Jane Roe', 'José Núñez'), 'windows-1252');
    const { out } = await run([file('b.html', latin), '--json']);
    expect(JSON.parse(out[0]!).byline).toBe('José Núñez');
    const gz = await run([file('c.html.gz', gzipSync(page)), '--json']);
    expect(JSON.parse(gz.out[0]!).title).toBe('Ministry ready for talks');
  });

  it('prints a readable summary without --json', async () => {
    const { out } = await run([file('d.html', page)]);
    expect(out[0]).toContain('Title:     Ministry ready for talks');
    expect(out[0]).toContain('1 reader comment');
  });

  it('refuses missing, binary and oversized files with one error naming the file', async () => {
    const big = file('big.html', '');
    truncateSync(big, 11 * 1024 * 1024);
    const png = file('img.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const [path, message] of [
      [join(dir, 'missing.html'), /missing\.html: cannot read/],
      [png, /img\.html: not an HTML page \(looks like PNG image\)/],
      [big, /big\.html: 11\.0 MB is over the 10 MB page limit/],
    ] as const) {
      const { thrown, out } = await run([path, '--json']);
      expect(out).toEqual([]);
      expect((thrown as Error).message).toMatch(message);
    }
  });

  it('streams a batch: one line per record with its id, errors inline, the batch goes on', async () => {
    const good = file('good.html', page);
    const list = file(
      'batch.jsonl',
      [
        JSON.stringify({ id: 'one', path: good, url: 'https://news.example/1' }),
        JSON.stringify({ id: 'two', path: join(dir, 'nope.html'), url: null }),
        'not json',
        '',
        JSON.stringify({ id: 3, path: 'good.html' }),
        JSON.stringify({ id: 'four' }),
      ].join('\n'),
    );
    const { out, err, thrown } = await run(['--batch', list, '--json']);
    expect(thrown).toBeUndefined();
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['one', 'two', null, 3, 'four']);
    expect(lines[0].title).toBe('Ministry ready for talks');
    expect(lines[1].error).toMatch(/nope\.html: cannot read/);
    expect(lines[2].error).toBe('not a JSON object');
    expect(lines[3].title).toBe('Ministry ready for talks');
    expect(lines[4].error).toBe('missing "path"');
    expect(err.join('\n')).toContain('3 of 5 records failed');
  });

  it('fails clearly for a missing batch file or no input at all', async () => {
    expect(((await run(['--batch', join(dir, 'none.jsonl')])).thrown as Error).message).toMatch(/none\.jsonl: cannot read/);
    expect(((await run([])).thrown as Error).message).toMatch(/give an HTML file/);
  });
});

