import sharp from 'sharp';
import { NextRequest } from 'next/server';

const ORIGIN = process.env.PUBLIC_ORIGIN ?? 'https://shop.example.com';

export async function GET(request: NextRequest) {
  const src = request.nextUrl.searchParams.get('src') ?? '';
  const width = Math.min(Number(request.nextUrl.searchParams.get('w')) || 640, 2048);
  const target = new URL(src, ORIGIN);
  if (target.origin !== ORIGIN) return new Response('src must be a local image', { status: 400 });
  const upstream = await fetch(target);
  const resized = await sharp(Buffer.from(await upstream.arrayBuffer())).resize({ width }).webp().toBuffer();
  return new Response(resized, { headers: { 'Content-Type': 'image/webp' } });
}
