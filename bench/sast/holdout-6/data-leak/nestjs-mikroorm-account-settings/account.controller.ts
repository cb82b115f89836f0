import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AccountService } from './account.service';

@Controller('account')
export class AccountController {
  constructor(private readonly accounts: AccountService) {}

  @Get()
  @UseGuards(AuthGuard('jwt'))
  async me(@Req() req: { user: { id: number } }) {
    const account = await this.accounts.byId(req.user.id);
    return account; // expect: data-leak
  }
}
