const { Server } = require('socket.io');
const path = require('path');

const INSTALLED_MODS = new Set(['classic', 'speedrun', 'co-op']);
const io = new Server(3003);

io.on('connection', (socket) => {
  socket.on('mod:load', (name, ack) => {
    try {
      if (!INSTALLED_MODS.has(name)) throw new Error('unknown mod');
      const mod = require(path.join(__dirname, 'mods', String(name)));
      ack({ ok: true, rules: mod.rules });
    } catch (err) {
      ack({ ok: false });
    }
  });
});
