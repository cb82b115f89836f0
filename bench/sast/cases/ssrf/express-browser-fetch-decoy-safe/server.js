const express = require('express');

const app = express();
app.use(express.static('public'));
const CATALOG_API = 'https://catalog.internal/api/items';

app.get('/proxy', async (req, res) => {
  const upstream = await fetch(`${CATALOG_API}?page=${encodeURIComponent(String(req.query.page ?? '1'))}`, { redirect: 'manual' });
  res.json({ status: upstream.status, bytes: (await upstream.arrayBuffer()).byteLength });
});

app.listen(3000);
