import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class TeamsService {
  private readonly prisma = new PrismaClient();

  members(teamId: number) {
    return this.prisma.user.findMany({ where: { teamId }, orderBy: { name: 'asc' }, select: { id: true, name: true, email: true, role: true } });
  }
}
