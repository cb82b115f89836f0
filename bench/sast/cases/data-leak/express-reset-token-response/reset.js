const express = require('express');
const crypto = require('crypto');
const { saveResetToken, sendResetMail } = require('./accounts');

const app = express();
app.use(express.json());

app.post('/password/reset-request', async (req, res) => {
  const email = String(req.body.email);
  const resetToken = crypto.randomBytes(32).toString('hex');
  await saveResetToken(email, resetToken);
  await sendResetMail(email, resetToken);
  res.json({ ok: true, resetToken }); // expect: data-leak
});

app.listen(3000);
