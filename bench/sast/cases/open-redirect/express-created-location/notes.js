const express = require('express');
const { createNote } = require('./store');

const app = express();
app.use(express.json());

app.post('/notes', async (req, res) => {
  const note = await createNote(String(req.body.text));
  res.status(303).location(req.body.next || `/notes/${note.id}`).end(); // expect: open-redirect
});

app.listen(3000);
