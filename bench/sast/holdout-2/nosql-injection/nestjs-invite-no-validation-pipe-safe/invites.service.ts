import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Invite } from './invite.schema';
import { RedeemInviteDto } from './redeem-invite.dto';

@Injectable()
export class InvitesService {
  constructor(@InjectModel(Invite.name) private readonly inviteModel: Model<Invite>) {}

  async redeem(dto: RedeemInviteDto) {
    const invite = await this.inviteModel.findOneAndUpdate({ code: dto.code, redeemedAt: null }, { redeemedAt: new Date(), redeemedBy: dto.email }, { new: true }).lean();
    if (!invite) {
      throw new NotFoundException('invalid or used invite');
    }
    return { workspaceId: invite.workspaceId };
  }
}
