'use strict';

async function listUsernames() {
  return ['alice', 'alina', 'bob', 'bobby-tables', 'carol'];
}

module.exports = { listUsernames };
