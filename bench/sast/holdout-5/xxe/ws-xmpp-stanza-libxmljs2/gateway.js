const { WebSocketServer } = require('ws');
const libxmljs = require('libxmljs2');

const wss = new WebSocketServer({ port: 5280, path: '/xmpp-websocket' });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let stanza;
    try {
      stanza = libxmljs.parseXml(data.toString('utf8'), { noent: true }); // expect: xxe
    } catch {
      socket.send('<stream:error><not-well-formed/></stream:error>');
      return;
    }
    const body = stanza.get('//body');
    const to = stanza.root().attr('to');
    for (const client of wss.clients) {
      if (client !== socket && client.jid === (to && to.value())) client.send(JSON.stringify({ body: body ? body.text() : '' }));
    }
    socket.send(JSON.stringify({ echo: body ? body.text() : '' }));
  });
});
