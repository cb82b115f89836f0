import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

const CALLBACK_ORIGINS = new Set((process.env.CALLBACK_ORIGINS ?? '').split(',').filter(Boolean));

export interface ExportRequest {
  reportId: string;
  callbackUrl?: string;
}

@Injectable()
export class ExportService {
  constructor(private readonly http: HttpService) {}

  async runExport(req: ExportRequest): Promise<{ jobId: string }> {
    const jobId = `exp_${Date.now().toString(36)}`;
    if (req.callbackUrl && CALLBACK_ORIGINS.has(new URL(req.callbackUrl).origin)) {
      await firstValueFrom(this.http.post(req.callbackUrl, { jobId, reportId: req.reportId, state: 'queued' }));
    }
    return { jobId };
  }
}
