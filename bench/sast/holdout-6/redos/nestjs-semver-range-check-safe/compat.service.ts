import { Injectable } from '@nestjs/common';

const RANGE = /^[<>=^~]{0,2}\d{1,9}(?:\.\d{1,9}){0,2}(?: [<>=^~]{0,2}\d{1,9}(?:\.\d{1,9}){0,2})*$/;

@Injectable()
export class CompatService {
  isRange(input: string): boolean {
    return input.length <= 100 && RANGE.test(input);
  }
}
