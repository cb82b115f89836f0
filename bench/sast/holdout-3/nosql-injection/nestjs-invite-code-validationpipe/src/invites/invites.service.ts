import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Invite } from './invite.schema';

@Injectable()
export class InvitesService {
  constructor(@InjectModel('Invite') private readonly inviteModel: Model<Invite>) {}

  async redeem(code: string) {
    const invite = await this.inviteModel.findOne({ code, redeemed: false }).select('team'); // expect: nosql-injection
    if (!invite) throw new NotFoundException();
    invite.redeemed = true;
    await invite.save();
    return { team: invite.team };
  }
}
