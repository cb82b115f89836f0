import { Injectable } from '@nestjs/common';
import * as serialize from 'node-serialize';

@Injectable()
export class SessionService {
  restore(token: string): { userId: string } {
    return serialize.unserialize(Buffer.from(token, 'base64').toString('utf8')); // expect: insecure-deserialization
  }
}
