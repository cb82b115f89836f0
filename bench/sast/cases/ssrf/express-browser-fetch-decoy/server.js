const express = require('express');

const app = express();
app.use(express.static('public'));

app.get('/proxy', async (req, res) => {
  const upstream = await fetch(String(req.query.url), { redirect: 'manual' }); // expect: ssrf
  res.json({ status: upstream.status, bytes: (await upstream.arrayBuffer()).byteLength });
});

app.listen(3000);
