import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DOCS = path.join(process.cwd(), 'content', 'docs');

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string[] }> }) {
  const { slug } = await params;
  const file = path.join(DOCS, slug.join('/')) + '.md';
  const text = await readFile(file, 'utf8'); // expect: path-traversal
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
