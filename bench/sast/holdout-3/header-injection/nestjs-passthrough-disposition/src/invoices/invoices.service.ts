import { Injectable, StreamableFile } from '@nestjs/common';

@Injectable()
export class InvoicesService {
  async render(id: number): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(`%PDF-1.4 invoice ${id}`));
  }
}
