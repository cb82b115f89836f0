import { Injectable } from '@nestjs/common';
import { exec } from 'node:child_process';

@Injectable()
export class JobsService {
  terminate(pid: string | number) {
    return new Promise<{ stopped: boolean }>((resolve) => {
      exec(`pkill -TERM -P ${pid}; kill -TERM ${pid}`, (err) => resolve({ stopped: !err })); // expect: command-injection
    });
  }
}
