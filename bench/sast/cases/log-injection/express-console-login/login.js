const express = require('express');
const { checkPassword } = require('./accounts');

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  if (!(await checkPassword(username, password))) {
    console.log('login failed for user ' + username); // expect: log-injection
    return res.status(401).json({ error: 'invalid credentials' });
  }
  res.json({ ok: true });
});

app.listen(3000);
