import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

export function registerRules(program: Command, { io }: CommandContext): void {
  program
    .command('rules')
    .description('List every rule with its practice, CWE and severity')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }) => {
      // Loaded when the command runs, so that other commands start without every rule.
      const { RULES } = await import('@rampart/scan');
      if (flags.json) {
        io.stdout(`${JSON.stringify(RULES.map((r) => r.meta), null, 2)}\n`);
        return;
      }
      for (const r of RULES) {
        io.stdout(`${r.meta.id.padEnd(36)} P${String(r.meta.practice).padEnd(3)} ${r.meta.cwe.padEnd(9)} ${r.meta.severity.padEnd(8)} ${r.meta.title}\n`);
      }
    });
}
