import { execa } from 'execa';

export async function ping(host) {
  const { stdout } = await execa(`ping -c 3 ${host}`, { shell: true, timeout: 10000 }); // expect: command-injection
  return stdout;
}
