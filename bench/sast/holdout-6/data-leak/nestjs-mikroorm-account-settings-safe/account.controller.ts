import { Controller, Get, Req } from '@nestjs/common';
import { AccountService } from './account.service';

@Controller('account')
export class AccountController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  async me(@Req() req: { user: { id: number } }) {
    const account = await this.accounts.byId(req.user.id);
    return account;
  }
}
