import axios from 'axios';

const CDN_HOST = 'cdn.shopfront.io';

export async function fetchImage(rawUrl: string): Promise<Buffer> {
  if (!rawUrl.includes(CDN_HOST)) {
    throw Object.assign(new Error('images must come from our CDN'), { status: 400 });
  }
  const response = await axios.get<ArrayBuffer>(rawUrl, { responseType: 'arraybuffer', timeout: 5000 }); // expect: ssrf
  return Buffer.from(response.data);
}
