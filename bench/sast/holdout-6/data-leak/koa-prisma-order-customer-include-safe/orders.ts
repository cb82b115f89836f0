import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export function orderWithCustomer(id: number) {
  return prisma.order.findUnique({ where: { id }, include: { customer: { select: { id: true, name: true, email: true } } } });
}
