const { exec } = require('child_process');
const events = require('./events');

events.on('thumbnail', (source) => {
  exec(`convert /srv/uploads/${source} -resize 200x200 /srv/thumbs/${source}`, (err) => { // expect: command-injection
    if (err) console.error('thumbnail failed', err.code);
  });
});
