import { Injectable } from '@nestjs/common';
import { StoreRepository } from '@app/persistence/store.repository';

@Injectable()
export class StoresService {
  constructor(private readonly repo: StoreRepository) {}

  inRegion(region: string) {
    const normalized = region.trim();
    return this.repo.findByRegion(normalized);
  }
}
