import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerSecretsStore } from './secrets-store.js';

/** `rampart secrets ...`: the parent of the secrets commands; each part registers its own subcommands. */
export function registerSecrets(program: Command, ctx: CommandContext): void {
  const secrets = program.command('secrets').description('Secrets: an encrypted store safe to commit (keygen, set, import, get, list, rotate, check, recipients)');
  registerSecretsStore(secrets, ctx);
}
