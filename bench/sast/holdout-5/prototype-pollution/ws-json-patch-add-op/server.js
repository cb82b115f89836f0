const { WebSocketServer } = require('ws');
const { applyOperation } = require('./lib/patch');

const documents = new Map();
const wss = new WebSocketServer({ port: 8090 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { docId, op } = JSON.parse(data.toString());
    const doc = documents.get(docId) || {};
    applyOperation(doc, op);
    documents.set(docId, doc);
    socket.send(JSON.stringify({ ack: true }));
  });
});
