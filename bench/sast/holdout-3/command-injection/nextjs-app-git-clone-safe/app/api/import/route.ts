import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';

const git = promisify(execFile);

export async function POST(request: Request) {
  const { repoUrl } = await request.json();
  const workdir = `/tmp/imports/${randomUUID()}`;
  let url: URL;
  try {
    url = new URL(String(repoUrl));
  } catch {
    return Response.json({ error: 'invalid url' }, { status: 400 });
  }
  if (url.protocol !== 'https:' || url.hostname !== 'github.com') {
    return Response.json({ error: 'only https://github.com repositories' }, { status: 400 });
  }
  await git('git', ['clone', '--depth', '1', '--', url.href, workdir]);
  return Response.json({ workdir });
}
