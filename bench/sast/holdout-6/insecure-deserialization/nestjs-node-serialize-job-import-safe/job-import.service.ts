import { Injectable } from '@nestjs/common';


interface JobDefinition {
  name: string;
  cron: string;
}

@Injectable()
export class JobImportService {
  importDump(dump: string) {
    const jobs = JSON.parse(String(dump)) as JobDefinition[];
    return { imported: Array.isArray(jobs) ? jobs.length : 0 };
  }
}
