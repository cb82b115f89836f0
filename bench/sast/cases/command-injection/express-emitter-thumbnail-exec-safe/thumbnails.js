const { exec } = require('child_process');
const events = require('./events');

events.on('thumbnail', (source) => {
  if (!/^[\w-]{1,64}\.(png|jpg)$/.test(source)) return;
  exec(`convert /srv/uploads/${source} -resize 200x200 /srv/thumbs/${source}`, (err) => {
    if (err) console.error('thumbnail failed', err.code);
  });
});
