// `readout rules add|list|remove|test|sync`: watch rules (src/alerts/, docs/api.md "Alerts").
// `add` takes flags or a YAML/JSON file with one rule; `sync` loads config alerts.rulesFile
// (watch and serve do that at start); `test` shows which stored events a rule would fire on,
// without recording or delivering anything.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { dryRunRefusal, dryRunRule } from '../../alerts/dry-run.js';
import { checkSinks, ruleRefusal } from '../../alerts/log-sink.js';
import { syncRulesFile } from '../../alerts/rules-file.js';
import { parseRuleSpec, resolveRule, type Rule } from '../../alerts/rules.js';
import { ReadoutError } from '../../core/errors.js';
import { actorLabel } from '../../events/timeline.js';
import { registryOptions } from '../../pipeline/analyze-stage.js';
import { loadRegistry } from '../../registry/load.js';
import type { CliContext } from '../context.js';

interface AddOptions {
  file?: string;
  name?: string;
  actor: string[];
  type: string[];
  keyword: string[];
  minAbsIntensity?: string;
  webhook?: string;
  secret?: string;
  logFile?: string;
  logSink?: string;
  log?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];
const num = (v: string | undefined, flag: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new ReadoutError('input', `${flag} must be a number, not "${v}"`);
  return n;
};

function formatRule(r: Rule): string {
  const m = r.spec.match;
  const parts = [m.actors?.length ? `actors ${m.actors.join(',')}` : '', m.dyad ? `dyad ${m.dyad.a}${m.dyad.directed ? '→' : '–'}${m.dyad.b}` : '', m.types?.length ? `types ${m.types.join(',')}` : '',
    m.minAbsIntensity !== undefined ? `|i|≥${m.minAbsIntensity}` : '', m.keywords?.length ? `keywords ${m.keywords.join('|')}` : '',
    m.personnel ? `personnel ${m.personnel.changes?.join(',') ?? 'any change'}${m.personnel.person ? ` of ${m.personnel.person}` : ''}${m.personnel.org ? ` at ${m.personnel.org}` : ''}` : '',
    m.spike ? `spike in ${m.spike.series} per ${m.spike.by} on ${m.spike.actor ?? m.spike.keyword ?? `${m.spike.dyad?.a}–${m.spike.dyad?.b}`}` : ''].filter(Boolean);
  const to = r.spec.deliver.map((d) => (d.kind === 'webhook' ? `webhook ${d.url}` : `log ${d.sink !== undefined ? `sink ${d.sink}` : '(log)'}`)).join(', ') || 'atom only';
  const refused = ruleRefusal(r);
  return `#${String(r.id).padEnd(4)} ${r.name}${r.spec.enabled ? '' : ' (disabled)'}${refused ? ' (REFUSED)' : ''} [${r.origin}]: ${parts.join('; ')} → ${to}${refused ? `\n      ${refused}` : ''}`;
}

export function registerRules(program: Command, ctx: CliContext): void {
  const rules = program.command('rules').description('watch rules: alerts on merged events, personnel moves and spikes (webhook, Atom feed, log sink)');
  const registry = async () => loadRegistry(await registryOptions(ctx.config(), await ctx.store()));

  rules
    .command('add')
    .description('add a rule from flags or from a YAML/JSON file holding one rule')
    .option('--file <file>', 'a YAML or JSON file with one rule (the rulesFile shape)')
    .option('--name <name>', 'rule name')
    .option('--actor <actor>', 'registry id, ISO3 code or name (source or target; repeatable)', collect, [])
    .option('--type <type>', 'event type, e.g. THREATEN (repeatable)', collect, [])
    .option('--keyword <text>', 'word or phrase in a quote or evidence sentence (repeatable)', collect, [])
    .option('--min-abs-intensity <x>', '|intensity| at least this')
    .option('--webhook <url>', 'POST signed JSON here')
    .option('--secret <secret>', 'the webhook HMAC secret (16+ characters)')
    .option('--log-sink <name>', 'append a JSON line per alert to this log sink (config alerts.logSinks)')
    .option('--log-file <file>', 'refused: a rule cannot name a file (use --log-sink)')
    .option('--log', 'log each alert (info level)')
    .action(async (opts: AddOptions) => {
      let input: unknown;
      if (opts.file) input = parseYaml(readFileSync(opts.file, 'utf8'));
      else {
        if (!opts.name) throw new ReadoutError('input', 'rules add needs --name (or --file)');
        if (opts.webhook && !opts.secret) throw new ReadoutError('input', '--webhook needs --secret');
        if (opts.logFile) throw new ReadoutError('input', '--log-file: a rule cannot name a file to write', { hint: 'configure a sink in alerts.logSinks (a file in <dataDir>/alerts/) and use --log-sink NAME, or --log for the server log' });
        const deliver = [
          ...(opts.webhook ? [{ kind: 'webhook', url: opts.webhook, secret: opts.secret }] : []),
          ...(opts.logSink ? [{ kind: 'log', sink: opts.logSink }] : opts.log ? [{ kind: 'log' }] : []),
        ];
        const match = {
          ...(opts.actor.length ? { actors: opts.actor } : {}),
          ...(opts.type.length ? { types: opts.type.map((t) => t.toUpperCase()) } : {}),
          ...(opts.keyword.length ? { keywords: opts.keyword } : {}),
          ...(opts.minAbsIntensity !== undefined ? { minAbsIntensity: num(opts.minAbsIntensity, '--min-abs-intensity') } : {}),
        };
        input = { name: opts.name, match, deliver };
      }
      const spec = parseRuleSpec(input);
      checkSinks(spec, ctx.config().alerts.logSinks);
      const rule = await (await ctx.store()).createRule({ spec, resolved: resolveRule(spec, await registry()), origin: 'api' });
      ctx.out(formatRule(rule));
      ctx.err(`feed: GET /rules/${rule.id}/atom?token=${rule.feedToken}`);
    });

  rules
    .command('list')
    .description('list rules')
    .option('--json', 'JSON output (webhook secrets hidden)')
    .action(async (opts: { json?: boolean }) => {
      const list = await (await ctx.store()).listRules();
      if (opts.json) return ctx.out(JSON.stringify(list.map((r) => ({ ...r, spec: { ...r.spec, deliver: r.spec.deliver.map((d) => (d.kind === 'webhook' ? { ...d, secret: '***' } : d)) } })), null, 2));
      if (!list.length) return ctx.err('no rules yet: `readout rules add --name N --type THREATEN --actor PRK --log`');
      ctx.out(list.map(formatRule).join('\n'));
    });

  rules
    .command('remove')
    .description('remove a rule (by id or name) with its alerts and deliveries')
    .argument('<id-or-name>')
    .action(async (ref: string) => {
      if (!(await (await ctx.store()).removeRule(/^\d+$/.test(ref) ? Number(ref) : ref))) throw new ReadoutError('input', `no rule "${ref}"`, { hint: 'see `readout rules list`' });
      ctx.err(`removed rule ${ref}`);
    });

  rules
    .command('test')
    .description('show which stored merged events the rule would fire on (nothing is recorded or sent)')
    .argument('<id-or-name>')
    .option('--limit <n>', 'newest events to check', '1000')
    .action(async (ref: string, opts: { limit: string }) => {
      const store = await ctx.store();
      const rule = await store.getRule(/^\d+$/.test(ref) ? Number(ref) : ref);
      if (!rule) throw new ReadoutError('input', `no rule "${ref}"`, { hint: 'see `readout rules list`' });
      const refusal = dryRunRefusal(rule.name, rule.spec.match);
      if (refusal) throw new ReadoutError('input', refusal, { hint: 'see `readout personnel --changes` or `readout trends`' });
      const { hits, checked } = await dryRunRule(store, rule, { scan: num(opts.limit, '--limit') ?? 1000 });
      // Oldest first on the terminal, as `readout timeline` prints events.
      for (const { entry: e, reasons } of [...hits].reverse()) ctx.out(`ev${e.event.id} ${e.event.date ?? e.event.sortDate} ${e.event.type} ${actorLabel(e.event.source)} → ${actorLabel(e.event.target)} (${e.reports.length} reports): ${reasons.join('; ')}`);
      ctx.err(`${hits.length} of ${checked} events match`);
    });

  rules
    .command('sync')
    .description('load config alerts.rulesFile (or --file) into the store: file rules created, updated or removed')
    .option('--file <file>', 'the rules file (default: alerts.rulesFile)')
    .action(async (opts: { file?: string }) => {
      const file = opts.file ?? ctx.config().alerts.rulesFile;
      if (!file) throw new ReadoutError('input', 'no rules file: set alerts.rulesFile in the config or pass --file');
      const r = await syncRulesFile({ store: await ctx.store(), config: ctx.config(), logger: ctx.logger() }, file);
      ctx.err(`rules from ${file}: ${r.created} created, ${r.updated} updated, ${r.removed} removed`);
      for (const message of r.refused) ctx.err(message);
    });
}
