import { Injectable } from '@nestjs/common';
import { Client, createClient } from 'ldapjs';
import { escapeFilterValue } from './ldap-escape';

export interface Person {
  cn: string;
  mail: string;
}

@Injectable()
export class DirectoryService {
  private readonly client: Client = createClient({ url: process.env.LDAP_URL ?? 'ldap://127.0.0.1:389' });

  findByUid(uid: string): Promise<Person | null> {
    return new Promise((resolve, reject) => {
      this.client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: `(&(objectClass=inetOrgPerson)(uid=${escapeFilterValue(uid)}))`, attributes: ['cn', 'mail'] }, (err, res) => {
        if (err) return reject(err);
        let person: Person | null = null;
        res.on('searchEntry', (entry) => {
          const attrs = Object.fromEntries(entry.pojo.attributes.map((a) => [a.type, a.values[0]]));
          person = { cn: attrs.cn, mail: attrs.mail };
        });
        res.on('error', reject);
        res.on('end', () => resolve(person));
      });
    });
  }
}
