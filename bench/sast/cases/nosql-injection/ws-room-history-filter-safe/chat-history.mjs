import { WebSocketServer } from 'ws';
import { MongoClient } from 'mongodb';

const mongo = new MongoClient(process.env.MONGO_URL);
const messages = mongo.db('chat').collection('messages');
const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket, request) => {
  const joined = new Set(['lobby']);

  socket.on('message', async (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'join' && typeof msg.room === 'string') {
      joined.add(msg.room);
      return;
    }
    if (msg.type === 'history' && typeof msg.room === 'string' && joined.has(msg.room)) {
      const history = await messages.find({ room: msg.room }, { projection: { _id: 0, room: 1, author: 1, text: 1, at: 1 } }).sort({ at: -1 }).limit(50).toArray();
      socket.send(JSON.stringify({ type: 'history', history }));
    }
  });
});
