import { Command, CommanderError } from 'commander';
import { UserError, VERSION } from '@rampart/core';
import { registerDashboard } from './commands/dashboard.js';
import { registerDb } from './commands/db.js';
import { registerDemo } from './commands/demo.js';
import { registerDeps } from './commands/deps.js';
import { registerProbe } from './commands/probe.js';
import { registerRules } from './commands/rules.js';
import { registerScan } from './commands/scan.js';
import { registerSecrets } from './commands/secrets.js';
import { EXIT, processIo, type CommandContext, type Io } from './io.js';

export { EXIT, type Io } from './io.js';

/** Every command, one module each; the order is the order of `rampart --help`. */
const COMMANDS: readonly ((program: Command, ctx: CommandContext) => void)[] = [
  registerScan,
  registerDeps,
  registerDb,
  registerSecrets,
  registerProbe,
  registerRules,
  registerDashboard,
  registerDemo,
];

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command('rampart')
    .description('Rampart: the eleven Node.js security practices, checked from the first commit to production.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const ctx: CommandContext = { io, setExit: (code) => void (exit = code) };
  for (const register of COMMANDS) register(program, ctx);

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (err instanceof UserError) {
      io.stderr(`rampart: ${err.message}\n`);
      return EXIT.error;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'EACCES')) {
      io.stderr(`rampart: ${e.message}\n`);
      return EXIT.error;
    }
    throw err;
  }
}
