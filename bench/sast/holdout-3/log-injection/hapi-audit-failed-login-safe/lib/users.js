'use strict';

const Bcrypt = require('bcrypt');

const users = new Map([['ops', { id: 1, hash: '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5LjQ6iZqCBVx6s8n1W0n7Vvyy9cJ8yS' }]]);

exports.verify = async (username, password) => {
  const user = users.get(String(username));
  if (!user) return null;
  return (await Bcrypt.compare(String(password), user.hash)) ? user : null;
};
