import { emptyResults } from '../../../lib';

export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  return new Response(emptyResults(q), { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } }); // expect: xss
}
