import { execa } from 'execa';

export async function ping(host) {
  const { stdout } = await execa('ping', ['-c', '3', host], { timeout: 10000 });
  return stdout;
}
