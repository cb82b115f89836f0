import { Injectable } from '@nestjs/common';
import i18next from 'i18next';

@Injectable()
export class GreetingService {
  private readonly ready = i18next.init({
    fallbackLng: 'en',
    resources: { en: { translation: { welcome: 'Welcome back, {{name}}!' } }, fr: { translation: { welcome: 'Bon retour, {{name}} !' } } },
  });

  welcome(name: string, lng: string): string {
    return i18next.t('welcome', { name, lng, interpolation: { escapeValue: true } });
  }
}
