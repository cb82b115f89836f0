import axios from 'axios';

export async function fetchObject(bucket: string, key: string) {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error('invalid bucket name');
  const url = `https://${bucket}.s3.amazonaws.com/${encodeURIComponent(key)}`;
  const res = await axios.get<Buffer>(url, { responseType: 'arraybuffer', timeout: 5000 });
  return { contentType: String(res.headers['content-type'] ?? 'application/octet-stream'), body: res.data };
}
