import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

@Injectable()
export class GiftCardsService {
  constructor(@InjectModel('GiftCard') private readonly model: Model<{ code: string; pin: string; balance: number }>) {}

  async balance(code: string, pin: string) {
    const card = await this.model.findOne({ code, pin }, { balance: 1 }).lean();
    if (!card) throw new NotFoundException();
    return { balance: card.balance };
  }
}
