'use strict';

const fastify = require('fastify')({ logger: true });
const { DirectoryService } = require('./directory.service');

const directory = new DirectoryService('ldap://ldap.corp.local', 'ou=people,dc=corp,dc=local');

fastify.get('/people', async (request) => {
  const { uid } = request.query;
  return { people: await directory.findPeople(uid) };
});

fastify.listen({ port: 3000 });
