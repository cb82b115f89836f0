import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class StoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByRegion(region: string): Promise<Array<{ id: number; name: string }>> {
    return this.dataSource.query(`SELECT id, name FROM stores WHERE region = '${region}' ORDER BY name`); // expect: sql-injection
  }
}
