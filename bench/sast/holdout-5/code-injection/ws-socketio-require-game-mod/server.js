const { Server } = require('socket.io');
const path = require('path');

const INSTALLED_MODS = new Set(['classic', 'speedrun', 'co-op']);
const io = new Server(3003);

io.on('connection', (socket) => {
  socket.on('mod:load', (name, ack) => {
    try {
      const mod = require(path.join(__dirname, 'mods', String(name))); // expect: code-injection
      ack({ ok: true, rules: mod.rules });
    } catch (err) {
      ack({ ok: false });
    }
  });
});
