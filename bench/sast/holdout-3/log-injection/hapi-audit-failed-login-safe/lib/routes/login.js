'use strict';

const Audit = require('../audit');
const Users = require('../users');

module.exports = {
  method: 'POST',
  path: '/login',
  options: { auth: false },
  handler: async (request, h) => {
    const { username, password } = request.payload;
    const user = await Users.verify(username, password);
    if (!user) {
      Audit.loginFailed(username, request.info.remoteAddress);
      return h.response({ error: 'invalid credentials' }).code(401);
    }
    request.cookieAuth.set({ id: user.id });
    return { ok: true };
  },
};
