import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class MembersService {
  constructor(private readonly dataSource: DataSource) {}

  async findIdByEmail(email: string): Promise<{ id: number } | null> {
    const normalized = email.toLowerCase();
    const rows = await this.dataSource.query('SELECT id FROM members WHERE email = $1 LIMIT 1', [normalized]);
    return rows[0] ?? null;
  }
}
