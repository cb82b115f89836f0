import { Command, CommanderError } from 'commander';
import { UserError, VERSION } from '@rampart/core';
import { EXIT, processIo, type CommandContext, type Io } from './io.js';

export { EXIT, type Io } from './io.js';

type Register = (program: Command, ctx: CommandContext) => void;

/** Every command, one module each; the order is the order of `rampart --help`. */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<Register>])[] = [
  ['scan', async () => (await import('./commands/scan.js')).registerScan],
  ['deps', async () => (await import('./commands/deps.js')).registerDeps],
  ['db', async () => (await import('./commands/db.js')).registerDb],
  ['secrets', async () => (await import('./commands/secrets.js')).registerSecrets],
  ['probe', async () => (await import('./commands/probe.js')).registerProbe],
  ['rules', async () => (await import('./commands/rules.js')).registerRules],
  ['dashboard', async () => (await import('./commands/dashboard.js')).registerDashboard],
  ['demo', async () => (await import('./commands/demo.js')).registerDemo],
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
  // Only the module of the command that runs is loaded (`rampart deps` does not load the secrets
  // store); help, --version and unknown commands load them all, to list them or suggest one.
  const named = COMMANDS.find(([name]) => name === argv[0]);
  const registers = await Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program, ctx);

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
