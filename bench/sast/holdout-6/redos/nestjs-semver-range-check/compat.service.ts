import { Injectable } from '@nestjs/common';

const RANGE = /^(\s*[<>=^~]*\s*\d+(\.\d+)*\s*)+$/;

@Injectable()
export class CompatService {
  isRange(input: string): boolean {
    return RANGE.test(input); // expect: redos
  }
}
