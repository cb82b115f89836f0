'use strict';

module.exports = {
  error(message) {
    process.stderr.write(`${new Date().toISOString()} ERROR ${message}\n`);
  },
};
