import type { Command } from 'commander';
import { UserError } from '@rampart/core';
import { EXIT, type CommandContext } from '../io.js';
import { useColor } from '../options.js';

interface DemoFlags {
  secured: boolean;
  runtime: boolean;
  securedDir?: string;
  vulnerableDir?: string;
  keepOpen?: boolean;
  color?: boolean;
}

export function registerDemo(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('demo')
    .description('The whole story on the bundled examples: scan vulnerable-shop, start it, the same code under runtime protection, and secured-shop, attack all three (SQLi, XSS, traversal, SSRF, eval, command injection, brute force), show who fell and who blocked, print the dashboard URL')
    .option('--no-secured', 'do not start the secured shop')
    .option('--no-runtime', 'do not start vulnerable-shop a second time under runtime protection (node --import @rampart/guard/register)')
    .option('--secured-dir <dir>', 'the secured app to start instead of examples/secured-shop (same routes and accounts, same start protocol)')
    .option('--vulnerable-dir <dir>', 'the vulnerable app to scan and start instead of examples/vulnerable-shop')
    .option('--keep-open', 'keep the shops and the dashboard running until Ctrl-C (the default on a terminal)')
    .option('--no-color', 'no colour in the output')
    .addHelpText('after', '\nExit code: 0 when the secured shop held against every attack, 1 when an attack got through it, 2 on errors.\nNot on a terminal (CI, pipes) it stops the shops and exits after printing, unless --keep-open.')
    .action(async (flags: DemoFlags, command: Command) => {
      if (!flags.secured && flags.securedDir) {
        throw new UserError('--no-secured and --secured-dir: choose one.');
      }
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      // Loaded when the command runs: the scanner, the campaign and the process handling.
      const { runDemo } = await import('../demo/run-demo.js');
      const result = await runDemo(
        {
          vulnerableDir: flags.vulnerableDir,
          securedDir: flags.secured ? flags.securedDir : false,
          runtime: flags.runtime,
          keepOpen: flags.keepOpen ?? io.stdoutIsTTY,
          color: useColor(color, io.stdoutIsTTY, false),
          width: Math.max(100, (io.stdoutIsTTY ? process.stdout.columns : undefined) ?? 160),
        },
        io,
      );
      setExit(result.securedFell > 0 ? EXIT.findings : EXIT.ok);
    });
}
