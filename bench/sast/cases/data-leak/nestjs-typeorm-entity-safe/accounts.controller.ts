import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { AccountsService } from './accounts.service';

@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get(':id')
  async show(@Param('id', ParseUUIDPipe) id: string) {
    const account = await this.accounts.byId(id);
    return { id: account.id, displayName: account.displayName };
  }
}
