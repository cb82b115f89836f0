const express = require('express');
const events = require('./events');
require('./thumbnails');

const app = express();

app.post('/images/:name/thumbnail', (req, res) => {
  events.emit('thumbnail', req.params.name);
  res.status(202).json({ queued: true });
});

app.listen(3000);
