const express = require('express');
const { exec } = require('child_process');

const app = express();
app.use(express.json());

app.post('/docs/:id/convert', (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  const { format } = req.body;
  exec(`pandoc /srv/docs/${id}.md -o /srv/exports/${id}.${format}`, (err) => { // expect: command-injection
    if (err) return res.status(500).json({ error: 'conversion failed' });
    res.json({ download: `/exports/${id}.${format}` });
  });
});

app.listen(3000);
