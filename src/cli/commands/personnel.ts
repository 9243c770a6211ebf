// `readout personnel [--org ORG] [--person P] [--since D] [--changes] [--json]`: who holds
// which post in each institution (registry roles current today, updated by role observations
// read from articles), or with --changes the feed of observed personnel changes (appointed,
// dismissed, punished, kept, former, resigned, promoted, nominated) newest first, each with its
// evidence (article URL, date, sentence). Rules: src/insights/personnel.ts.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { changeFeed, currentHolders, orgMatcher, UNNAMED_INSTITUTION, type InstitutionPosts, type PersonnelChange } from '../../insights/personnel.js';
import type { PersonnelFilter } from '../../insights/types.js';
import { registryOptions } from '../../pipeline/analyze-stage.js';
import { loadRegistry } from '../../registry/load.js';
import { candidateKey } from '../../store/analyses.js';
import type { CliContext } from '../context.js';
import { resolveActor } from '../../registry/resolve.js';
import { sinceDay, untilDay } from '../../core/days.js';

interface PersonnelOptions {
  org?: string;
  person?: string;
  since?: string;
  until?: string;
  changes?: boolean;
  limit: string;
  json?: boolean;
}

export function formatHolders(list: InstitutionPosts[], asOf: string): string {
  const out: string[] = [`posts held on ${asOf}`];
  for (const inst of list) {
    out.push('', inst.id ? `${inst.name} (${inst.id})` : inst.name);
    const titleWidth = Math.max(...inst.holders.map((h) => (h.title || '(title not named)').length));
    const personWidth = Math.max(...inst.holders.map((h) => h.person.length));
    for (const h of inst.holders) {
      const seen = h.evidence ? `; ${h.status} ${h.evidence.date} (${h.evidence.outlet ?? h.evidence.url})` : '';
      out.push(`  ${(h.title || '(title not named)').padEnd(titleWidth)}  ${h.person.padEnd(personWidth)}  ${h.since ? `since ${h.since}` : 'since ?'}  [${h.source}${seen}]`);
    }
  }
  return out.join('\n');
}

export function formatChanges(list: PersonnelChange[]): string {
  const width = Math.max(...list.map((c) => c.change.length));
  return list
    .map((c) => {
      const post = [c.title, c.institution.name === UNNAMED_INSTITUTION ? '' : c.institution.name].filter(Boolean).join(', ');
      return `${c.date.padEnd(10)}  ${c.change.padEnd(width)}  ${c.person}${post ? ` — ${post}` : ''}\n${' '.repeat(12 + width + 2)}“${c.evidence.sentence}” (${c.evidence.outlet ? `${c.evidence.outlet}, ` : ''}${c.evidence.url})`;
    })
    .join('\n');
}

export function registerPersonnel(program: Command, ctx: CliContext): void {
  program
    .command('personnel')
    .description('current holders of posts per institution (registry roles and what articles report), or with --changes the feed of personnel changes with evidence')
    .option('--org <org>', 'one institution: a registry id ("org:usa-state-department") or a name as written')
    .option('--person <person>', 'one person: a registry id or a name')
    .option('--since <date>', 'observations dated on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'observations dated on or before this day; holders are as of this day (default today)')
    .option('--changes', 'the feed of observed changes, newest first, with evidence')
    .option('--limit <n>', 'at most this many observations read', '10000')
    .option('--json', 'JSON output')
    .action(async (opts: PersonnelOptions) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ReadoutError('input', `--limit must be a whole number ≥ 1, not "${opts.limit}"`);
      const since = sinceDay(opts.since);
      const until = untilDay(opts.until);
      if (since && until && since > until) throw new ReadoutError('input', '--since is after --until');
      const store = await ctx.store();
      const registry = loadRegistry(await registryOptions(ctx.config(), store));
      const filter: PersonnelFilter = { since, until, changesOnly: !!opts.changes, limit };
      let personKeys: string[] | undefined;
      if (opts.person !== undefined) {
        const match = resolveActor(opts.person, registry);
        const key = candidateKey(opts.person);
        personKeys = match.ids ?? [];
        filter.person = { keys: [...personKeys, ...(key ? [key] : [])], names: match.names ?? [] };
      }
      const org = opts.org !== undefined ? orgMatcher(opts.org, registry) : undefined;
      const records = await store.roleRecords(filter);
      if (opts.changes) {
        const changes = changeFeed(registry, records, org);
        if (opts.json) return ctx.out(JSON.stringify({ changes }, null, 2));
        if (changes.length === 0) return ctx.err('no personnel changes observed (they appear as articles are analysed; widen the filters?)');
        return ctx.out(formatChanges(changes));
      }
      const asOf = until ?? new Date().toISOString().slice(0, 10);
      const institutions = currentHolders(registry, records, { asOf, org, personKeys });
      if (opts.json) return ctx.out(JSON.stringify({ asOf, institutions }, null, 2));
      if (institutions.length === 0) return ctx.err('no post holders known for this filter');
      ctx.out(formatHolders(institutions, asOf));
    });
}
