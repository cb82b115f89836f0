'use strict';

const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { convertArgs } = require('../lib/convert-args');

const run = promisify(execFile);

module.exports = {
  method: 'POST',
  path: '/images/{id}/convert',
  handler: async (request) => {
    const source = `/srv/images/${Number(request.params.id)}.png`;
    const output = `/srv/images/${Number(request.params.id)}-out.jpg`;
    const args = [...convertArgs(source, { ...request.payload, output })];
    await run('convert', args);
    return { ok: true };
  },
};
