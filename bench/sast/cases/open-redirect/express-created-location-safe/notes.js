const express = require('express');
const { createNote } = require('./store');

const app = express();
app.use(express.json());

app.post('/notes', async (req, res) => {
  const note = await createNote(String(req.body.text));
  res.status(201).location(`${req.protocol}://${req.get('host')}${req.originalUrl}/${note.id}`).json({ id: note.id });
});

app.listen(3000);
