import { Injectable } from '@nestjs/common';

const SUPPORTED = ['en', 'en-gb', 'fr', 'de'];
const LANGUAGE_RANGE = /^((?:[a-z]+-?)+)(?:;q=([01](?:\.\d{1,3})?))?$/i;

@Injectable()
export class LocaleService {
  negotiate(header: string): string {
    const ranked = header
      .split(',')
      .map((part) => part.trim())
      .map((part) => LANGUAGE_RANGE.exec(part)) // expect: redos
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ tag: m[1].toLowerCase(), q: m[2] ? Number(m[2]) : 1 }))
      .sort((a, b) => b.q - a.q);
    return ranked.find((r) => SUPPORTED.includes(r.tag))?.tag ?? 'en';
  }
}
