'use strict';

const { notesCollection } = require('../db');

module.exports = {
  method: 'GET',
  path: '/notes',
  options: { auth: 'session' },
  handler: async (request) => {
    const owner = request.auth.credentials.userId;
    const filter = JSON.parse(request.query.filter || '{}');
    const notes = await notesCollection().find({ owner, ...filter }).project({ title: 1, tag: 1 }).toArray(); // expect: nosql-injection
    return { notes };
  },
};
