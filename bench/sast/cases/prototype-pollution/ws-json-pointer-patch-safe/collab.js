const { WebSocketServer } = require('ws');

const doc = { title: 'Untitled', blocks: {} };
const wss = new WebSocketServer({ port: 8086 });
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function setPointer(target, pointer, value) {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.some((p) => UNSAFE_KEYS.has(p))) throw new Error('unsafe pointer');
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] ?? (node[part] = {});
  node[parts[parts.length - 1]] = value;
}

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    try {
      const { path, value } = JSON.parse(raw);
      setPointer(doc, String(path), value);
      for (const client of wss.clients) client.send(JSON.stringify({ path, value }));
    } catch {
      ws.send(JSON.stringify({ error: 'patch rejected' }));
    }
  });
});
