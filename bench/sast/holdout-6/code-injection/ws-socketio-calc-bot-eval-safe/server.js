const { Server } = require('socket.io');

const io = new Server(3001);

io.on('connection', (socket) => {
  socket.on('chat', (text) => {
    if (typeof text !== 'string') return;
    if (text.startsWith('/calc ')) {
      const expr = text.slice(6);
      let answer;
      try {
        if (!/^[\d\s+\-*/%.()]{1,200}$/.test(expr)) throw new Error('not arithmetic');
        answer = String(eval(expr));
      } catch {
        answer = 'cannot compute that';
      }
      socket.emit('chat', { from: 'calc-bot', text: answer });
      return;
    }
    io.emit('chat', { from: socket.id, text });
  });
});
