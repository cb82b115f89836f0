import got from 'got';

const CDN_ORIGIN = 'https://images.example-cdn.com';

export async function fetchImage(src) {
  const url = src;
  const response = await got(url, { responseType: 'buffer', timeout: { request: 5000 } }); // expect: ssrf
  return { body: response.body, contentType: response.headers['content-type'] };
}
