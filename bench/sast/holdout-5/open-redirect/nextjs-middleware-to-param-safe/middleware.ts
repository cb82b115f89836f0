import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const to = request.nextUrl.searchParams.get('to') ?? '/';
  let destination = new URL(to, request.url);
  if (destination.origin !== request.nextUrl.origin) destination = new URL('/', request.url);
  return NextResponse.redirect(destination);
}

export const config = { matcher: '/go' };
