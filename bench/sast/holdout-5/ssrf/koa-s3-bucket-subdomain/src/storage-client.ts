import axios from 'axios';

export async function fetchObject(bucket: string, key: string) {
  const url = `https://${bucket}.s3.amazonaws.com/${encodeURIComponent(key)}`;
  const res = await axios.get<Buffer>(url, { responseType: 'arraybuffer', timeout: 5000 }); // expect: ssrf
  return { contentType: String(res.headers['content-type'] ?? 'application/octet-stream'), body: res.data };
}
