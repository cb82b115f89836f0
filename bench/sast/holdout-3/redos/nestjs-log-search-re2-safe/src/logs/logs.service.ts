import { Injectable } from '@nestjs/common';
import RE2 from 're2';

@Injectable()
export class LogsService {
  private readonly lines: string[] = [];

  append(line: string): void {
    this.lines.push(line);
  }

  search(pattern: string): string[] {
    const matcher = new RE2(pattern);
    return this.lines.filter((line) => matcher.test(line)).slice(0, 500);
  }
}
