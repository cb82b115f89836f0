import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);

export async function macOf(iface: string): Promise<string> {
  const { stdout } = await run('cat /sys/class/net/' + iface + '/address'); // expect: command-injection
  return stdout.trim();
}
