import axios from 'axios';

const IMAGE_HOSTS = new Set(['cdn.shopfront.io', 'images.shopfront.io']);

export async function fetchImage(rawUrl: string): Promise<Buffer> {
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' || !IMAGE_HOSTS.has(url.hostname)) {
    throw Object.assign(new Error('images must come from our CDN'), { status: 400 });
  }
  const response = await axios.get<ArrayBuffer>(url.href, { responseType: 'arraybuffer', timeout: 5000, maxRedirects: 0 });
  return Buffer.from(response.data);
}
