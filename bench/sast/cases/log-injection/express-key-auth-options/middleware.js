'use strict';

const express = require('express');
const logger = require('./logger');

async function resolveKeyAuth({ config, keyValue, clientIp, installationId }) {
  if (keyValue && keyValue === config.masterKey) {
    if (config.masterKeyIps.includes(clientIp)) return { isMaster: true };
    logger.error(`Master key rejected for installation ${installationId} from '${clientIp}'.`); // expect: log-injection
    const error = new Error('unauthorized');
    error.status = 403;
    throw error;
  }
  return { isMaster: false };
}

function handleKeyAuth(config) {
  return async (req, res, next) => {
    try {
      req.auth = await resolveKeyAuth({ config, keyValue: req.body._MasterKey, clientIp: req.ip, installationId: req.body._InstallationId });
      next();
    } catch (err) {
      next(err);
    }
  };
}

const app = express();
app.use(express.json());
app.use(handleKeyAuth({ masterKey: process.env.MASTER_KEY, masterKeyIps: ['127.0.0.1'] }));
app.post('/classes/:name', (req, res) => res.json({ master: req.auth.isMaster }));
module.exports = app;
