'use strict';

const { execFile } = require('child_process');
const Joi = require('joi');

const REPO = '/srv/git/website.git';

module.exports = {
  method: 'GET',
  path: '/archive',
  options: {
    validate: { query: Joi.object({ ref: Joi.string().pattern(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/).default('main') }) },
    pre: [{ method: (request) => request.query.ref, assign: 'ref' }],
  },
  handler: (request, h) => new Promise((resolve) => {
    execFile('git', [`--git-dir=${REPO}`, 'archive', '--format=tar.gz', request.pre.ref], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => {
      if (err) return resolve(h.response({ error: 'archive failed' }).code(400));
      resolve(h.response(stdout).type('application/gzip'));
    });
  }),
};
