'use strict';

const { notesCollection } = require('../db');

module.exports = {
  method: 'GET',
  path: '/notes',
  options: { auth: 'session' },
  handler: async (request) => {
    const owner = request.auth.credentials.userId;
    const filter = JSON.parse(request.query.filter || '{}');
    const query = typeof filter.tag === 'string' ? { owner, tag: filter.tag } : { owner };
    const notes = await notesCollection().find(query).project({ title: 1, tag: 1 }).toArray();
    return { notes };
  },
};
