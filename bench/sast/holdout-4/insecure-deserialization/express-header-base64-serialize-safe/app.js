const express = require('express');
const clientPrefs = require('./middleware/prefs');

const app = express();
app.use(clientPrefs);
app.get('/api/feed', (req, res) => res.json({ pageSize: Number(req.prefs?.pageSize) || 20 }));
app.listen(3000);
