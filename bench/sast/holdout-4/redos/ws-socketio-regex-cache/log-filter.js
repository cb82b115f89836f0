const { matcherFor } = require('./regex-cache');

module.exports = function registerFilter(io, history) {
  io.on('connection', (socket) => {
    socket.on('filter', ({ pattern }, ack) => {
      const re = matcherFor(String(pattern));
      ack(history.filter((line) => re.test(line)).slice(-100));
    });
  });
};
