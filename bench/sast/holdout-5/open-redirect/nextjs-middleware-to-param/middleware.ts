import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to') ?? '/';
  const destination = new URL(to, request.url);
  return NextResponse.redirect(destination); // expect: open-redirect
}

export const config = { matcher: '/go' };
