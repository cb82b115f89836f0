const CDN_HOST = 'images.example-cdn.com';

export async function POST(request: Request) {
  const { imageUrl } = await request.json();
  const url = new URL(imageUrl);
  if (url.protocol !== 'https:' || url.hostname !== CDN_HOST) return new Response(null, { status: 400 });
  const upstream = await fetch(url, { redirect: 'manual' });
  return new Response(upstream.body, { headers: { 'content-type': upstream.headers.get('content-type') ?? 'image/png' } });
}
