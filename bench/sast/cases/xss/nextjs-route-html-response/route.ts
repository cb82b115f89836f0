import { NextRequest } from 'next/server';

function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

export function GET(request: NextRequest) {
  const name = request.nextUrl.searchParams.get('name')?.trim() || 'there';
  const html = page('Welcome', `<h1>Hi ${name}, thanks for signing up!</h1>`);
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }); // expect: xss
}
