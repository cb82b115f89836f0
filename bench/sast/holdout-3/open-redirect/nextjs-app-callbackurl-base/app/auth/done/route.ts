import { NextResponse, type NextRequest } from 'next/server';

export function GET(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl') ?? '/';
  const destination = new URL(callbackUrl, request.url);
  return NextResponse.redirect(destination); // expect: open-redirect
}
