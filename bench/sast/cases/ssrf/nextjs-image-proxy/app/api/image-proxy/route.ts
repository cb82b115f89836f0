import { put } from '@vercel/blob';

export async function POST(request: Request) {
  const { imageUrl } = await request.json();
  const upstream = await fetch(imageUrl, { redirect: 'manual' }); // expect: ssrf
  if (!upstream.ok) return Response.json({ error: 'could not fetch the image' }, { status: 422 });
  const blob = await put(`avatars/${crypto.randomUUID()}`, await upstream.arrayBuffer(), { access: 'public' });
  return Response.json({ url: blob.url });
}
