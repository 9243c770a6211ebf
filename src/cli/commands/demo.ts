import type { Command } from 'commander';
import type { CliContext } from '../context.js';

// Placeholder until the command is written.
export function registerDemo(_program: Command, _ctx: CliContext): void {}
