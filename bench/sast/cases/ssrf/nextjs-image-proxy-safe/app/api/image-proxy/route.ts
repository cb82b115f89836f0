import { put } from '@vercel/blob';

const CDN_HOST = 'images.example-cdn.com';

export async function POST(request: Request) {
  const { imageUrl } = await request.json();
  const url = new URL(imageUrl);
  if (url.protocol !== 'https:' || url.hostname !== CDN_HOST) return Response.json({ error: 'images come from the CDN only' }, { status: 400 });
  const upstream = await fetch(url, { redirect: 'manual' });
  if (!upstream.ok) return Response.json({ error: 'could not fetch the image' }, { status: 422 });
  const blob = await put(`avatars/${crypto.randomUUID()}`, await upstream.arrayBuffer(), { access: 'public' });
  return Response.json({ url: blob.url });
}
