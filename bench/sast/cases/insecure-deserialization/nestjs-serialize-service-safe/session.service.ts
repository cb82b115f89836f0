import { Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class SessionService {
  restore(token: string): { userId: string } {
    const claims = jwt.verify(token, process.env.SESSION_SECRET as string, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    return { userId: String(claims.sub) };
  }
}
