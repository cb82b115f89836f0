'use strict';

const Joi = require('joi');
const fs = require('node:fs/promises');
const path = require('node:path');

const BASE = '/srv/statements';

module.exports = {
  method: 'GET',
  path: '/statements/{folder}/{name}',
  options: {
    validate: {
      params: Joi.object({
        folder: Joi.string().valid('invoices', 'receipts').required(),
        name: Joi.string().pattern(/^[\w-]{1,64}\.pdf$/).required(),
      }),
    },
  },
  handler: async (request, h) => {
    const { folder, name } = request.params;
    const pdf = await fs.readFile(path.join(BASE, folder, name));
    return h.response(pdf).type('application/pdf');
  },
};
