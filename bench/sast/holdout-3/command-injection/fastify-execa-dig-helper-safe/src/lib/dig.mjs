import { execa } from 'execa';

export async function lookupRecords(host, type) {
  const { stdout } = await execa('dig', ['+short', type, host], { timeout: 5000 });
  return stdout.split('\n').filter(Boolean);
}
