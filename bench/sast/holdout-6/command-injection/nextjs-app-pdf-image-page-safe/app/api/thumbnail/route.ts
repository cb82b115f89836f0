import { NextResponse } from 'next/server';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function POST(request: Request) {
  const { file } = await request.json();
  await run('pdftoppm', ['-png', '-f', '1', '-l', '1', path.join('/data/uploads', path.basename(String(file))), '/data/thumbs/page']);
  return NextResponse.json({ ok: true });
}
