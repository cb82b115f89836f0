import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Subscriber } from './subscriber.entity';

@Injectable()
export class NewsletterService {
  constructor(@InjectRepository(Subscriber) private readonly subscribers: Repository<Subscriber>) {}

  unsubscribe(email: string) {
    return this.subscribers.update({ email: String(email) }, { active: false });
  }
}
