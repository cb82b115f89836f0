import { execa } from 'execa';

export async function lookupRecords(host, type) {
  const { stdout } = await execa(`dig +short ${type} ${host}`, { shell: true, timeout: 5000 }); // expect: command-injection
  return stdout.split('\n').filter(Boolean);
}
