const express = require('express');
const path = require('path');

const app = express();

app.get('/avatars/:name', (req, res) => {
  res.sendFile(req.params.name, { root: path.join(__dirname, 'avatars') });
});

app.listen(3000);
