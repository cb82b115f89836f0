'use strict';

const Members = require('../services/members');

module.exports = {
  method: 'GET',
  path: '/teams/{teamId}/members',
  handler: async (request, h) => {
    const members = await Members.listTeam(String(request.params.teamId));
    return h.response(members); // expect: data-leak
  },
};
