export async function renderInvoicePdf(id: number): Promise<Buffer> {
  return Buffer.from(`%PDF-1.4\n% invoice ${id}\n`);
}
