import { Inject, Injectable } from '@nestjs/common';
import type { Client, SearchEntry } from 'ldapjs';
import { filter as ldapFilter } from 'ldap-escape';

export const LDAP_CLIENT = Symbol('LDAP_CLIENT');

const buildFilter = (email: string) => `(mail=${email})`;

@Injectable()
export class DirectoryService {
  constructor(@Inject(LDAP_CLIENT) private readonly client: Client) {}

  findByEmail(email: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
      const names: string[] = [];
      this.client.search('dc=example,dc=com', { scope: 'sub', filter: buildFilter(email), attributes: ['cn'] }, (err, res) => { // expect: ldap-injection
        if (err) return reject(err);
        res.on('searchEntry', (entry: SearchEntry) => names.push(String(entry.pojo.attributes[0]?.values[0])));
        res.on('error', reject);
        res.on('end', () => resolve(names));
      });
    });
  }
}
