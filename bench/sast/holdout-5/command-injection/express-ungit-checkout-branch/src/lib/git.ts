import { exec } from 'node:child_process';

export function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    exec(`git ${args.join(' ')}`, { cwd }, (err, stdout) => (err ? reject(err) : resolve(stdout))); // expect: command-injection
  });
}
