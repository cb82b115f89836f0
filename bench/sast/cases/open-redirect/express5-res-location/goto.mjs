import express from 'express';

const app = express();

app.post('/goto', (req, res) => {
  const to = String(req.query.to ?? '/');
  res.location(to).sendStatus(303); // expect: open-redirect
});

app.listen(3000);
