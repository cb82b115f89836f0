import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerSecretsScan } from './secrets-scan.js';

/**
 * `rampart secrets <subcommand>`: practice 8. Each subcommand lives in its own module and
 * adds itself to this parent (scan: secrets-scan.ts).
 */
export function registerSecrets(program: Command, ctx: CommandContext): void {
  const secrets = program.command('secrets').description('Secrets (practice 8): find them in files and git history');
  registerSecretsScan(secrets, ctx);
}
