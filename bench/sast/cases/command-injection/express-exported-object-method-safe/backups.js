'use strict';

const { execSync } = require('child_process');

exports.backups = {
  create(name) {
    execSync(`tar czf /var/backups/${name}.tgz /srv/data`);
  },
};
