'use strict';

const Joi = require('joi');
const Storage = require('./storage');

module.exports = [
  {
    method: 'POST',
    path: '/drafts/delete',
    options: {
      validate: { payload: Joi.object({ name: Joi.string().required() }) },
    },
    handler: async (request, h) => {
      await Storage.removeDraft(request.payload.name);
      return h.response().code(204);
    },
  },
];
