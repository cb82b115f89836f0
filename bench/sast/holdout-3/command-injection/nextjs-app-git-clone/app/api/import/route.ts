import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';

const sh = promisify(exec);

export async function POST(request: Request) {
  const { repoUrl } = await request.json();
  const workdir = `/tmp/imports/${randomUUID()}`;
  await sh(`git clone --depth 1 ${repoUrl} ${workdir}`); // expect: command-injection
  return Response.json({ workdir });
}
