const express = require('express');
const { exec } = require('child_process');
const yup = require('yup');

const app = express();
app.use(express.json());
const ConvertBody = yup.object({ format: yup.string().oneOf(['pdf', 'docx', 'html']).required() });

app.post('/docs/:id/convert', async (req, res) => {
  const id = Number.parseInt(req.params.id, 10);
  let format;
  try {
    ({ format } = await ConvertBody.validate(req.body, { strict: true }));
  } catch {
    return res.status(400).json({ error: 'format must be pdf, docx or html' });
  }
  exec(`pandoc /srv/docs/${id}.md -o /srv/exports/${id}.${format}`, (err) => {
    if (err) return res.status(500).json({ error: 'conversion failed' });
    res.json({ download: `/exports/${id}.${format}` });
  });
});

app.listen(3000);
