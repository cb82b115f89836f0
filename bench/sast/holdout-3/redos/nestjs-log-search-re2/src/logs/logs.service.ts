import { Injectable } from '@nestjs/common';

@Injectable()
export class LogsService {
  private readonly lines: string[] = [];

  append(line: string): void {
    this.lines.push(line);
  }

  search(pattern: string): string[] {
    const matcher = new RegExp(pattern); // expect: redos
    return this.lines.filter((line) => matcher.test(line)).slice(0, 500);
  }
}
