const crypto = require('crypto');
const { Pool } = require('pg');

const pool = new Pool();

async function consumeCode(code) {
  const { rows } = await pool.query('DELETE FROM auth_codes WHERE code = $1 AND expires_at > now() RETURNING account_id', [code]);
  return rows[0] ? { accountId: rows[0].account_id } : null;
}

async function issueAccessToken(accountId) {
  const token = crypto.randomBytes(32).toString('base64url');
  const digest = crypto.createHash('sha256').update(token).digest('hex');
  await pool.query('INSERT INTO access_tokens (digest, account_id, expires_at) VALUES ($1, $2, now() + interval \'1 hour\')', [digest, accountId]);
  return token;
}

module.exports = { consumeCode, issueAccessToken, pool };
