import got from 'got';
import { bus } from './bus.mjs';

bus.on('preview', async ({ url, reply }) => {
  try {
    const html = await got(url, { timeout: { request: 4000 }, followRedirect: false }).text(); // expect: ssrf
    reply({ ok: true, length: html.length });
  } catch {
    reply({ ok: false });
  }
});
