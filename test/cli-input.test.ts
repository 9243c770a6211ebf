// Bad values given to CLI flags are refused with exit 1 and a one-line error naming the flag
// and the accepted forms (../shared/contracts/cli.md), never read as an empty answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/services.js';

describe('readout: input validation on the command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = tempDir('cli-input');
    env = { READOUT_DB: join(dir, 'readout.db'), READOUT_DATA_DIR: dir };
  });

  const refused = async (args: string[], pattern: RegExp) => {
    const r = await runCli(args, env);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.stdout, args.join(' ')).toBe('');
    expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(r.stderr, args.join(' ')).toMatch(pattern);
  };

  it('refuses a date the calendar does not have, naming the flag and the accepted forms', async () => {
    const forms = /must be a date YYYY-MM-DD \(or YYYY-MM, YYYY\), an ISO date-time, or a duration back from now such as 24h, 7d, 2w; "2020-13-01" is not a date/;
    await refused(['brief', '--since', '2020-13-01'], new RegExp(`^readout: --since ${forms.source}`));
    await refused(['brief', '--until', '2020-13-01'], /^readout: --until must be a date/);
    await refused(['timeline', '--since', '2020-13-01'], /^readout: --since must be a date/);
    await refused(['trends', '--actor', 'PRK', '--until', '2021-02-29'], /^readout: --until must be a date .*"2021-02-29" is not a date/);
    await refused(['search', 'talks', '--until', '2020-13-01'], /^readout: --until must be a date/);
  });

  it('names an unknown country code in a dyad instead of answering "no events"', async () => {
    await refused(['timeline', '--dyad', 'USA-XXX'], /^readout: --dyad: "XXX" is not a known ISO 3166 alpha-3 country code/);
    await refused(['timeline', '--dyad', 'QQQ-PRK', '--json'], /--dyad: "QQQ" is not a known ISO 3166 alpha-3 country code/);
    await refused(['trends', '--dyad', 'USA-XXX'], /--dyad: "XXX" is not a known/);
    await refused(['timeline', '--dyad', 'USA,Nobody Atall'], /--dyad: "Nobody Atall" is not a known actor/);
    const ok = await runCli(['timeline', '--dyad', 'usa-prk', '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
  });

  it('validates numbers and enums of `jobs`', async () => {
    await refused(['jobs', '--limit', 'lots'], /--limit must be a whole number ≥ 1, not "lots"/);
    await refused(['jobs', '--status', 'stuck'], /--status must be one of queued, running, done, failed, not "stuck"/);
    await refused(['jobs', '--kind', 'fetch'], /--kind must be one of poll, article, comments, analyze, deliver, not "fetch"/);
    expect((await runCli(['jobs', '--limit', '5', '--status', 'failed', '--json'], env)).code).toBe(0);
  });

  it('extract says which charset it used when the declared one is contradicted by the bytes', async () => {
    const file = join(dir, 'latin.html');
    const para = 'Le ministre a déclaré à Genève que les négociations reprendraient après l’été. '.replace('’', "'").repeat(6);
    writeFileSync(file, iconv.encode(`<html><head><meta charset="utf-8"><title>Négociations</title></head><body><article><h1>Négociations à Genève</h1><p>${para}</p><p>${para}</p></article></body></html>`, 'latin1'));
    const r = await runCli(['extract', file, '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { text: string }).text).toContain('Le ministre a déclaré à Genève');
    expect(r.stderr).toMatch(/latin\.html: declared charset utf-8 \(meta\) does not decode the bytes cleanly .*decoded as windows-1252/);
  });
});
