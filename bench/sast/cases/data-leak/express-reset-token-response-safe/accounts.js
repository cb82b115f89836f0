const crypto = require('crypto');
const { Pool } = require('pg');
const { transport } = require('./mail');

const pool = new Pool();

async function saveResetToken(email, token) {
  const digest = crypto.createHash('sha256').update(token).digest('hex');
  await pool.query('UPDATE users SET reset_digest = $1, reset_expires = now() + interval \'1 hour\' WHERE email = $2', [digest, email]);
}

async function sendResetMail(email, token) {
  await transport.sendMail({ to: email, subject: 'Password reset', text: `https://app.example/reset?token=${token}` });
}

module.exports = { saveResetToken, sendResetMail };
