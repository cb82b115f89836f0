'use strict';

const Joi = require('joi');
const { QueryTypes } = require('sequelize');
const { sequelize } = require('../db');

module.exports = {
  method: 'GET',
  path: '/articles',
  options: {
    validate: {
      query: Joi.object({
        page: Joi.number().integer().min(1).default(1),
        order: Joi.string().valid('published_at', 'title').default('published_at'),
      }),
    },
  },
  handler: async (request) => {
    const { page, order } = request.query;
    const offset = (page - 1) * 20;
    return sequelize.query(`SELECT id, title, published_at FROM articles ORDER BY ${order} DESC LIMIT 20 OFFSET ${offset}`, { type: QueryTypes.SELECT });
  },
};
