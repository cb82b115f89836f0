const { execFile } = require('child_process');

function notify(title, body) {
  execFile('notify-send', ['--', String(title), String(body)], (err) => {
    if (err) console.error('notify failed', err.code);
  });
}

module.exports = { notify };
