import { WebSocketServer } from 'ws';

const settings = {
  editor: { theme: 'light', fontSize: 14 },
  notifications: { email: true, push: false },
};

function applyPatch(patch) {
  for (const [section, values] of Object.entries(patch)) {
    if (!Object.hasOwn(settings, section)) continue;
    for (const [key, value] of Object.entries(values)) {
      settings[section][key] = value;
    }
  }
}

new WebSocketServer({ port: 8090 }).on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw));
    if (msg.type === 'settings.patch') applyPatch(msg.patch);
    ws.send(JSON.stringify({ type: 'settings', settings }));
  });
});
