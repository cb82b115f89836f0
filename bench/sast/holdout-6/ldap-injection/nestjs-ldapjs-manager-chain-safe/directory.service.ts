import { Injectable } from '@nestjs/common';
import ldap from 'ldapjs';

@Injectable()
export class DirectoryService {
  private readonly client = ldap.createClient({ url: process.env.AD_URL ?? 'ldaps://ad.corp.example' });

  managerOf(email: string): Promise<string[]> {
    const filter: string | ldap.Filter = new ldap.EqualityFilter({ attribute: 'mail', value: String(email) });
    return new Promise((resolve, reject) => {
      this.client.search('dc=corp,dc=example', { scope: 'sub', filter, attributes: ['manager'] }, (err, res) => {
        if (err) return reject(err);
        const managers: string[] = [];
        res.on('searchEntry', (entry) => managers.push(String(entry.pojo.attributes.find((a) => a.type === 'manager')?.values[0] ?? '')));
        res.on('end', () => resolve(managers));
        res.on('error', reject);
      });
    });
  }
}
