const { Server } = require('socket.io');
const { exec } = require('node:child_process');

const FOLDERS = new Set(['inbox', 'sent', 'drafts']);
const io = new Server(3001, { cors: { origin: 'https://mail.example.com' } });

io.on('connection', (socket) => {
  socket.on('archive', (request, ack) => {
    const folder = FOLDERS.has(String(request.folder)) ? String(request.folder) : "inbox";
    exec(`tar -czf /srv/archives/${socket.id}.tgz /srv/mail/${folder}`, (err) => {
      ack({ ok: !err });
    });
  });
});
