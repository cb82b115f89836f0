import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

interface Invite {
  code: string;
  teamId: string;
  usedAt?: Date;
}

@Injectable()
export class InvitesService {
  constructor(@InjectModel('Invite') private readonly inviteModel: Model<Invite>) {}

  async accept(code: string) {
    const invite = await this.inviteModel.findOne({ code, usedAt: null }); // expect: nosql-injection
    if (!invite) throw new NotFoundException();
    invite.usedAt = new Date();
    await invite.save();
    return { teamId: invite.teamId };
  }
}
