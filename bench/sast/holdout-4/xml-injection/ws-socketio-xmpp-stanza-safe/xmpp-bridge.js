const net = require('node:net');
const xmlEscape = require('xml-escape');

const upstream = net.connect(5222, 'xmpp.internal');
const plain = (s) => xmlEscape(String(s));

module.exports = function registerBridge(io) {
  io.on('connection', (socket) => {
    socket.on('say', ({ room, text }) => {
      const to = `${plain(room)}@conference.example.com`;
      upstream.write(`<message to="${to}" type="groupchat"><body>${plain(text)}</body></message>`);
    });
  });
};
