import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DOCS = path.join(process.cwd(), 'content', 'docs');

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  const { slug } = await params;
  const file = path.resolve(DOCS, slug.join('/') + '.md');
  if (!file.startsWith(DOCS + path.sep)) return new Response('Not found', { status: 404 });
  const text = await readFile(file, 'utf8');
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
