import { BadRequestException, Injectable } from '@nestjs/common';

type Section = Record<string, string | number | boolean>;

@Injectable()
export class SettingsService {
  private readonly settings: Record<string, Section> = {
    mail: { fromName: 'Support', dailyDigest: true },
    ui: { theme: 'light', pageSize: 25 },
  };

  update(section: string, key: string, value: string | number | boolean) {
    if (value === undefined || !Object.hasOwn(this.settings, section) || !Object.hasOwn(this.settings[section], key)) {
      throw new BadRequestException('value is required');
    }
    this.settings[section][key] = value;
    return this.settings[section];
  }
}
