import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);

export async function probeMedia(id) {
  const { stdout } = await run(`ffprobe -v quiet -print_format json -show_format /srv/media/${id}.mp4`, { timeout: 10_000 });
  return JSON.parse(stdout).format;
}
