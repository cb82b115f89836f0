import { Injectable } from '@nestjs/common';

@Injectable()
export class SubscriptionsService {
  private readonly subscribers = new Set<string>();

  async remove(email: string): Promise<void> {
    this.subscribers.delete(email.toLowerCase());
  }
}
