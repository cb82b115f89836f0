const { Server } = require('socket.io');
const { lobbyPlayers } = require('./lobby');

const io = new Server(3002);

io.on('connection', (socket) => {
  socket.on('lobby:join', (lobbyId) => {
    const id = Number(lobbyId);
    socket.join('lobby:' + id);
    io.to('lobby:' + id).emit('lobby:players', lobbyPlayers(id)); // expect: data-leak
  });
});
