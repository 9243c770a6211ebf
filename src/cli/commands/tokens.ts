// `readout tokens create --role viewer|analyst|admin --name N`, `tokens list [--json]`,
// `tokens revoke ID|NAME`: bearer tokens for the HTTP API (`readout serve`). A token is printed
// once, when created; the store keeps only its sha256.
import type { Command } from 'commander';
import { generateToken } from '../../api/auth.js';
import { ReadoutError } from '../../core/errors.js';
import { API_ROLES } from '../../store/api-tokens.js';
import type { ApiRole, ApiToken } from '../../store/types.js';
import type { CliContext } from '../context.js';

function formatToken(t: ApiToken): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`;
  return `#${String(t.id).padEnd(4)} ${t.role.padEnd(8)} ${t.name}  (created ${t.createdAt}; ${state})`;
}

export function registerTokens(program: Command, ctx: CliContext): void {
  const tokens = program.command('tokens').description('API tokens for `readout serve` (roles: viewer, analyst, admin)');

  tokens
    .command('create')
    .description('create a token and print it (shown this once; only its hash is stored)')
    .requiredOption('--role <role>', API_ROLES.join('|'))
    .requiredOption('--name <name>', 'who or what uses it')
    .action(async (opts: { role: string; name: string }) => {
      if (!(API_ROLES as readonly string[]).includes(opts.role)) throw new ReadoutError('input', `--role must be one of ${API_ROLES.join(', ')}, not "${opts.role}"`);
      if (!opts.name.trim()) throw new ReadoutError('input', '--name is empty');
      const { token, hash } = generateToken();
      const info = await (await ctx.store()).createApiToken({ name: opts.name, role: opts.role as ApiRole, hash });
      ctx.out(token);
      ctx.err(`created token #${info.id} "${info.name}" (${info.role}); keep it now, it cannot be shown again`);
    });

  tokens
    .command('list')
    .description('list tokens (never the tokens themselves)')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await ctx.store()).listApiTokens();
      if (opts.json) return ctx.out(JSON.stringify(list, null, 2));
      if (!list.length) return ctx.err('no tokens yet: `readout tokens create --role viewer --name NAME`');
      ctx.out(list.map(formatToken).join('\n'));
    });

  tokens
    .command('revoke')
    .description('revoke a token by id or name (every active token with that name)')
    .argument('<id-or-name>')
    .action(async (ref: string) => {
      const n = await (await ctx.store()).revokeApiToken(/^\d+$/.test(ref) ? Number(ref) : ref);
      if (n === 0) throw new ReadoutError('input', `no active token "${ref}"`, { hint: 'see `readout tokens list`' });
      ctx.err(`revoked ${n} token${n === 1 ? '' : 's'}`);
    });
}
