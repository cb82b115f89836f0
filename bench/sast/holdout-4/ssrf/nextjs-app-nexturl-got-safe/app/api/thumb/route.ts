import { NextRequest, NextResponse } from 'next/server';
import got from 'got';

const MEDIA_ORIGIN = 'https://media.example-cdn.com';

export async function GET(request: NextRequest) {
  const src = request.nextUrl.searchParams.get('src');
  if (!src || new URL(src).origin !== MEDIA_ORIGIN) return NextResponse.json({ error: 'src required' }, { status: 400 });
  const image = await got(src, { timeout: { request: 4000 } }).buffer();
  return new NextResponse(image, { headers: { 'Content-Type': 'image/jpeg' } });
}
