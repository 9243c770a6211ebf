// Loading the YAML rules file (config alerts.rulesFile) into the store: at the start of
// watch/serve and with `readout rules sync`. The file is operator-owned but takes the same rule
// schema as the API (no `file:` paths; sinks must be configured), and stored rules that still
// name a file path are reported as refused.
import { readFile } from 'node:fs/promises';
import { describeError, ReadoutError } from '../core/errors.js';
import { registryOptions } from '../pipeline/analyze-stage.js';
import type { Services } from '../pipeline/services.js';
import { loadRegistry } from '../registry/load.js';
import { checkSinks, ruleRefusal } from './log-sink.js';
import { parseRulesYaml, resolveRule, type Rule } from './rules.js';

/**
 * Loads config alerts.rulesFile into the store: its rules are created or updated by name
 * (origin "file"), and file rules no longer in it removed. Rules made by the API or CLI stay.
 */
export async function syncRulesFile(svc: Pick<Services, 'store' | 'config' | 'logger'>, file = svc.config.alerts.rulesFile): Promise<{ created: number; updated: number; removed: number; refused: string[] }> {
  const out = { created: 0, updated: 0, removed: 0 };
  if (file) await loadFile(svc, file, out);
  // Stored rules that still name a file path (from before log sinks) are refused: said at start.
  const refused = (await svc.store.listRules()).map(ruleRefusal).filter((m): m is string => m !== null);
  for (const message of refused) svc.logger.error({ stage: 'alerts' }, message);
  return { ...out, refused };
}

async function loadFile(svc: Pick<Services, 'store' | 'config' | 'logger'>, file: string, out: { created: number; updated: number; removed: number }): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ReadoutError('config', `cannot read the rules file ${file}: ${describeError(err)}`, { hint: 'check alerts.rulesFile in the config' });
  }
  const specs = parseRulesYaml(text, file);
  specs.forEach((spec, i) => {
    try {
      checkSinks(spec, svc.config.alerts.logSinks);
    } catch (err) {
      throw new ReadoutError('config', `${file}: rule ${i + 1}: ${(err as Error).message}`, { hint: 'add the sink to config alerts.logSinks, or use {kind: log}' });
    }
  });
  const registry = loadRegistry(await registryOptions(svc.config, svc.store));
  const existing = new Map<string, Rule>((await svc.store.listRules()).map((r) => [r.name, r]));
  for (const spec of specs) {
    const rule = { spec, resolved: resolveRule(spec, registry), origin: 'file' as const };
    const old = existing.get(spec.name);
    if (old && old.origin !== 'file') throw new ReadoutError('config', `${file}: rule "${spec.name}" exists and was made by the API or CLI`, { hint: 'rename one of them' });
    if (old) {
      if (JSON.stringify(old.spec) !== JSON.stringify(spec) || JSON.stringify(old.resolved) !== JSON.stringify(rule.resolved)) {
        await svc.store.updateRule(old.id, rule);
        out.updated++;
      }
    } else {
      await svc.store.createRule(rule);
      out.created++;
    }
  }
  const names = new Set(specs.map((s) => s.name));
  for (const r of existing.values()) if (r.origin === 'file' && !names.has(r.name) && (await svc.store.removeRule(r.id))) out.removed++;
  if (out.created + out.updated + out.removed) svc.logger.info({ stage: 'alerts', file, ...out }, 'rules file loaded');
}

