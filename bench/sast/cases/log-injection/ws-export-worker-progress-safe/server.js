const { Worker } = require('node:worker_threads');
const { WebSocketServer } = require('ws');
const winston = require('winston');

// Text lines (the simple format), not JSON: a line break in a message starts a new line of the log.
const log = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });
const wss = new WebSocketServer({ port: 8091 });

wss.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const request = JSON.parse(raw.toString());
    const worker = new Worker('./export-worker.js', { workerData: { reportId: Number(request.reportId) } });
    worker.on('message', (progress) => {
      log.info(`export ${progress.reportId}: ${progress.percent}% ${progress.stage}`);
      socket.send(JSON.stringify({ percent: Number(progress.percent) }));
    });
    log.info('export requested for report ' + Number(request.reportId));
  });
});
