import express from 'express';

const app = express();
const LOCAL_PATH = /^\/(?![/\\])[^\\\s]*$/;

app.post('/goto', (req, res) => {
  const wanted = String(req.query.to ?? '/');
  const to = LOCAL_PATH.test(wanted) ? wanted : '/';
  res.location(to).sendStatus(303);
});

app.listen(3000);
