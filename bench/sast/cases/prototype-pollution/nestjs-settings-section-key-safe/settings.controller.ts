import { Body, Controller, Param, Patch } from '@nestjs/common';
import { SettingsService } from './settings.service';

@Controller('admin/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Patch(':section')
  update(@Param('section') section: string, @Body() body: { key: string; value: string | number | boolean }) {
    return this.settings.update(section, body.key, body.value);
  }
}
