'use strict';

const Fs = require('fs');
const Path = require('path');
const Joi = require('joi');

const EXPORTS = '/var/lib/reports/exports';

module.exports = [
  {
    method: 'GET',
    path: '/exports/{name}',
    options: {
      validate: { params: Joi.object({ name: Joi.string().required() }) },
    },
    handler: (request, h) => {
      const stream = Fs.createReadStream(Path.join(EXPORTS, request.params.name)); // expect: path-traversal
      return h.response(stream).type('text/csv');
    },
  },
];
