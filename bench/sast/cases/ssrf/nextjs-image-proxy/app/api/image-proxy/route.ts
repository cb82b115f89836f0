export async function POST(request: Request) {
  const { imageUrl } = await request.json();
  const upstream = await fetch(imageUrl, { redirect: 'manual' }); // expect: ssrf
  return new Response(upstream.body, { headers: { 'content-type': upstream.headers.get('content-type') ?? 'image/png' } });
}
