const { Server } = require('socket.io');

const io = new Server(3001);

io.on('connection', (socket) => {
  socket.on('chat', (text) => {
    if (typeof text !== 'string') return;
    if (text.startsWith('/calc ')) {
      const expr = text.slice(6);
      let answer;
      try {
        answer = String(eval(expr)); // expect: code-injection
      } catch {
        answer = 'cannot compute that';
      }
      socket.emit('chat', { from: 'calc-bot', text: answer });
      return;
    }
    io.emit('chat', { from: socket.id, text });
  });
});
