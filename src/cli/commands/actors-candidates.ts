// `readout actors candidates [--status S] [--type T] [--min-articles N] [--json]`, and
// `readout actors candidates confirm KEY` / `reject KEY`: review the persons and organisations
// that articles name but the registry does not know. A confirmed candidate joins the registry
// (id "candidate:<name-with-hyphens>") for analyses run after it is confirmed; `readout
// reanalyze --all` re-runs older ones.
import type { Command } from 'commander';
import { ReadoutError } from '../../core/errors.js';
import { candidateActorId, candidateKey, CANDIDATE_STATUSES, keyOfCandidateId } from '../../store/analyses.js';
import type { ActorCandidate, CandidateStatus } from '../../store/types.js';
import type { CliContext } from '../context.js';

interface ListOptions {
  status?: string;
  type?: string;
  minArticles?: string;
  limit: string;
  json?: boolean;
}

const TYPES = ['person', 'organization'] as const;

function formatCandidate(c: ActorCandidate): string {
  const extra = [c.country, c.affiliation, c.roles.length ? c.roles.join('; ') : null].filter((x): x is string => !!x);
  const seen = `${c.firstSeen.slice(0, 10)}…${c.lastSeen.slice(0, 10)}`;
  const aliases = c.aliases.length ? ` (also ${c.aliases.join(', ')})` : '';
  return `${String(c.articleCount).padStart(5)}  ${c.status.padEnd(9)} ${c.type.padEnd(12)} ${c.name}${aliases}  [${c.key}]  ${seen}${extra.length ? `  ${extra.join(' | ')}` : ''}`;
}

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new ReadoutError('input', `${flag} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}

/** "name:anna kowal" as is; "candidate:anna-kowal" or a bare "Anna Kowal" turned into that key. */
function toKey(arg: string): string {
  if (arg.startsWith('name:')) return arg;
  const key = keyOfCandidateId(arg) ?? candidateKey(arg);
  if (!key) throw new ReadoutError('input', `"${arg}" is not a candidate key`, { hint: 'see `readout actors candidates` for the keys' });
  return key;
}

/** Adds `candidates` (with `confirm` and `reject`) to the `actors` command. */
export function registerActorCandidates(actors: Command, ctx: CliContext): void {
  const candidates = actors
    .command('candidates')
    .description('list names of persons and organisations found in articles but unknown to the registry, most articles first')
    .option('--status <status>', 'candidate|confirmed|rejected (default: all)')
    .option('--type <type>', 'person|organization')
    .option('--min-articles <n>', 'only those named in at least N articles')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'JSON output')
    .action(async (opts: ListOptions) => {
      if (opts.status && !CANDIDATE_STATUSES.includes(opts.status as CandidateStatus)) {
        throw new ReadoutError('input', `unknown --status "${opts.status}"`, { hint: `use one of ${CANDIDATE_STATUSES.join(', ')}` });
      }
      if (opts.type && !(TYPES as readonly string[]).includes(opts.type)) {
        throw new ReadoutError('input', `unknown --type "${opts.type}"`, { hint: `use one of ${TYPES.join(', ')}` });
      }
      const store = await ctx.store();
      const list = await store.listCandidates({
        status: opts.status as CandidateStatus | undefined,
        type: opts.type as (typeof TYPES)[number] | undefined,
        minArticles: opts.minArticles === undefined ? undefined : wholeNumber(opts.minArticles, '--min-articles', 0),
        limit: wholeNumber(opts.limit, '--limit', 1),
      });
      if (opts.json) return ctx.out(JSON.stringify(list.map((c) => ({ ...c, actorId: candidateActorId(c.key) })), null, 2));
      if (list.length === 0) return ctx.err('no candidate actors (they appear as articles are analysed)');
      ctx.out(`${'count'.padStart(5)}  ${'status'.padEnd(9)} ${'type'.padEnd(12)} name (also other spellings)  [key]  first…last seen`);
      for (const c of list) ctx.out(formatCandidate(c));
    });

  const mark = (name: 'confirm' | 'reject', status: CandidateStatus, what: string) =>
    candidates
      .command(name)
      .description(what)
      .argument('<key>', 'the candidate key ("name:anna kowal"), its registry id ("candidate:anna-kowal"), or the name')
      .action(async (keyArg: string) => {
        const key = toKey(keyArg);
        const store = await ctx.store();
        await store.setCandidateStatus(key, status);
        const hint = status === 'confirmed' ? ` (registry id ${candidateActorId(key)}: used by analyses from now on; \`readout reanalyze --all\` re-runs older ones)` : '';
        ctx.err(`${key}: ${status}${hint}`);
      });
  mark('confirm', 'confirmed', 'confirm a candidate: later analyses resolve the name to it');
  mark('reject', 'rejected', 'reject a candidate (not an actor, or a misread name)');
}
