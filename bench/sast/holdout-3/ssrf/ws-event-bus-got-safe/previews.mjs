import got from 'got';
import { bus } from './bus.mjs';

const PREVIEW_HOSTS = new Set(['www.youtube.com', 'vimeo.com', 'github.com']);

bus.on('preview', async ({ url: raw, reply }) => {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' || !PREVIEW_HOSTS.has(url.hostname)) return reply({ ok: false });
    const html = await got(url, { timeout: { request: 4000 }, followRedirect: false }).text();
    reply({ ok: true, length: html.length });
  } catch {
    reply({ ok: false });
  }
});
