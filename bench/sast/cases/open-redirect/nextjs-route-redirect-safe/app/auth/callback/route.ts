import { NextResponse, type NextRequest } from 'next/server';

export function GET(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to') ?? '/';
  const target = new URL(to, request.url);
  if (target.origin !== request.nextUrl.origin) return NextResponse.redirect(new URL('/', request.url));
  return NextResponse.redirect(target);
}
