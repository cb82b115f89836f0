import { Injectable } from '@nestjs/common';
import { Client, createClient } from 'ldapjs';

export interface Person {
  uid: string;
  cn: string;
}

@Injectable()
export class DirectoryService {
  private readonly client: Client = createClient({ url: process.env.LDAP_URL ?? 'ldap://ldap.internal:389' });

  search(term: string): Promise<Person[]> {
    const filter = `(&(objectClass=person)(|(cn=${term}*)(mail=${term}*)))`;
    return new Promise((resolve, reject) => {
      this.client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter, attributes: ['uid', 'cn'], sizeLimit: 25 }, (err, res) => { // expect: ldap-injection
        if (err) return reject(err);
        const people: Person[] = [];
        res.on('searchEntry', (entry) => people.push({ uid: String(entry.pojo.attributes[0]?.values[0]), cn: String(entry.pojo.attributes[1]?.values[0]) }));
        res.on('error', reject);
        res.on('end', () => resolve(people));
      });
    });
  }
}
