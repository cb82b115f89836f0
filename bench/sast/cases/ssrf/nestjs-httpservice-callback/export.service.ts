import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

export interface ExportRequest {
  reportId: string;
  callbackUrl?: string;
}

@Injectable()
export class ExportService {
  constructor(private readonly http: HttpService) {}

  async runExport(req: ExportRequest): Promise<{ jobId: string }> {
    const jobId = `exp_${Date.now().toString(36)}`;
    if (req.callbackUrl) {
      await firstValueFrom(this.http.post(req.callbackUrl, { jobId, reportId: req.reportId, state: 'queued' })); // expect: ssrf
    }
    return { jobId };
  }
}
