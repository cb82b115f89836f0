const express = require('express');
const path = require('path');

const app = express();

app.get('/avatars/:name', (req, res) => {
  res.sendFile(path.join(__dirname, 'avatars', req.params.name)); // expect: path-traversal
});

app.listen(3000);
