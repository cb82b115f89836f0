import { spawn } from 'node:child_process';
import path from 'node:path';

const MEDIA = '/srv/media';

export function transcode(source: string, preset: string) {
  const input = path.join(MEDIA, path.basename(source));
  const cmd = `ffmpeg -i ${input} -preset ${preset} -c:v libx264 ${input}.out.mp4`;
  return spawn(cmd, { shell: true, stdio: 'ignore' }); // expect: command-injection
}
