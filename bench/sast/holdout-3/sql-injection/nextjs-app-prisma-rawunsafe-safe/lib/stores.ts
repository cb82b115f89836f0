import { prisma } from './prisma';

type StoreRow = { id: number; name: string; address: string };

export async function storesInCity(city: string): Promise<StoreRow[]> {
  return prisma.$queryRaw<StoreRow[]>`SELECT id, name, address FROM "Store" WHERE city = ${city} ORDER BY name`;
}
