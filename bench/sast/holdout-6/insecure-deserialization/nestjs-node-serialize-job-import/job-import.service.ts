import { Injectable } from '@nestjs/common';
import * as serialize from 'node-serialize';

interface JobDefinition {
  name: string;
  cron: string;
}

@Injectable()
export class JobImportService {
  importDump(dump: string) {
    const jobs = serialize.unserialize(dump) as JobDefinition[]; // expect: insecure-deserialization
    return { imported: Array.isArray(jobs) ? jobs.length : 0 };
  }
}
