const express = require('express');
const path = require('path');

const app = express();

app.get('*', (req, res) => {
  if (!req.session || !req.session.userId) {
    const redirect = req.url.replace('/login', '');
    if (redirect.length > 1) return res.redirect(`/login?redirect=${redirect}`);
  }
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
});

app.listen(3000);
