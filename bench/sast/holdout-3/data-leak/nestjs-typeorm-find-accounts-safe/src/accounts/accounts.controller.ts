import { Controller, Get } from '@nestjs/common';
import { AccountsService } from './accounts.service';

@Controller('accounts')
export class AccountsController {
  constructor(private readonly accountsService: AccountsService) {}

  @Get('recent')
  async recent() {
    const accounts = await this.accountsService.recent();
    return accounts;
  }
}
