#!/usr/bin/env node
// Cooperation/conflict sign agreement on the PLOVER gold-standard records (DEV), the figure
// issue 4 asks for and ../shared/eval/bench/events.mjs does not print. For each sentence, the
// event with the gold type (else the first non-STATEMENT event) must have an intensity whose sign
// is the side of the gold category in PLOVER's quad classes: AGREE, CONSULT, SUPPORT, CONCEDE,
// COOPERATE, AID, RETREAT are cooperation (> 0); REQUEST, ACCUSE, REJECT, THREATEN, PROTEST,
// SANCTION, MOBILIZE, COERCE, ASSAULT are conflict (< 0). No event counts as a disagreement.
// The data is read from ../shared/eval for measurement only.
// Usage (from the project root): node bench/quality/event-sign.mjs [--cmd "npx tsx test/helpers/cli.ts"] [--misses]
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGsr } from '../../../shared/eval/bench/lib/datasets/events.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const cmd = arg('--cmd', 'npx --no-install readout');
const COOPERATION = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);
const gsr = loadGsr('../shared/eval/data/plover-gsr');
const dir = mkdtempSync(join(tmpdir(), 'event-sign-'));
try {
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, gsr.map((g) => JSON.stringify({ id: g.id, text: g.text, published: null })).join('\n'));
  const lines = execSync(`${cmd} analyze --batch ${input} --json`, { maxBuffer: 1 << 30 }).toString().trim().split('\n');
  const byId = new Map(lines.map((l) => JSON.parse(l)).map((o) => [o.id, o]));
  let agree = 0;
  const misses = [];
  for (const g of gsr) {
    const events = (byId.get(g.id)?.events ?? []).filter((e) => e.type !== 'STATEMENT');
    const e = events.find((x) => x.type === g.type) ?? events[0];
    const want = COOPERATION.has(g.type) ? 1 : -1;
    if (e && Math.sign(e.intensity) === want) agree++;
    else misses.push(`${g.type} ← ${e ? `${e.type} ${e.intensity}` : 'no event'}: ${g.text.slice(0, 110)}`);
  }
  if (process.argv.includes('--misses')) console.log(misses.join('\n'));
  console.log(`summary: cooperation/conflict sign agreement ${agree}/${gsr.length} = ${(agree / gsr.length).toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
