import fetch from 'node-fetch';

export async function titleOf(target) {
  const res = await fetch(target, { redirect: 'manual', size: 1_000_000 }); // expect: ssrf
  const html = await res.text();
  const m = /<title>([^<]{0,200})<\/title>/i.exec(html);
  return m ? m[1] : null;
}
