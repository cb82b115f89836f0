import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerSecretsScan } from './secrets-scan.js';
import { registerSecretsStore } from './secrets-store.js';

/**
 * `rampart secrets <subcommand>`: practice 8. Each part lives in its own module and adds its
 * subcommands to this parent: detection (secrets-scan.ts) and the encrypted store (secrets-store.ts).
 */
export function registerSecrets(program: Command, ctx: CommandContext): void {
  const secrets = program
    .command('secrets')
    .description('Secrets (practice 8): find them in files and git history; keep them in an encrypted store safe to commit');
  registerSecretsScan(secrets, ctx);
  registerSecretsStore(secrets, ctx);
}
