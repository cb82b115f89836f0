import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const session = request.cookies.get('sid')?.value;
  if (request.nextUrl.pathname === '/auth/continue' && session) {
    const to = request.nextUrl.searchParams.get('to') ?? '/';
    const destination = new URL(to, request.url);
    return NextResponse.redirect(destination); // expect: open-redirect
  }
  return NextResponse.next();
}

export const config = { matcher: ['/auth/:path*'] };
