const { exec } = require('child_process');

function notify(title, body) {
  exec('notify-send "' + title + '" "' + body + '"', (err) => { // expect: command-injection
    if (err) console.error('notify failed', err.code);
  });
}

module.exports = { notify };
