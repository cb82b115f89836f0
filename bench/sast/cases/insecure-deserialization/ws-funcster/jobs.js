const { WebSocketServer } = require('ws');
const funcster = require('funcster');

const wss = new WebSocketServer({ port: 8083 });

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const job = funcster.deepDeserialize(JSON.parse(data.toString())); // expect: insecure-deserialization
    ws.send(JSON.stringify({ result: typeof job.run === 'function' ? job.run(job.input) : null }));
  });
});
