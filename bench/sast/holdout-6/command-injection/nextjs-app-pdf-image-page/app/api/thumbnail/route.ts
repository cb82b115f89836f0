import { NextResponse } from 'next/server';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);

export async function POST(request: Request) {
  const { file } = await request.json();
  await run(`pdftoppm -png -f 1 -l 1 "/data/uploads/${file}" /data/thumbs/page`); // expect: command-injection
  return NextResponse.json({ ok: true });
}
