const http = require('http');
const busboy = require('busboy');
const escapeHtml = require('escape-html');

const uploads = [];

function listing() {
  const items = uploads.map((u) => `<li>${escapeHtml(u.name)} (${u.size} bytes)</li>`).join('');
  return `<!doctype html><h1>Shared files</h1><ul>${items}</ul><form method="post" enctype="multipart/form-data"><input type="file" name="f"><button>Upload</button></form>`;
}

http
  .createServer((req, res) => {
    if (req.method === 'POST') {
      const bb = busboy({ headers: req.headers, limits: { fileSize: 5e6 } });
      bb.on('file', (_field, stream, info) => {
        let size = 0;
        stream.on('data', (chunk) => (size += chunk.length));
        stream.on('end', () => uploads.push({ name: info.filename, size }));
      });
      bb.on('close', () => res.writeHead(303, { Location: '/' }).end());
      req.pipe(bb);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(listing());
  })
  .listen(8000);
