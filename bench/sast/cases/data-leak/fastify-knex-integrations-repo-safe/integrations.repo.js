'use strict';
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

async function listIntegrations(orgId) {
  return knex('integrations').select('id', 'provider', 'label', 'created_at').where({ org_id: orgId, deleted_at: null }).orderBy('created_at', 'desc');
}

module.exports = { listIntegrations };
