import { WebSocketServer } from 'ws';
import { Worker } from 'node:worker_threads';

const cleaner = new Worker(new URL('./cleanup-worker.mjs', import.meta.url));
const wss = new WebSocketServer({ port: 8081 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'discard-export') cleaner.postMessage({ file: msg.file });
  });
});
