import got from 'got';

const CDN_ORIGIN = 'https://images.example-cdn.com';

export async function fetchImage(src) {
  const url = `${CDN_ORIGIN}/images/${encodeURIComponent(src)}`;
  const response = await got(url, { responseType: 'buffer', timeout: { request: 5000 } });
  return { body: response.body, contentType: response.headers['content-type'] };
}
