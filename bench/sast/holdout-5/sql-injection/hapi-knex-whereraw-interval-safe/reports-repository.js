const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

async function signupsSince(days) {
  return knex('users').select('id', 'created_at').whereRaw("created_at > now() - (? * interval '1 day')", [days]);
}

module.exports = { signupsSince };
