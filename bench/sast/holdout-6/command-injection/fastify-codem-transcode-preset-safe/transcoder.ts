import { spawn } from 'node:child_process';
import path from 'node:path';

const MEDIA = '/srv/media';

export function transcode(source: string, preset: string) {
  const input = path.join(MEDIA, path.basename(source));
  const PRESETS = new Set(['ultrafast', 'fast', 'medium', 'slow']);
  if (!PRESETS.has(preset)) throw new Error('unknown preset');
  return spawn('ffmpeg', ['-i', input, '-preset', preset, '-c:v', 'libx264', `${input}.out.mp4`], { stdio: 'ignore' });
}
