import { NextRequest } from 'next/server';
import { resultsPage } from '../../lib/render';
import { searchDocs } from '../../lib/search';

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? '';
  const hits = await searchDocs(q);
  const html = resultsPage(q, hits);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }); // expect: xss
}
