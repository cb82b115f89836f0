import { Injectable } from '@nestjs/common';
import { spawn } from 'child_process';
import { join } from 'path';

@Injectable()
export class TranscodeService {
  private readonly outDir = '/srv/media/out';

  transcode(sourceId: string, preset: string): Promise<string> {
    const input = join('/srv/media/in', `${sourceId}.mp4`);
    const output = join(this.outDir, `${sourceId}-${Date.now()}.webm`);
    const args = ['-i', input, '-preset', preset, output];
    return new Promise((resolve, reject) => {
      const child = spawn('ffmpeg', args);
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`ffmpeg exited ${code}`))));
    });
  }
}
