const RE2 = require('re2');

const compiled = new Map();

function matcherFor(pattern) {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RE2(pattern);
    compiled.set(pattern, re);
  }
  return re;
}

module.exports = function registerFilter(io, history) {
  io.on('connection', (socket) => {
    socket.on('filter', ({ pattern }, ack) => {
      const re = matcherFor(String(pattern));
      ack(history.filter((line) => re.test(line)).slice(-100));
    });
  });
};
