const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8083 });
const JOBS = new Map([
  ['upper', (input) => String(input).toUpperCase()],
  ['length', (input) => String(input).length],
]);

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const job = JSON.parse(data.toString());
    const run = JOBS.get(job.kind);
    ws.send(JSON.stringify({ result: run ? run(job.input) : null }));
  });
});
